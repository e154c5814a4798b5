using Coopol.Common.GraphQL;
using Coopol.Common.Paging;

namespace Coopol.Features.PartyTree;

public sealed class SectionLoader(SectionService sections) : BatchLoader<Guid, Section>
{
    protected override Task<IReadOnlyDictionary<Guid, Section>> FetchAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct) =>
        sections.ByIdsAsync(keys, ct);
}

public sealed class FederationLoader(SectionService sections) : BatchLoader<string, Federation>
{
    protected override Task<IReadOnlyDictionary<string, Federation>> FetchAsync(IReadOnlyCollection<string> keys, CancellationToken ct) =>
        sections.FederationsByCodesAsync(keys, ct);
}

/// <summary>Federation.sections for every federation of a level of the query, in one query (a page each).</summary>
public sealed class FederationSectionsLoader(SectionService sections) : BatchLoader<(string Code, PageRequest Page), Page<Section>>
{
    protected override async Task<IReadOnlyDictionary<(string Code, PageRequest Page), Page<Section>>> FetchAsync(
        IReadOnlyCollection<(string Code, PageRequest Page)> keys, CancellationToken ct)
    {
        var pages = new Dictionary<(string, PageRequest), Page<Section>>();
        foreach (var group in keys.GroupBy(k => k.Page))
            foreach (var (code, page) in await sections.SectionsOfAsync(group.Select(k => k.Code).Distinct().ToList(), group.Key, ct))
                pages[(code, group.Key)] = page;
        return pages;
    }
}
