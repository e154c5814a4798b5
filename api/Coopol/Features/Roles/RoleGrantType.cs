using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Coopol.Features.Roles;

public sealed class RoleGrantType : ObjectGraphType<RoleGrant>
{
    public RoleGrantType()
    {
        Name = "RoleGrant";
        Description = "A role or a delegation held by a person on a node of the party tree.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(RoleService.NodeType, ctx.Source.Id));
        Field<NonNullGraphType<RoleType>>("role").Resolve(ctx => ctx.Source.Role);
        Field<NonNullGraphType<TreeLevelType>>("level").Resolve(ctx => ctx.Source.Level);
        Field<FederationType>("federation").Description("The federation of the node (null at national level).")
            .Resolve(ctx => ctx.Source.FederationCode is { } code ? ctx.Service<FederationLoader>().Load(code) : null);
        Field<SectionType>("section").Description("The section, when level is SECTION.")
            .Resolve(ctx => ctx.Source.SectionId is { } id ? ctx.Service<SectionLoader>().Load(id) : null);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PermissionType>>>>("permissions")
            .Resolve(ctx => Permissions.Split(ctx.Source.Permissions).ToList());
        Field<PersonType>("grantee").Description("Null when the caller may not see that person.")
            .Resolve(ctx => ctx.Service<PersonLoader>().Load(ctx.Source.PersonId));
        Field<PersonType>("grantedBy").Resolve(ctx => LoadPerson(ctx.Service<PersonLoader>(), ctx.Source.GrantedById));
        Field(g => g.GrantedAt);
        Field(g => g.ExpiresAt, nullable: true);
        Field(g => g.RevokedAt, nullable: true);
        Field<PersonType>("revokedBy").Resolve(ctx => LoadPerson(ctx.Service<PersonLoader>(), ctx.Source.RevokedById));
        Field<NonNullGraphType<BooleanGraphType>>("isActive")
            .Resolve(ctx => ctx.Source.IsActiveAt(ctx.Service<TimeProvider>().GetUtcNow().UtcDateTime));
        Field<NonNullGraphType<BooleanGraphType>>("viewerCanRevoke")
            .Description("Whether the viewer may revoke it: a role, whoever appoints on its node; a delegation, its grantor, "
                + "those above the grantor in its chain, and whoever appoints on the node the chain starts from.")
            .Resolve(ctx => ctx.Service<MayRevokeLoader>().Load(ctx.Source).Then(b => b?.Value ?? false));
        Field<NonNullGraphType<ConnectionType<RoleGrantType>>>("revokedWithIt")
            .Description("The active delegations carved from this grant, down the whole chain: revoking it revokes them too.")
            .PagingArguments()
            .ResolveAsync(async ctx => InMemoryConnections.Of(
                await ctx.Service<RoleService>().DependentsAsync(ctx.Source.Id, ctx.CancellationToken), ctx.PageRequest()));
    }

    private static IDataLoaderResult<Person?>? LoadPerson(PersonLoader loader, Guid? id) => id is { } key ? loader.Load(key) : null;
}

/// <summary>The permissions as the API names them; the flags' "None" is not a permission.</summary>
public sealed class PermissionType : EnumerationGraphType
{
    public PermissionType()
    {
        Name = "Permission";
        foreach (var p in Enum.GetValues<Permission>().Where(p => p != Permission.None)) Add(Permissions.ConstantName(p), p);
    }
}

public sealed class RoleType : EnumerationGraphType<Role>
{
    public RoleType() => Name = "Role";
}

public sealed class TreeLevelType : EnumerationGraphType<TreeLevel>
{
    public TreeLevelType() => Name = "TreeLevel";
}
