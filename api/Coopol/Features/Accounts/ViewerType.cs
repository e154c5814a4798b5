using Coopol.Common.GraphQL;
using Coopol.Features.People;
using Coopol.Features.Roles;
using GraphQL.Types;

namespace Coopol.Features.Accounts;

public sealed class ViewerType : ObjectGraphType<Rights>
{
    public ViewerType()
    {
        Name = "Viewer";
        Description = "The signed-in account.";
        Field<StringGraphType>("email").Description("The account's verified email, when its issuer gives one.").Resolve(ctx => ctx.Source.Email);
        Field<PersonType>("person").Description("The person linked to this account by verified email, if any.")
            .Resolve(ctx => ctx.Source.PersonId is { } id ? ctx.Service<PersonLoader>().Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RoleGrantType>>>>("grants")
            .Description("Active roles and delegations of the viewer.").Resolve(ctx => ctx.Source.Grants);
    }
}

public static class AccountFields
{
    public static void AddAccountQueries(this ObjectGraphType query) =>
        query.Field<ViewerType>("me").Description("Null when not signed in.")
            .ResolveAsync(async ctx => await ctx.Service<CallerContext>().GetRightsAsync(ctx.CancellationToken) is { IsAuthenticated: true } r ? r : null);
}
