using Coopol.Geo;

namespace Coopol.Features.People;

public sealed class PostalAddressInput
{
    public string Line1 { get; init; } = "";
    public string? Line2 { get; init; }
    public string PostalCode { get; init; } = "";
    public string City { get; init; } = "";
    public string? Country { get; init; }
}

/// <summary>A consent as recorded when adding someone (given on paper or orally) or later.</summary>
public sealed class ConsentInput
{
    public ConsentPurpose Purpose { get; init; }
    public ConsentChannel Channel { get; init; }
    public bool Granted { get; init; }
    public ConsentMethod Method { get; init; }
    /// <summary>The wording the person was shown (required to grant).</summary>
    public string? WordingVersion { get; init; }
}

public sealed class AddPersonInput
{
    public string SectionId { get; init; } = "";
    public PersonKind Kind { get; init; }
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Email { get; init; } = "";
    public string? Phone { get; init; }
    public PostalAddressInput? Address { get; init; }
    public GeoPointInput? Location { get; init; }
    public List<string>? Tags { get; init; }
    public List<ConsentInput>? Consents { get; init; }
    public ProfileVisibility? ProfileVisibility { get; init; }
}

/// <summary>Null leaves a field unchanged; an empty phone clears it. Consents are recorded with recordConsent.</summary>
public sealed class UpdatePersonInput
{
    public string PersonId { get; init; } = "";
    public PersonKind? Kind { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public PostalAddressInput? Address { get; init; }
    public GeoPointInput? Location { get; init; }
    public List<string>? Tags { get; init; }
    public ProfileVisibility? ProfileVisibility { get; init; }
}

public sealed class MovePersonInput
{
    public string PersonId { get; init; } = "";
    public string SectionId { get; init; } = "";
}

public sealed class RecordConsentInput
{
    public string PersonId { get; init; } = "";
    public ConsentPurpose Purpose { get; init; }
    public ConsentChannel Channel { get; init; }
    public bool Granted { get; init; }
    public ConsentMethod Method { get; init; }
    public string? WordingVersion { get; init; }
}

public sealed class AnswerSectionInvitationInput
{
    public string InvitationId { get; init; } = "";
    public bool Accept { get; init; }
}

public sealed class ExportPeopleInput
{
    /// <summary>A section or federation; omitted for everyone the caller sees nationally.</summary>
    public string? ScopeId { get; init; }
    public PersonKind? Kind { get; init; }
    public string? Tag { get; init; }
    public string? Search { get; init; }
}

public enum PersonSort
{
    NameAsc,
    NameDesc,
    CreatedAtDesc,
}

public sealed record PersonFilter
{
    public string? Search { get; init; }
    public string? SectionId { get; init; }
    public string? FederationCode { get; init; }
    public PersonKind? Kind { get; init; }
    public string? Tag { get; init; }
}

/// <summary>What someone without an account gives about themselves when signing up (to an action).</summary>
public sealed record VisitorDetails(string FirstName, string LastName, string? Email, string? Phone, NetTopologySuite.Geometries.Point? Location);
