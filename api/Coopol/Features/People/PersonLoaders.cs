using Coopol.Common.GraphQL;
using Coopol.Common.Paging;

namespace Coopol.Features.People;

/// <summary>Loads people for nested fields (grantee, grantedBy...) through <see cref="PeopleAccess"/>: a person the
/// caller may not see comes back null, whatever path the query took.</summary>
public sealed class PersonLoader(PeopleAccess access) : BatchLoader<Guid, Person>
{
    protected override Task<IReadOnlyDictionary<Guid, Person>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        access.ByIdsAsync(keys, ct);
}

/// <summary>The current consents of people already read through the scoped path.</summary>
public sealed class CurrentConsentsLoader(ConsentService consents) : BatchLoader<Guid, List<CurrentConsent>>
{
    protected override Task<IReadOnlyDictionary<Guid, List<CurrentConsent>>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        consents.CurrentAsync(keys, ct);
}

/// <summary>What a nested Section.people field asked for; equal requests are batched into one query.</summary>
public sealed record SectionPeopleQuery(PersonFilter? Filter, PersonSort Sort, PageRequest Page);

/// <summary>Section.people for every section of a level of the query, in one query (a page per section).</summary>
public sealed class SectionPeopleLoader(PersonService people) : BatchLoader<(Guid SectionId, SectionPeopleQuery Query), Page<Person>>
{
    protected override async Task<IReadOnlyDictionary<(Guid SectionId, SectionPeopleQuery Query), Page<Person>>> FetchAsync(
        IReadOnlyCollection<(Guid SectionId, SectionPeopleQuery Query)> keys, CancellationToken ct)
    {
        var pages = new Dictionary<(Guid, SectionPeopleQuery), Page<Person>>();
        foreach (var group in keys.GroupBy(k => k.Query))
        {
            var q = group.Key;
            var found = await people.OfSectionsAsync(group.Select(k => k.SectionId).Distinct().ToList(), q.Filter ?? new PersonFilter(), q.Sort, q.Page, ct);
            foreach (var (sectionId, page) in found) pages[(sectionId, q)] = page;
        }
        return pages;
    }
}
