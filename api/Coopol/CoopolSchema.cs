using Coopol.Common.GraphQL;
using GraphQL;
using GraphQL.Introspection;
using GraphQL.Types;

namespace Coopol;

/// <summary>The schema, composed from each feature's fields. Its printed form is committed as schema.graphql.</summary>
public sealed class CoopolSchema : Schema
{
    public CoopolSchema(IServiceProvider services, QueryType query, MutationType mutation) : base(services)
    {
        // Before any other type: they replace the built-in String and ID scalars.
        RegisterType(new SafeStringGraphType());
        RegisterType(new SafeIdGraphType());
        Query = query;
        Mutation = mutation;
        RegisterType(typeof(ValidationErrorType));
        RegisterType(typeof(DomainErrorType));
        // graphql-js's full introspection query (codegen tools, schema registries) asks for these October 2021 fields.
        Features.RepeatableDirectives = true;
        Features.DeprecationOfInputValues = true;
        Filter = new SpecSchemaFilter();
    }

    /// <summary>GraphQL.NET 8 has no __Type.specifiedByURL (October 2021 spec): added here; none of our scalars
    /// points to a specification.</summary>
    protected override void OnBeforeInitializeType(IGraphType graphType)
    {
        if (graphType is __Type type && !type.HasField("specifiedByURL"))
            type.Field<StringGraphType>("specifiedByURL").Resolve(_ => null);
        // __Directive.args(includeDeprecated:) is asked by the same query; no directive argument of ours is deprecated.
        if (graphType is __Directive directive && directive.GetField("args") is { } args
            && args.Arguments?.Find("includeDeprecated") is null)
        {
            args.Arguments ??= new QueryArguments();
            args.Arguments.Add(new QueryArgument<BooleanGraphType> { Name = "includeDeprecated", DefaultValue = false });
        }
    }

    /// <summary>Shows the spec's introspection fields (isRepeatable included) but not GraphQL.NET's experimental ones.</summary>
    private sealed class SpecSchemaFilter : DefaultSchemaFilter
    {
        public override Task<bool> AllowField(IGraphType parent, IFieldType field) =>
            parent.Name.StartsWith("__", StringComparison.Ordinal) && field.Name == "appliedDirectives" ? Forbidden : Allowed;
    }
}

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Field<NodeInterface>("node").Description("The object with this global ID, or null when unknown or not visible to the caller.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => (await ctx.Service<NodeResolver>().ResolveAsync(ctx.RequestServices!, [ctx.GetArgument<string>("id")], ctx.CancellationToken))[0]);
        Field<NonNullGraphType<ListGraphType<NodeInterface>>>("nodes")
            .Description($"The objects with these global IDs, in order; null for each unknown or hidden one (at most {NodeResolver.MaxIds}).")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .ResolveAsync(async ctx => await ctx.Service<NodeResolver>().ResolveAsync(ctx.RequestServices!, ctx.GetArgument<List<string>>("ids"), ctx.CancellationToken));
        foreach (var feature in CoopolFeatures.All) feature.AddQueries(this);
    }
}

public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        foreach (var feature in CoopolFeatures.All) feature.AddMutations(this);
    }
}
