using Coopol.Common.GraphQL;
using GraphQL;
using GraphQL.Utilities;

namespace Coopol.Api;

/// <summary><c>Coopol.Api schema</c>: prints the GraphQL schema as SDL, as the committed <c>schema.graphql</c> holds it
/// (the web client's types are generated from that file; SchemaTests checks they agree).</summary>
public static class SchemaCommand
{
    public static string Print(IServiceProvider services) =>
        services.GetRequiredService<CoopolSchema>()
            .Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal })
            .Replace("\r\n", "\n").TrimEnd() + "\n";
}
