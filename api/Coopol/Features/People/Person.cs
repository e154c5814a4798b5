using Coopol.Features.PartyTree;
using NetTopologySuite.Geometries;

namespace Coopol.Features.People;

public enum PersonKind
{
    Member,
    Supporter,
}

public enum ProfileVisibility
{
    Private,
    Section,
    Network,
}

public enum ConsentMethod
{
    WebForm,
    PaperForm,
    Oral,
    Import,
}

/// <summary>A member (pays dues) or a supporter. Everything here is special-category data (GDPR art. 9):
/// read it only through <see cref="PeopleAccess"/>.</summary>
public sealed class Person
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public PersonKind Kind { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>Trimmed and lower-cased; unique.</summary>
    public required string Email { get; set; }
    /// <summary>The sign-in account bound to this person (Entra "oid", or "sub"), set at the first sign-in by
    /// verified email; later sign-ins find the person by it, so changing the email never moves an account.</summary>
    public string? AccountSubject { get; set; }
    /// <summary>E.164 (+33612345678).</summary>
    public string? Phone { get; set; }
    public PostalAddress? Address { get; set; }
    public Point? Location { get; set; }
    public required Guid SectionId { get; set; }
    public Section? Section { get; init; }
    public List<string> Tags { get; set; } = [];
    public Consent? EmailConsent { get; set; }
    public Consent? SmsConsent { get; set; }
    public ProfileVisibility ProfileVisibility { get; set; } = ProfileVisibility.Section;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public string DisplayName => $"{FirstName} {LastName}";
}

public sealed record PostalAddress(string Line1, string? Line2, string PostalCode, string City, string Country);

/// <summary>A consent as given or withdrawn: when and how, so it can be proven later.</summary>
public sealed record Consent(bool Granted, ConsentMethod Method, DateTime RecordedAt);
