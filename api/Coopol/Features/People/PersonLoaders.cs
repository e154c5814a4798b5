using Coopol.Common.GraphQL;

namespace Coopol.Features.People;

/// <summary>Loads people for nested fields (grantee, grantedBy...) through <see cref="PeopleAccess"/>: a person the
/// caller may not see comes back null, whatever path the query took.</summary>
public sealed class PersonLoader(PeopleAccess access) : BatchLoader<Guid, Person>
{
    protected override Task<IReadOnlyDictionary<Guid, Person>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        access.VisibleByIdsAsync(keys, ct);
}
