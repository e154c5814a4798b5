using Coopol.Features.People;

namespace Coopol.Features.Roles;

/// <summary>A role (elected) or a delegation (handed by a holder) on one node of the tree.
/// A right on a federation covers its sections; the national level covers all.</summary>
public sealed class RoleGrant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid PersonId { get; init; }
    public Person? Person { get; init; }
    public required Role Role { get; init; }
    public required TreeLevel Level { get; init; }
    /// <summary>Set at federation and section level (a section's own federation).</summary>
    public string? FederationCode { get; init; }
    public Guid? SectionId { get; init; }
    public required Permission Permissions { get; init; }
    /// <summary>For a delegation, the grant of the grantor it was carved from: revoking that one revokes this.</summary>
    public Guid? ParentGrantId { get; init; }
    public Guid? GrantedById { get; init; }
    public DateTime GrantedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }

    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Whether this grant's node is the given node or one of its ancestors.</summary>
    public bool Covers(TreeLevel level, string? federationCode, Guid? sectionId) => Level switch
    {
        TreeLevel.National => true,
        TreeLevel.Federation => level != TreeLevel.National && FederationCode == federationCode,
        _ => level == TreeLevel.Section && SectionId == sectionId,
    };
}
