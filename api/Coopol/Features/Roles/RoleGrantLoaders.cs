using Coopol.Common.GraphQL;

namespace Coopol.Features.Roles;

/// <summary>Active grants per person, for Person.grants (the person was already read through the scoped path).</summary>
public sealed class ActiveGrantsLoader(RoleService roles) : BatchLoader<Guid, List<RoleGrant>>
{
    protected override Task<IReadOnlyDictionary<Guid, List<RoleGrant>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        roles.ActiveGrantsOfAsync(keys, ct);
}
