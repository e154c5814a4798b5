using Coopol.Common.Paging;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace Coopol.Common.GraphQL;

public static class Connections
{
    public static Connection<T> ToConnection<T>(this Page<T> page) => new()
    {
        TotalCount = page.TotalCount,
        Edges = page.Items.Select(item => new Edge<T> { Node = item, Cursor = page.CursorOf(item) }).ToList(),
        PageInfo = new PageInfo
        {
            HasNextPage = page.HasNextPage,
            HasPreviousPage = page.HasPreviousPage,
            StartCursor = page.Items.Count > 0 ? page.CursorOf(page.Items[0]) : null,
            EndCursor = page.Items.Count > 0 ? page.CursorOf(page.Items[^1]) : null,
        },
    };

    /// <summary>Adds the Relay paging arguments: forward (first, after) and backward (last, before).</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .Argument<IntGraphType>("last").Argument<StringGraphType>("before");

    /// <summary>The page asked for; the total is counted only when the query selects totalCount.</summary>
    public static PageRequest PageRequest(this IResolveFieldContext ctx) =>
        Paging.PageRequest.From(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"),
            ctx.GetArgument<int?>("last"), ctx.GetArgument<string?>("before"),
            ctx.SubFields?.Values.Any(f => f.Field.Name.Value == "totalCount") == true);
}

/// <summary>A connection over a short list already in memory (a person's active grants): cursors are positions.</summary>
public static class InMemoryConnections
{
    public static Connection<T> Of<T>(IReadOnlyList<T> all, PageRequest page)
    {
        int? Position(string? cursor, string field)
        {
            if (cursor is null) return null;
            try
            {
                var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
                if (text.StartsWith("i:", StringComparison.Ordinal) && int.TryParse(text[2..], out var n) && n >= 0 && n < all.Count) return n;
            }
            catch (FormatException)
            {
            }
            throw Paging.PageRequest.InvalidCursor(field);
        }
        var start = (Position(page.After, "after") ?? -1) + 1;
        var end = Position(page.Before, "before") ?? all.Count;
        var from = page.Backward ? Math.Max(start, end - page.Size) : start;
        var to = page.Backward ? end : Math.Min(end, start + page.Size);
        var cursors = Enumerable.Range(0, all.Count).ToDictionary(i => i, i => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"i:{i}")));
        var slice = Enumerable.Range(from, Math.Max(0, to - from)).ToList();
        return new Connection<T>
        {
            TotalCount = all.Count,
            Edges = slice.Select(i => new Edge<T> { Node = all[i], Cursor = cursors[i] }).ToList(),
            PageInfo = new PageInfo
            {
                HasNextPage = to < end || (page.Backward && page.Before is not null && end < all.Count),
                HasPreviousPage = from > start || (!page.Backward && start > 0),
                StartCursor = slice.Count > 0 ? cursors[slice[0]] : null,
                EndCursor = slice.Count > 0 ? cursors[slice[^1]] : null,
            },
        };
    }
}
