using Coopol.Common;

namespace Coopol.Common.GraphQL;

/// <summary>How a feature fetches its Relay Node objects by key, through its own scoped path: node() and nodes()
/// show no more than the typed fields do. Keys are the global IDs' keys; unknown or hidden ones are left out.</summary>
public sealed record NodeFetcher(
    string TypeName,
    Func<IServiceProvider, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, object>>> FetchAsync)
{
    /// <summary>For Guid keys: malformed keys are dropped before the fetch.</summary>
    public static NodeFetcher ForGuids<T>(string typeName, Func<IServiceProvider, IReadOnlyList<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, T>>> fetch)
        where T : class =>
        new(typeName, async (services, keys, ct) =>
        {
            var ids = keys.Select(k => Guid.TryParseExact(k, "N", out var g) ? g : (Guid?)null).OfType<Guid>().Distinct().ToList();
            var found = ids.Count == 0 ? new Dictionary<Guid, T>() : await fetch(services, ids, ct);
            return found.ToDictionary(kv => kv.Key.ToString("N"), kv => (object)kv.Value);
        });
}

/// <summary>Resolves global IDs of any registered type, in one fetch per type.</summary>
public sealed class NodeResolver(IEnumerable<NodeFetcher> fetchers)
{
    public const int MaxIds = 100;
    private readonly Dictionary<string, NodeFetcher> _byType = fetchers.ToDictionary(f => f.TypeName);

    public async Task<IReadOnlyList<object?>> ResolveAsync(IServiceProvider services, IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count > MaxIds) throw InputValidationException.For("ids", "TOO_MANY", $"Ask for at most {MaxIds} IDs at once.");
        var decoded = ids.Select(GlobalId.TryDecode).ToList();
        var found = new Dictionary<(string, string), object>();
        foreach (var group in decoded.OfType<(string Type, string Key)>().GroupBy(d => d.Type))
        {
            if (!_byType.TryGetValue(group.Key, out var fetcher)) continue;
            var fetched = await fetcher.FetchAsync(services, group.Select(d => d.Key).Distinct().ToList(), ct);
            foreach (var (key, value) in fetched) found[(group.Key, key)] = value;
        }
        return decoded.Select(d => d is { } x && found.TryGetValue((x.Type, x.Key), out var v) ? v : null).ToList();
    }
}
