using Coopol.Common.GraphQL;

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
