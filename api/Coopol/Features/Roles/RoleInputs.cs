namespace Coopol.Features.Roles;

public sealed class GrantRoleInput
{
    public string PersonId { get; init; } = "";
    public Role Role { get; init; }
    public string? ScopeId { get; init; }
}

public sealed class RevokeRoleInput
{
    public string GrantId { get; init; } = "";
}

public sealed class GrantDelegationInput
{
    public string PersonId { get; init; } = "";
    public string? ScopeId { get; init; }
    public List<Permission> Permissions { get; init; } = [];
    public DateTime? ExpiresAt { get; init; }
}

public sealed class RevokeDelegationInput
{
    public string DelegationId { get; init; } = "";
}

public sealed class DelegationFilter
{
    public string? ScopeId { get; init; }
    public bool? IncludeInactive { get; init; }
}

/// <summary>A node of the party tree: national (no keys), a federation, or a section (with its federation).</summary>
public sealed record TreeNode(TreeLevel Level, string? FederationCode, Guid? SectionId)
{
    public static readonly TreeNode National = new(TreeLevel.National, null, null);
}
