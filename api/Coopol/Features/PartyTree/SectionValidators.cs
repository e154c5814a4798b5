using Coopol.Geo;
using FluentValidation;

namespace Coopol.Features.PartyTree;

public sealed class CreateSectionInputValidator : AbstractValidator<CreateSectionInput>
{
    public CreateSectionInputValidator()
    {
        RuleFor(x => x.FederationCode).MaximumLength(3).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(120).WithErrorCode("TOO_LONG");
        RuleFor(x => x.SeatAddress).MaximumLength(300).WithErrorCode("TOO_LONG");
        RuleFor(x => x.SeatLocation!).SetValidator(new GeoPointInputValidator()).When(x => x.SeatLocation is not null);
    }
}

public sealed class RenameSectionInputValidator : AbstractValidator<RenameSectionInput>
{
    public RenameSectionInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(120).WithErrorCode("TOO_LONG");
    }
}
