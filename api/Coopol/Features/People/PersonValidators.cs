using Coopol.Geo;
using FluentValidation;

namespace Coopol.Features.People;

/// <summary>Rules shared by add and update; each failure names the input field.</summary>
public static class PersonRules
{
    public static IRuleBuilderOptions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("REQUIRED").WithMessage("'{PropertyName}' is required.")
            .MaximumLength(100).WithErrorCode("TOO_LONG");

    public static IRuleBuilderOptions<T, string?> Email<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(EmailAddress.IsValid).WithErrorCode("INVALID_EMAIL").WithMessage("This is not a valid email address.");

    public static IRuleBuilderOptions<T, string?> Mobile<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => string.IsNullOrWhiteSpace(p) || (p.Length <= 30 && MobilePhone.ToE164(p) is not null))
            .WithErrorCode("INVALID_PHONE").WithMessage("This is not a valid mobile phone number.");

    public static IRuleBuilderOptions<T, List<string>?> Tags<T>(this IRuleBuilder<T, List<string>?> rule) =>
        rule.Must(t => t is null || (t.Count <= 30 && t.All(x => !string.IsNullOrWhiteSpace(x) && x.Trim().Length <= 50)))
            .WithErrorCode("INVALID_TAGS").WithMessage("At most 30 tags, each 1 to 50 characters.");
}

public sealed class PostalAddressInputValidator : AbstractValidator<PostalAddressInput>
{
    public PostalAddressInputValidator()
    {
        RuleFor(x => x.Line1).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(200).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Line2).MaximumLength(200).WithErrorCode("TOO_LONG");
        RuleFor(x => x.City).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(100).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Country).Matches("^[A-Z]{2}$").When(x => x.Country is not null)
            .WithErrorCode("INVALID_COUNTRY").WithMessage("Country is a two-letter ISO code, e.g. FR.");
        RuleFor(x => x.PostalCode).Matches(@"^\d{5}$").When(x => (x.Country ?? "FR") == "FR")
            .WithErrorCode("INVALID_POSTAL_CODE").WithMessage("A French postal code has 5 digits.");
        RuleFor(x => x.PostalCode).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(10).WithErrorCode("TOO_LONG");
    }
}

public sealed class ConsentInputValidator : AbstractValidator<ConsentInput>
{
    public ConsentInputValidator()
    {
        RuleFor(x => x.WordingVersion).MaximumLength(40).WithErrorCode("TOO_LONG");
    }
}

public sealed class AddPersonInputValidator : AbstractValidator<AddPersonInput>
{
    public AddPersonInputValidator()
    {
        RuleFor(x => x.FirstName).PersonName();
        RuleFor(x => x.LastName).PersonName();
        RuleFor(x => x.Email).Email();
        RuleFor(x => x.Phone).Mobile();
        RuleFor(x => x.Tags).Tags();
        RuleFor(x => x.Address!).SetValidator(new PostalAddressInputValidator()).When(x => x.Address is not null);
        RuleFor(x => x.Location!).SetValidator(new GeoPointInputValidator()).When(x => x.Location is not null);
        RuleFor(x => x.Consents).Must(c => c is null || (c.Count <= 4 && c.DistinctBy(x => (x.Purpose, x.Channel)).Count() == c.Count))
            .WithErrorCode("INVALID_CONSENTS").WithMessage("At most one consent per purpose and channel.");
        RuleForEach(x => x.Consents).SetValidator(new ConsentInputValidator());
    }
}

public sealed class UpdatePersonInputValidator : AbstractValidator<UpdatePersonInput>
{
    public UpdatePersonInputValidator()
    {
        RuleFor(x => x.FirstName).PersonName().When(x => x.FirstName is not null);
        RuleFor(x => x.LastName).PersonName().When(x => x.LastName is not null);
        RuleFor(x => x.Email).Email().When(x => x.Email is not null);
        RuleFor(x => x.Phone).Mobile();
        RuleFor(x => x.Tags).Tags();
        RuleFor(x => x.Address!).SetValidator(new PostalAddressInputValidator()).When(x => x.Address is not null);
        RuleFor(x => x.Location!).SetValidator(new GeoPointInputValidator()).When(x => x.Location is not null);
    }
}

/// <summary>Bounds on what a list may be filtered by: a search's cost must not grow with what the caller types.</summary>
public sealed class PersonFilterValidator : AbstractValidator<PersonFilter>
{
    public PersonFilterValidator()
    {
        RuleFor(x => x.Search).MaximumLength(PersonSearch.MaxLength).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Tag).MaximumLength(50).WithErrorCode("TOO_LONG");
        RuleFor(x => x.FederationCode).MaximumLength(3).WithErrorCode("TOO_LONG");
    }
}
