using GraphQL.Validation.Complexity;
using GraphQLParser.AST;

namespace Coopol.Common.GraphQL;

/// <summary>Bounds on what one request may ask: nesting depth and estimated cost. Introspection (GraphiQL, codegen)
/// is exempt, since its type references nest deeper than any real query.</summary>
public static class GraphQLLimits
{
    public static void Configure(ComplexityOptions options)
    {
        options.MaxDepth = 12;
        options.MaxComplexity = 20_000;
        options.ValidateComplexityDelegate = context =>
        {
            if (IsIntrospectionOnly(context.ValidationContext.Document)) context.Error = null;
            return Task.CompletedTask;
        };
    }

    private static bool IsIntrospectionOnly(GraphQLDocument document) =>
        document.Definitions.OfType<GraphQLOperationDefinition>().All(op => op.Operation == OperationType.Query
            && op.SelectionSet.Selections.All(s => s is GraphQLField f && (f.Name.Value == "__schema" || f.Name.Value == "__type")));
}
