using System.Linq.Expressions;
using Coopol.Common;

namespace Coopol.Access;

/// <summary>A role (elected) or a delegation (handed by a holder) on one node of the tree: the stored form of rights.
/// A right on a federation covers its sections; the national level covers all.</summary>
[PersonalData("who holds which role or delegation reveals their engagement")]
public sealed class RoleGrant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid PersonId { get; init; }
    public required Role Role { get; init; }
    public required TreeLevel Level { get; init; }
    /// <summary>Set at federation and section level (a section's own federation).</summary>
    public string? FederationCode { get; init; }
    public Guid? SectionId { get; init; }
    public required Permission Permissions { get; init; }
    /// <summary>For a delegation, the grant of the grantor it was carved from: revoking that one revokes this.</summary>
    public Guid? ParentGrantId { get; init; }
    public Guid? GrantedById { get; init; }
    /// <summary>Set when a membership import granted it from its file's "function" column: a later import of the same
    /// scope withdraws it when its file no longer lists that function. Imports never touch grants made by hand.</summary>
    public Guid? ImportId { get; init; }
    public DateTime GrantedAt { get; init; }
    public DateTime? ExpiresAt { get; init; }
    public DateTime? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }

    public TreeNode Node => new(Level, FederationCode, SectionId);

    public bool IsActiveAt(DateTime now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary><see cref="IsActiveAt"/> for queries: the one definition of "active at a time".</summary>
    public static Expression<Func<RoleGrant, bool>> ActiveAt(DateTime now) =>
        g => g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now);

    /// <summary>Whether this grant's node is the given node or one of its ancestors.</summary>
    public bool Covers(TreeNode node) => Level switch
    {
        TreeLevel.National => true,
        TreeLevel.Federation => node.Level != TreeLevel.National && FederationCode == node.FederationCode,
        _ => node.Level == TreeLevel.Section && SectionId == node.SectionId,
    };
}
