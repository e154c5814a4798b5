using Coopol.Access;
using Coopol.Common.GraphQL;

namespace Coopol.Features.Roles;

/// <summary>Active grants per person, for Person.grants (the person was already read through the scoped path).</summary>
public sealed class ActiveGrantsLoader(RoleService roles) : BatchLoader<Guid, List<RoleGrant>>
{
    protected override Task<IReadOnlyDictionary<Guid, List<RoleGrant>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        roles.ActiveGrantsOfAsync(keys, ct);
}

/// <summary>Whether the viewer may revoke each grant of a list, with one walk up the delegation chains.</summary>
public sealed class MayRevokeLoader(RoleService roles) : BatchLoader<RoleGrant, Revocable>
{
    protected override async Task<IReadOnlyDictionary<RoleGrant, Revocable>> FetchAsync(IReadOnlyCollection<RoleGrant> keys, CancellationToken ct)
    {
        var allowed = await roles.MayRevokeAsync(keys, ct);
        return keys.ToDictionary(k => k, k => new Revocable(allowed.GetValueOrDefault(k.Id)));
    }
}

public sealed record Revocable(bool Value);
