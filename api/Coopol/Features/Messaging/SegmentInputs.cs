using Coopol.Features.People;
using FluentValidation;

namespace Coopol.Features.Messaging;

/// <summary>A segment's filters as sent by the web client (global ids, GeoJSON).</summary>
public sealed class SegmentDefinitionInput
{
    public List<PersonKind>? Kinds { get; init; }
    public List<string>? Tags { get; init; }
    public List<string>? SectionIds { get; init; }
    public List<string>? StationIds { get; init; }
    public List<string>? ActionIds { get; init; }
    public ConsentChannel? ConsentFor { get; init; }
    public List<string>? PersonIds { get; init; }
    /// <summary>A drawn area, as a GeoJSON Polygon or MultiPolygon.</summary>
    public string? Area { get; init; }
}

public sealed class SaveSegmentInput
{
    /// <summary>Set to change a saved segment; absent to create one.</summary>
    public string? Id { get; init; }
    public string? SectionId { get; init; }
    public string? FederationCode { get; init; }
    public string Name { get; init; } = "";
    public SegmentDefinitionInput Definition { get; init; } = new();
}

public sealed class SegmentDefinitionInputValidator : AbstractValidator<SegmentDefinitionInput>
{
    public const int MaxItems = 500;
    public const int MaxPeople = 20_000;

    public SegmentDefinitionInputValidator()
    {
        RuleFor(x => x.Tags!.Count).LessThanOrEqualTo(50).When(x => x.Tags is not null).OverridePropertyName("tags").WithErrorCode("TOO_MANY");
        RuleForEach(x => x.Tags).NotEmpty().MaximumLength(50).WithErrorCode("INVALID_TAG");
        RuleFor(x => x.SectionIds!.Count).LessThanOrEqualTo(MaxItems).When(x => x.SectionIds is not null).OverridePropertyName("sectionIds").WithErrorCode("TOO_MANY");
        RuleFor(x => x.StationIds!.Count).LessThanOrEqualTo(MaxItems).When(x => x.StationIds is not null).OverridePropertyName("stationIds").WithErrorCode("TOO_MANY");
        RuleForEach(x => x.StationIds).NotEmpty().MaximumLength(20).WithErrorCode("INVALID_STATION");
        RuleFor(x => x.ActionIds!.Count).LessThanOrEqualTo(50).When(x => x.ActionIds is not null).OverridePropertyName("actionIds").WithErrorCode("TOO_MANY");
        RuleFor(x => x.PersonIds!.Count).LessThanOrEqualTo(MaxPeople).When(x => x.PersonIds is not null).OverridePropertyName("personIds").WithErrorCode("TOO_MANY");
        RuleFor(x => x.Area!.Length).LessThanOrEqualTo(1_000_000).When(x => x.Area is not null).OverridePropertyName("area").WithErrorCode("TOO_LONG");
    }
}

public sealed class SaveSegmentInputValidator : AbstractValidator<SaveSegmentInput>
{
    public SaveSegmentInputValidator()
    {
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithErrorCode("REQUIRED").WithMessage("Name the segment.")
            .MaximumLength(120).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Definition).SetValidator(new SegmentDefinitionInputValidator());
    }
}
