using Coopol.Common.GraphQL;
using Coopol.Tests.Infrastructure;
using GraphQL;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.GraphQL;

[Collection(ApiCollection.Name)]
public sealed class SchemaTests(ApiFixture api)
{
    /// <summary>Schema changes are deliberate: regenerate with COOPOL_UPDATE_SCHEMA=1 scripts/test and review the diff.</summary>
    [Fact]
    public void PrintedSchemaMatchesTheCommittedSdl()
    {
        var schema = api.Factory.Services.GetRequiredService<CoopolSchema>();
        var printed = schema.Print(new PrintOptions { IncludeDescriptions = true, IncludeDeprecationReasons = true, StringComparison = StringComparison.Ordinal }).Replace("\r\n", "\n").TrimEnd() + "\n";
        var committed = Path.Combine(RepoRoot(), "api", "Coopol.Api", "schema.graphql");
        if (Environment.GetEnvironmentVariable("COOPOL_UPDATE_SCHEMA") == "1") File.WriteAllText(committed, printed);
        printed.ShouldBe(File.ReadAllText(committed));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Coopol.sln not found above the test binaries.");
    }
}
