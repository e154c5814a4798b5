using Coopol.Common.GraphQL;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Coopol.Features.Roles;

/// <summary>Roles and delegations; each resolver is one call to <see cref="RoleService"/>.</summary>
public static class RoleFields
{
    public static void AddRoleQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<RoleGrantType>>>("delegations")
            .Description("Delegations the caller may see: their own, those they granted, and those on nodes they manage.")
            .PagingArguments().Argument<DelegationFilterType>("filter")
            .ResolveAsync(async ctx => (await ctx.Service<RoleService>().DelegationsAsync(
                ctx.GetArgument<DelegationFilter?>("filter"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
    }

    public static void AddRoleMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<GrantRolePayloadType>>("grantRole").Argument<NonNullGraphType<GrantRoleInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().GrantRoleAsync(ctx.GetArgument<GrantRoleInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<RevokeRolePayloadType>>("revokeRole").Argument<NonNullGraphType<RevokeRoleInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().RevokeRoleAsync(ctx.GetArgument<RevokeRoleInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<GrantDelegationPayloadType>>("grantDelegation").Argument<NonNullGraphType<GrantDelegationInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().GrantDelegationAsync(ctx.GetArgument<GrantDelegationInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<RevokeDelegationPayloadType>>("revokeDelegation").Argument<NonNullGraphType<RevokeDelegationInputType>>("input")
            .ResolveAsync(async ctx => await Payload<RoleGrant>.RunAsync(() =>
                ctx.Service<RoleService>().RevokeDelegationAsync(ctx.GetArgument<RevokeDelegationInput>("input"), ctx.CancellationToken)));
    }
}

public sealed class GrantRolePayloadType() : PayloadType<RoleGrantType, RoleGrant>("GrantRolePayload", "grant");

public sealed class RevokeRolePayloadType() : PayloadType<RoleGrantType, RoleGrant>("RevokeRolePayload", "grant");

public sealed class GrantDelegationPayloadType() : PayloadType<RoleGrantType, RoleGrant>("GrantDelegationPayload", "delegation");

public sealed class RevokeDelegationPayloadType() : PayloadType<RoleGrantType, RoleGrant>("RevokeDelegationPayload", "delegation");
