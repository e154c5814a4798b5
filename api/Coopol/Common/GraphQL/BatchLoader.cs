using GraphQL.DataLoader;

namespace Coopol.Common.GraphQL;

/// <summary>Collects the keys asked for while a level of the query is walked, then fetches them in one query
/// when the engine first needs a value (GraphQL.NET defers every <see cref="IDataLoaderResult"/>).
/// One instance per request (scoped), so results never cross callers.</summary>
public abstract class BatchLoader<TKey, T> where TKey : notnull where T : class
{
    private readonly Dictionary<TKey, T?> _loaded = [];
    private readonly Dictionary<TKey, Exception> _failed = [];
    private HashSet<TKey> _pending = [];

    public IDataLoaderResult<T?> Load(TKey key)
    {
        if (!_loaded.ContainsKey(key) && !_failed.ContainsKey(key)) _pending.Add(key);
        return new Result(this, key);
    }

    protected abstract Task<IReadOnlyDictionary<TKey, T>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken ct);

    private async Task<T?> GetAsync(TKey key, CancellationToken ct)
    {
        if (_pending.Count > 0 && !_loaded.ContainsKey(key) && !_failed.ContainsKey(key))
        {
            var keys = _pending;
            _pending = [];
            try
            {
                var found = await FetchAsync(keys, ct);
                foreach (var k in keys) _loaded[k] = found.GetValueOrDefault(k);
            }
            catch (Exception e)
            {
                // Every field waiting on this batch gets the same error (a refused filter, say), not a null.
                foreach (var k in keys) _failed[k] = e;
            }
        }
        if (_failed.TryGetValue(key, out var error)) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        return _loaded.GetValueOrDefault(key);
    }

    private sealed class Result(BatchLoader<TKey, T> loader, TKey key) : IDataLoaderResult<T?>
    {
        public Task<T?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

public static class DataLoaderResults
{
    /// <summary>Maps a deferred value once it is loaded.</summary>
    public static IDataLoaderResult<TOut> Then<T, TOut>(this IDataLoaderResult<T> result, Func<T, TOut> map) => new Mapped<T, TOut>(result, map);

    private sealed class Mapped<T, TOut>(IDataLoaderResult<T> inner, Func<T, TOut> map) : IDataLoaderResult<TOut>
    {
        public async Task<TOut> GetResultAsync(CancellationToken cancellationToken = default) => map(await inner.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
