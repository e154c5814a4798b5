using Coopol.Access;

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

/// <summary>A grant above another in a delegation chain (its parent, the parent's parent... up to an elected role).</summary>
public sealed record ChainGrant(Guid Start, Guid Id, Guid PersonId, Role Role, TreeLevel Level, string? FederationCode, Guid? SectionId, Guid? ParentGrantId)
{
    public TreeNode Node => new(Level, FederationCode, SectionId);
}
