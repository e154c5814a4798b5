using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace Coopol.Common.GraphQL;

/// <summary>Bounds on what one request may ask: nesting depth and estimated cost. Introspection (GraphiQL, codegen)
/// gets looser ones, since its type references nest deeper than any real query; still bounded, because a query
/// cycling through types and fields grows without end.</summary>
public static class GraphQLLimits
{
    public const int MaxDepth = 12;
    public const int MaxComplexity = 20_000;
    public const int MaxIntrospectionDepth = 20;
    /// <summary>GraphQL-JS's full introspection query scores between 2 and 4 million on today's schema (the estimate
    /// grew with the field-work types); a query cycling through types goes far past it.</summary>
    public const int MaxIntrospectionComplexity = 4_000_000;
    /// <summary>A list of people (a search, perhaps) weighs this much by itself: at most a few dozen per request.</summary>
    public const double PeopleListImpact = 400;
    /// <summary>A section search is a query of its own: a request cannot fan it out by the thousand.</summary>
    public const double SectionSearchImpact = 100;
    /// <summary>A map legend or a results table aggregates a whole election in SQL: a handful per request at most.</summary>
    public const double ResultsAggregateImpact = 2_000;

    public static void Configure(ComplexityOptions options)
    {
        options.MaxDepth = MaxDepth;
        options.MaxComplexity = MaxComplexity;
        options.ValidateComplexityDelegate = context =>
        {
            if (context.Error is not null && IsIntrospectionOnly(context.ValidationContext.Document)
                && context.MaxDepth <= MaxIntrospectionDepth && context.TotalImpact <= MaxIntrospectionComplexity)
                context.Error = null;
            return Task.CompletedTask;
        };
    }

    private static bool IsIntrospectionOnly(GraphQLDocument document) =>
        document.Definitions.OfType<GraphQLOperationDefinition>().All(op => op.Operation == OperationType.Query
            && op.SelectionSet.Selections.All(s => s is GraphQLField f && (f.Name.Value == "__schema" || f.Name.Value == "__type")));
}
