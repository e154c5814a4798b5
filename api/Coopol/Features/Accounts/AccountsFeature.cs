using Coopol.Access;
using Coopol.Common.GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Accounts;

/// <summary>The signed-in account: who the viewer is (me) and the binding of accounts to people.</summary>
public sealed class AccountsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IAccountDirectory, AccountDirectory>();

    public void AddQueries(ObjectGraphType query) =>
        query.Field<ViewerType>("me").Description("Null when not signed in.")
            .ResolveAsync(async ctx => await ctx.Service<CallerContext>().GetRightsAsync(ctx.CancellationToken) is { IsAuthenticated: true } r ? r : null);
}
