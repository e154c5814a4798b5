using Coopol.Features.Accounts;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Features.Roles;
using GraphQL;
using GraphQL.Types;

namespace Coopol.Common.GraphQL;

/// <summary>The schema, composed from each feature's fields. Its printed form is committed as schema.graphql.</summary>
public sealed class CoopolSchema : Schema
{
    public CoopolSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        Query = query;
        Mutation = mutation;
        RegisterType(typeof(ValidationErrorType));
        RegisterType(typeof(DomainErrorType));
    }
}

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Field<NodeInterface>("node").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await ResolveNodeAsync(ctx, ctx.GetArgument<string>("id")));
        this.AddAccountQueries();
        this.AddPartyTreeQueries();
        this.AddPeopleQueries();
        this.AddRoleQueries();
    }

    /// <summary>Each type is fetched through its feature's scoped path, so node() shows no more than the typed fields.</summary>
    private static async Task<object?> ResolveNodeAsync(IResolveFieldContext ctx, string id)
    {
        var ct = ctx.CancellationToken;
        return GlobalId.TryDecode(id) switch
        {
            (PersonType.NodeType, _) when GlobalId.TryDecodeGuid(id, PersonType.NodeType) is { } g =>
                await ctx.Service<PersonService>().FindAsync(g, ct),
            (SectionService.NodeType, _) when GlobalId.TryDecodeGuid(id, SectionService.NodeType) is { } g =>
                await ctx.Service<SectionService>().FindAsync(g, ct),
            (SectionService.FederationNodeType, var code) => await ctx.Service<SectionService>().FindFederationAsync(code, ct),
            (RoleService.NodeType, _) when GlobalId.TryDecodeGuid(id, RoleService.NodeType) is { } g =>
                await ctx.Service<RoleService>().FindVisibleAsync(g, ct),
            _ => null,
        };
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddPartyTreeMutations();
        this.AddPeopleMutations();
        this.AddRoleMutations();
    }
}
