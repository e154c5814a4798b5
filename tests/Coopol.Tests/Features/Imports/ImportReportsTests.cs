using Coopol.Tests.Features.Elections;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Imports;

/// <summary>The kinds of files and past imports as GraphQL shows them to the web client.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImportReportsTests(ApiFixture api)
{
    private const string Reports = "{ importReports(first: 10) { totalCount items { id kind fileName dryRun status summary problem warningCount } } }";

    [Fact]
    public async Task TheNationalTeamReadsPastImportsNewestFirstWithTheirProblemsAndOthersAreRefused()
    {
        await TestWorld.CreateAsync(api);
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();
        using var temp = new TempFolder();
        var bad = temp.Write("bad.csv", RealResultsFile.Read(SharedData.Results2024Round1).With(3, "Code commune", "99999").Text);
        await Importing.RunAsync(api, "results-2024", bad, ResultsImports.Round1Options);

        var answer = (await new GraphQLClient(api.Factory).PostAsync(Reports, asEmail: TestWorld.National)).ShouldHaveNoErrors();
        answer.At("importReports.totalCount")!.GetValue<int>().ShouldBe(2);
        answer.At("importReports.items.0.fileName")!.GetValue<string>().ShouldBe("bad.csv");
        answer.At("importReports.items.0.status")!.GetValue<string>().ShouldBe("REJECTED");
        answer.At("importReports.items.0.problem")!.GetValue<string>().ShouldBe("line 3, column 3: unknown commune 99999 (import the official commune list first)");
        answer.At("importReports.items.1.status")!.GetValue<string>().ShouldBe("SUCCEEDED");
        answer.At("importReports.items.1.summary")!.GetValue<string>().ShouldStartWith("Législatives 2024 – 1er tour: 201 polling stations");
        // A report is a node.
        var id = answer.At("importReports.items.1.id")!.GetValue<string>();
        (await new GraphQLClient(api.Factory).PostAsync("query($id: ID!) { node(id: $id) { ... on ImportReport { kind } } }", new { id }, TestWorld.National))
            .ShouldHaveNoErrors().At("node.kind")!.GetValue<string>().ShouldBe("results-2024");

        (await new GraphQLClient(api.Factory).PostAsync(Reports, asEmail: TestWorld.SecretaryS1)).ErrorCodes.ShouldBe(["FORBIDDEN"]);
        (await new GraphQLClient(api.Factory).PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }, TestWorld.SecretaryS1))
            .ShouldHaveNoErrors().At("node").ShouldBeNull();
    }

    [Fact]
    public async Task TheKindsOfFilesAreListedWithTheirOptions()
    {
        await TestWorld.CreateAsync(api);
        var answer = (await new GraphQLClient(api.Factory).PostAsync("{ importKinds { kind description options { name description } } }", asEmail: TestWorld.National))
            .ShouldHaveNoErrors();
        var kinds = answer.At("importKinds")!.AsArray().ToDictionary(k => k!["kind"]!.GetValue<string>(), k => k!["options"]!.AsArray().Select(o => o!["name"]!.GetValue<string>()).ToList());
        kinds.Keys.ShouldBe(["addresses", "blocs", "communes", "communes-reference", "indicators", "iris", "results-2024", "results-long", "results-mapped", "results-older", "station-contours"],
            ignoreOrder: true);
        kinds["results-2024"].ShouldBe(["election", "date", "round", "scope", "name"]);
        kinds["results-mapped"].ShouldContain("mapping-json");
        kinds["indicators"].ShouldBe(["code-column", "columns"]);

        // Only importers are told what can be imported.
        var bySecretary = await new GraphQLClient(api.Factory).PostAsync("{ importKinds { kind } }", asEmail: TestWorld.SecretaryS1);
        bySecretary.ErrorCodes.ShouldBe(["FORBIDDEN"]);
    }
}
