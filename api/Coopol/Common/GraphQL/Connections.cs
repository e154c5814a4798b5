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
        Edges = page.Items.Select((item, i) => new Edge<T> { Node = item, Cursor = page.CursorAt(i) }).ToList(),
        PageInfo = new PageInfo
        {
            HasNextPage = page.HasNextPage,
            HasPreviousPage = page.HasPreviousPage,
            StartCursor = page.Items.Count > 0 ? page.CursorAt(0) : null,
            EndCursor = page.Items.Count > 0 ? page.CursorAt(page.Items.Count - 1) : null,
        },
    };

    /// <summary>Adds the Relay forward-paging arguments (first, after).</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field.Argument<IntGraphType>("first").Argument<StringGraphType>("after");

    public static PageRequest PageRequest(this IResolveFieldContext ctx) =>
        Common.PageRequest.From(ctx.GetArgument<int?>("first"), ctx.GetArgument<string?>("after"));
}
