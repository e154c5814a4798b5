using GraphQLParser.AST;

namespace Coopol.Common.GraphQL;

/// <summary>Bounds a parsed document before GraphQL.NET validates it. Validation walks fragments as often as they are
/// spread (exponential in nested spreads) and compares fields of the same name pairwise (quadratic), so a 1 KB
/// document could keep a core busy for days. Here each fragment is measured once (memoised), in time linear in the
/// document: too many fields once expanded, too many fields answering under one name at one level, too many
/// directives or fragments, and the document is refused before any of that work.</summary>
public static class DocumentGuard
{
    /// <summary>Fields once every fragment is expanded (graphql-js's full introspection query has about 250).</summary>
    public const int MaxFields = 2_000;
    /// <summary>Fields answering under one name at one level (the same field selected through several fragments).</summary>
    public const int MaxSameName = 20;
    public const int MaxDirectives = 100;
    public const int MaxFragments = 200;

    /// <summary>Null when the document is within bounds, else why it is not.</summary>
    public static string? Check(GraphQLDocument document)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>();
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        if (fragments.Count > MaxFragments) return $"A request may define at most {MaxFragments} fragments.";
        if (CountDirectives(document) > MaxDirectives) return $"A request may use at most {MaxDirectives} directives.";
        try
        {
            var measure = new Measure(fragments);
            long fields = 0;
            foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
            {
                fields += measure.Of(operation.SelectionSet).Fields;
                if (fields > MaxFields) throw new TooLargeException();
            }
            return null;
        }
        catch (TooLargeException e)
        {
            return e.Message;
        }
    }

    private static int CountDirectives(ASTNode node)
    {
        var count = 0;
        var stack = new Stack<ASTNode>([node]);
        while (stack.Count > 0 && count <= MaxDirectives)
        {
            var current = stack.Pop();
            if (current is GraphQLDirective) count++;
            foreach (var child in Children(current)) stack.Push(child);
        }
        return count;
    }

    private static IEnumerable<ASTNode> Children(ASTNode node) => node switch
    {
        GraphQLDocument d => d.Definitions,
        GraphQLOperationDefinition o => [.. o.Directives?.Items ?? [], o.SelectionSet],
        GraphQLFragmentDefinition f => [.. f.Directives?.Items ?? [], f.SelectionSet],
        GraphQLSelectionSet s => s.Selections,
        GraphQLField f => f.SelectionSet is null ? [.. f.Directives?.Items ?? []] : [.. f.Directives?.Items ?? [], f.SelectionSet],
        GraphQLInlineFragment i => [.. i.Directives?.Items ?? [], i.SelectionSet],
        GraphQLFragmentSpread s => s.Directives?.Items ?? [],
        _ => [],
    };

    /// <summary>What a selection set weighs: its fields once expanded, and how many answer under each name at its level.</summary>
    private sealed record Weight(long Fields, IReadOnlyDictionary<string, int> Names);

    private sealed class Measure(Dictionary<string, GraphQLFragmentDefinition> fragments)
    {
        private readonly Dictionary<string, Weight> _fragments = [];
        private readonly HashSet<string> _visiting = [];

        public Weight Of(GraphQLSelectionSet set)
        {
            long fields = 0;
            var names = new Dictionary<string, int>();
            void Add(string name, int count)
            {
                names[name] = names.GetValueOrDefault(name) + count;
                if (names[name] > MaxSameName) throw new TooLargeException($"A request may select at most {MaxSameName} fields under one name at one level.");
            }
            foreach (var selection in set.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        fields++;
                        Add((field.Alias?.Name ?? field.Name).StringValue, 1);
                        if (field.SelectionSet is { } children) fields += Of(children).Fields;
                        break;
                    case GraphQLInlineFragment inline:
                        var inner = Of(inline.SelectionSet);
                        fields += inner.Fields;
                        foreach (var (name, count) in inner.Names) Add(name, count);
                        break;
                    case GraphQLFragmentSpread spread:
                        var weight = Fragment(spread.FragmentName.Name.StringValue);
                        fields += weight.Fields;
                        foreach (var (name, count) in weight.Names) Add(name, count);
                        break;
                }
                if (fields > MaxFields) throw new TooLargeException();
            }
            return new Weight(fields, names);
        }

        private Weight Fragment(string name)
        {
            if (_fragments.TryGetValue(name, out var known)) return known;
            // Unknown fragments and cycles are the validator's to report; they weigh nothing here.
            if (!fragments.TryGetValue(name, out var fragment) || !_visiting.Add(name)) return new Weight(0, new Dictionary<string, int>());
            var weight = Of(fragment.SelectionSet);
            _visiting.Remove(name);
            return _fragments[name] = weight;
        }
    }

    private sealed class TooLargeException(string? message = null)
        : Exception(message ?? $"A request may select at most {MaxFields} fields once its fragments are expanded.");
}
