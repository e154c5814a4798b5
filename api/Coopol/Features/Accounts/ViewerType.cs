using Coopol.Access;
using Coopol.Common.GraphQL;
using Coopol.Features.JobRuns;
using Coopol.Features.People;
using Coopol.Features.Roles;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

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
        Field<NonNullGraphType<ConnectionType<RoleGrantType>>>("grants").Description("Active roles and delegations of the viewer.")
            .PagingArguments()
            .Resolve(ctx => InMemoryConnections.Of(ctx.Source.Grants, ctx.PageRequest()));
        Field<NonNullGraphType<ConnectionType<SectionInvitationType>>>("invitations")
            .Description("Sections that recorded the viewer under their email and ask whether they want to join.")
            .Argument<BooleanGraphType>("pendingOnly", a => a.DefaultValue = true)
            .PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<PersonService>().MyInvitationsAsync(ctx.GetArgument<bool>("pendingOnly"),
                ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        Field<NonNullGraphType<ConnectionType<JobRunType>>>("jobRuns").Description("Background jobs the viewer started, newest first.")
            .PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<JobRunService>().MineAsync(ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
    }
}
