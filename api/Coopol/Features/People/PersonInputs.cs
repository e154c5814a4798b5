namespace Coopol.Features.People;

public sealed class GeoPointInput
{
    public double Latitude { get; init; }
    public double Longitude { get; init; }
}

public sealed class PostalAddressInput
{
    public string Line1 { get; init; } = "";
    public string? Line2 { get; init; }
    public string PostalCode { get; init; } = "";
    public string City { get; init; } = "";
    public string? Country { get; init; }
}

public sealed class ConsentInput
{
    public bool Granted { get; init; }
    public ConsentMethod Method { get; init; }
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
    public ConsentInput? EmailConsent { get; init; }
    public ConsentInput? SmsConsent { get; init; }
    public ProfileVisibility? ProfileVisibility { get; init; }
}

/// <summary>Null leaves a field unchanged; an empty phone clears it.</summary>
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
    public ConsentInput? EmailConsent { get; init; }
    public ConsentInput? SmsConsent { get; init; }
    public ProfileVisibility? ProfileVisibility { get; init; }
}

public sealed class MovePersonInput
{
    public string PersonId { get; init; } = "";
    public string SectionId { get; init; } = "";
}

public enum PersonSort
{
    NameAsc,
    NameDesc,
    CreatedAtDesc,
}

public sealed class PersonFilter
{
    public string? Search { get; init; }
    public string? SectionId { get; init; }
    public string? FederationCode { get; init; }
    public PersonKind? Kind { get; init; }
    public string? Tag { get; init; }
}
