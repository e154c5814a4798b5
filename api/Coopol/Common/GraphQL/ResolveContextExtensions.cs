using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Common.GraphQL;

public static class ResolveContextExtensions
{
    /// <summary>A service of this request's scope (the DbContext, loaders and caller are per request).</summary>
    public static T Service<T>(this IResolveFieldContext ctx) where T : notnull =>
        ctx.RequestServices!.GetRequiredService<T>();
}
