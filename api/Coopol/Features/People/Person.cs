using Coopol.Common;
using NetTopologySuite.Geometries;

namespace Coopol.Features.People;

public enum PersonKind
{
    Member,
    Supporter,
    /// <summary>A member whom the party's membership file no longer lists (see Membership); nothing of them is deleted.</summary>
    FormerMember,
}

/// <summary>Who may see a person (see the README's "Visibility"): PRIVATE only those who manage their section;
/// SECTION (the default) also those who may view its people (delegates included); NETWORK also fellow members of
/// their section, who see their name and nothing else.</summary>
public enum ProfileVisibility
{
    Private,
    Section,
    Network,
}

/// <summary>A member (pays dues) or a supporter. Everything here is special-category data (GDPR art. 9):
/// read it only through <see cref="PeopleAccess"/>.</summary>
[PersonalData("a person's name and contact in a party's file reveal a political opinion")]
public sealed class Person
{
    /// <summary>Random (v4), unlike other ids: a time-ordered id would tell when someone joined to whoever sees their name.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();
    public PersonKind Kind { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    /// <summary>Trimmed and lower-cased; unique among records that are not linked to another. Null for someone known by
    /// their phone only (met at the door, or signed up to an action with a phone).</summary>
    public string? Email { get; set; }
    /// <summary>Set when a section recorded someone already known elsewhere under this email: the record stays the
    /// section's, privately linked to that person, who is asked whether to join (<see cref="SectionInvitation"/>).
    /// A linked record never binds a sign-in account.</summary>
    public Guid? LinkedToId { get; set; }
    /// <summary>The sign-in account bound to this person (Entra "oid", or "sub"), set at the first sign-in by
    /// verified email; later sign-ins find the person by it, so changing the email never moves an account.</summary>
    public string? AccountSubject { get; set; }
    /// <summary>E.164 (+33612345678).</summary>
    public string? Phone { get; set; }
    public PostalAddress? Address { get; set; }
    public Point? Location { get; set; }
    public required Guid SectionId { get; set; }
    public List<string> Tags { get; set; } = [];
    public ProfileVisibility ProfileVisibility { get; set; } = ProfileVisibility.Section;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public string DisplayName => $"{FirstName} {LastName}";
}

public sealed record PostalAddress(string Line1, string? Line2, string PostalCode, string City, string Country);
