using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Common.Paging;

public static class Paging
{
    /// <summary>One page: the rows beyond the cursor in the order, one more than asked to know whether more follow,
    /// and the count only when it was asked for.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> filtered, KeysetOrder<T> order, PageRequest page, CancellationToken ct)
    {
        var total = page.WantsTotalCount ? await filtered.CountAsync(ct) : (int?)null;
        if (page.Size == 0) return new Page<T>([], false, false, total, order.CursorOf);
        var rows = await order.Order(Seek(filtered, order, page), page.Backward).Take(page.Size + 1).ToListAsync(ct);
        return Slice(rows, order, page, total);
    }

    /// <summary>A page per parent in one query: each parent's rows are read by a LATERAL subquery that uses the same
    /// index as a single page would; the counts, when asked, in one grouped query.</summary>
    public static async Task<IReadOnlyDictionary<TKey, Page<T>>> ToPagesAsync<TParent, TKey, T>(
        this IQueryable<TParent> parents, Expression<Func<TParent, TKey>> parentKey,
        IQueryable<T> items, Expression<Func<T, TKey>> itemParentKey,
        KeysetOrder<T> order, PageRequest page, IReadOnlyCollection<TKey> keys, CancellationToken ct) where TKey : notnull
    {
        var counts = new Dictionary<TKey, int>();
        if (page.WantsTotalCount)
        {
            var keyList = keys.ToList();
            var item = Expression.Parameter(typeof(T), "i");
            var itemKey = new ParameterReplacer(itemParentKey.Parameters[0], item).Visit(itemParentKey.Body)!;
            var inKeys = Expression.Lambda<Func<T, bool>>(
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TKey)],
                    Expression.Property(Expression.Constant(new Box<List<TKey>>(keyList)), "Value"), itemKey), item);
            counts = await items.Where(inKeys).GroupBy(itemParentKey).Select(g => new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        }
        var rows = new List<Keyed<TKey, T>>();
        if (page.Size > 0)
        {
            // parents.SelectMany(p => <items of p beyond the cursor, ordered, limited>, (p, i) => new Keyed { Key = key(p), Item = i })
            var parent = Expression.Parameter(typeof(TParent), "p");
            var key = new ParameterReplacer(parentKey.Parameters[0], parent).Visit(parentKey.Body)!;
            var item = Expression.Parameter(typeof(T), "i");
            var belongs = Expression.Lambda<Func<T, bool>>(
                Expression.Equal(new ParameterReplacer(itemParentKey.Parameters[0], item).Visit(itemParentKey.Body)!, key), item);
            var children = order.Order(Seek(items, order, page).Where(belongs), page.Backward).Take(page.Size + 1);
            var collection = Expression.Lambda<Func<TParent, IEnumerable<T>>>(children.Expression, parent);
            var resultItem = Expression.Parameter(typeof(T), "r");
            var result = Expression.Lambda<Func<TParent, T, Keyed<TKey, T>>>(Expression.MemberInit(Expression.New(typeof(Keyed<TKey, T>)),
                Expression.Bind(typeof(Keyed<TKey, T>).GetProperty(nameof(Keyed<TKey, T>.Key))!, key),
                Expression.Bind(typeof(Keyed<TKey, T>).GetProperty(nameof(Keyed<TKey, T>.Item))!, resultItem)), parent, resultItem);
            rows = await parents.SelectMany(collection, result).ToListAsync(ct);
        }
        var byKey = rows.ToLookup(r => r.Key, r => r.Item);
        return keys.Distinct().ToDictionary(k => k, k => Slice(byKey[k].ToList(), order, page, page.WantsTotalCount ? counts.GetValueOrDefault(k) : null));
    }

    private static IQueryable<T> Seek<T>(IQueryable<T> source, KeysetOrder<T> order, PageRequest page)
    {
        if (page.After is { } after) source = source.Where(order.Beyond(order.Decode(after, "after"), reversed: false));
        if (page.Before is { } before) source = source.Where(order.Beyond(order.Decode(before, "before"), reversed: true));
        return source;
    }

    private static Page<T> Slice<T>(List<T> rows, KeysetOrder<T> order, PageRequest page, int? total)
    {
        var more = rows.Count > page.Size;
        if (more) rows.RemoveAt(rows.Count - 1);
        if (page.Backward) rows.Reverse();
        return page.Backward
            ? new Page<T>(rows, page.Before is not null, more, total, order.CursorOf)
            : new Page<T>(rows, more, page.After is not null, total, order.CursorOf);
    }
}

/// <summary>A row and the parent it was read for, in a batched page query.</summary>
public sealed class Keyed<TKey, T>
{
    public TKey Key { get; init; } = default!;
    public T Item { get; init; } = default!;
}
