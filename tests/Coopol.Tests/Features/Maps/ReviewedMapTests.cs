using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Coopol.Tests.Features.Elections;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Maps;

/// <summary>Fixes from the attacker review of the campaign maps, one test each.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewedMapTests(ApiFixture api)
{
    private readonly GraphQLClient _graphql = new(api.Factory);

    [Fact]
    public async Task TenResultsAggregationsInOneRequestAreRefusedByCost()
    {
        var (_, round1, _) = await BrestResults.ArrangeAsync(api, _graphql);
        var fields = string.Join(" ", Enumerable.Range(0, 10).Select(i => $"a{i}: mapLayer(layer: \"turnout\", electionId: $e) {{ zones }}"));
        var answer = await _graphql.PostAsync($"query($e: ID!) {{ {fields} }}", new { e = round1 }, TestWorld.National);
        answer.ErrorCodes.ShouldBe(["COMPLEXITY"]);
    }

    [Fact]
    public async Task TilesOnTheWorldsEdgeDoNotWrapAroundTheGlobe()
    {
        var (_, round1, _) = await BrestResults.ArrangeAsync(api, _graphql);
        using var zoom1 = await BrestResults.GetAsync(api, $"/tiles/turnout/1/0/0.mvt?election={round1}", TestWorld.National);
        zoom1.StatusCode.ShouldBe(HttpStatusCode.OK); // Brest is in the north-west quarter of the world
        var (_, y) = BrestResults.TileOf(-4.49, 48.39, 14);
        using var pacific = await BrestResults.GetAsync(api, $"/tiles/turnout/14/0/{y}.mvt?election={round1}", TestWorld.National);
        pacific.StatusCode.ShouldBe(HttpStatusCode.NoContent); // same latitude, other side of the world: nothing
    }

    [Fact]
    public async Task IndicatorsAreScopedToTheSectionsTerritoryNotToEveryCommuneItTouches()
    {
        await BrestResults.ArrangeAsync(api, _graphql);
        (await Importing.RunAsync(api, "indicators", SharedData.File("insee", "revenus-2015.csv"),
            new Dictionary<string, string> { ["columns"] = "DISP_MED15=Revenu médian|€|mean" })).ShouldHaveSucceeded();
        const string query = "{ mapLayer(layer: \"indicator.DISP_MED15\") { zones } }";
        (await api.WithDbAsync(db => db.Sections.Where(s => s.Territory != null).CountAsync())).ShouldBe(1);
        // S1 works on ten Brest stations: Brest's commune figure (no IRIS contours here), nothing else of Finistère.
        (await _graphql.PostAsync(query, asEmail: TestWorld.SecretaryS1)).ShouldHaveNoErrors().At("mapLayer.zones")!.GetValue<int>().ShouldBe(1);
        (await _graphql.PostAsync(query, asEmail: TestWorld.SecretaryS2)).ShouldHaveNoErrors().At("mapLayer.zones")!.GetValue<int>().ShouldBe(0);
        (await _graphql.PostAsync(query, asEmail: TestWorld.FederationSecretaryA)).ShouldHaveNoErrors().At("mapLayer.zones")!.GetValue<int>().ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task TheLayersOfferedNameOnlyCandidatesOfTheViewersGround()
    {
        var (_, round1, _) = await BrestResults.ArrangeAsync(api, _graphql);
        const string query = "query($e: ID!) { mapLayers(electionId: $e) { layer group } }";
        int Candidates(GraphQLAnswer a) => a.At("mapLayers")!.AsArray().Count(l => l!["group"]!.GetValue<string>() == "candidate");
        var national = Candidates((await _graphql.PostAsync(query, new { e = round1 }, TestWorld.National)).ShouldHaveNoErrors());
        var section = Candidates((await _graphql.PostAsync(query, new { e = round1 }, TestWorld.SecretaryS1)).ShouldHaveNoErrors());
        var none = Candidates((await _graphql.PostAsync(query, new { e = round1 }, TestWorld.SecretaryS2)).ShouldHaveNoErrors());
        national.ShouldBe(18);
        section.ShouldBeInRange(1, 17); // the candidates of the constituency of Brest's stations 1-10
        none.ShouldBe(0);
    }

    [Fact]
    public async Task SettingATerritoryDoesNotTellWhetherAStationElsewhereExists()
    {
        var (world, _, _) = await BrestResults.ArrangeAsync(api, _graphql);
        (await Importing.RunAsync(api, "station-contours", SharedData.File("contours", "Bvote_Propre_Dep_04.geojson"))).ShouldHaveSucceeded();
        const string mutation = "mutation($s: ID!, $st: [String!]) { setSectionTerritory(input: { sectionId: $s, stationCodes: $st }) { errors { code message } } }";
        var existing = (await _graphql.PostAsync(mutation, new { s = world.S1Id, st = new[] { "04070_1" } }, TestWorld.FederationSecretaryA)).ShouldHaveNoErrors();
        var unknown = (await _graphql.PostAsync(mutation, new { s = world.S1Id, st = new[] { "04070_999" } }, TestWorld.FederationSecretaryA)).ShouldHaveNoErrors();
        existing.PayloadErrorCodes("setSectionTerritory").ShouldBe(["UNKNOWN_STATION"]);
        unknown.PayloadErrorCodes("setSectionTerritory").ShouldBe(["UNKNOWN_STATION"]);
    }

    [Fact]
    public async Task TheCsvNeverStartsASpreadsheetFormulaAndItsEmptyPagesStillCount()
    {
        var (_, round1, _) = await BrestResults.ArrangeAsync(api, _graphql);
        await api.WithDbAsync(db => db.Set<Coopol.Features.Geography.PollingStation>().Where(s => s.Id == "29019_1")
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Name, "=HYPERLINK(\"http://evil\";\"x\")")));
        using var csv = await BrestResults.GetAsync(api, $"/results.csv?election={round1}&level=station&commune=29019", TestWorld.National);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\";\"\"x\"\")\"");
        text.ShouldNotContain(";=HYPERLINK");

        var empty = (await _graphql.PostAsync("query($e: ID!) { resultsTable(electionId: $e, level: COMMUNE, first: 0) { totalCount } }",
            new { e = round1 }, TestWorld.National)).ShouldHaveNoErrors();
        empty.At("resultsTable.totalCount")!.GetValue<int>().ShouldBe(35);

        using var badLevel = await BrestResults.GetAsync(api, $"/results.csv?election={round1}&level=99", TestWorld.National);
        badLevel.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var unknownElection = await BrestResults.GetAsync(api, "/results.csv?election=RWxlY3Rpb246MDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDA&level=commune", TestWorld.National);
        unknownElection.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AZipThatIsNotOneShapefileIsRefusedAndAnIndicatorMustNameALayer()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "evil.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            using var entry = new StreamWriter(archive.CreateEntry("../../evil.sh").Open());
            entry.Write("echo owned");
        }
        (await Importing.RunAsync(api, "iris", zip)).ShouldBeRejectedWith("the ZIP must hold one shapefile");
        var corrupt = temp.Write("corrupt.zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
        (await Importing.RunAsync(api, "iris", corrupt)).ShouldBeRejectedWith("the file is not a readable ZIP");

        (await Importing.RunAsync(api, "indicators", SharedData.File("insee", "revenus-2015.csv"), new Dictionary<string, string> { ["columns"] = "DISP MED" }))
            .ShouldBeRejectedWith("--columns: an indicator's column is letters, digits and _");
    }

    [Fact]
    public async Task HostileResultsFilesAreRefusedAtTheirLineQuickly()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        // Counts that overflow a 32-bit sum.
        var lines = File.ReadAllLines(SharedData.Results2024Round1);
        var fields = lines[1].Split(';');
        (fields[13], fields[16]) = ("2000000000", "2000000000"); // Blancs, Nuls
        lines[1] = string.Join(';', fields);
        (await Importing.RunAsync(api, "results-2024", temp.Write("overflow.csv", string.Join('\n', lines)), ResultsImports.Round1Options))
            .ShouldBeRejectedWith("line 2, column 11: blank + null + expressed = 4000000");

        // A mapping that makes 30,000 candidates of a file's columns.
        var header = "Numéro;Inscrits;Votants;Blancs;Nuls;Exprimés;" + string.Join(';', Enumerable.Range(0, 30_000).Select(i => $"C{i} - votes"));
        var row = "1;100;50;0;0;50;" + string.Join(';', Enumerable.Repeat("0", 30_000));
        var wide = temp.Write("wide.csv", header + "\n" + row + "\n");
        var mapping = """{ "commune": "29019", "stationColumn": "Numéro", "registered": "Inscrits", "voters": "Votants", "blank": "Blancs", "null": "Nuls", "expressed": "Exprimés", "candidateSuffix": " - votes" }""";
        var started = DateTime.UtcNow;
        (await Importing.RunAsync(api, "results-mapped", wide, new Dictionary<string, string>(ResultsImports.Round1Options) { ["mapping-json"] = mapping }))
            .ShouldBeRejectedWith("line 2: more than 20000 candidates");
        (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task AContourOutsideTheViewersGroundDoesNotHideTheirCommunesZone()
    {
        var (world, round1, _) = await BrestResults.ArrangeAsync(api, _graphql);
        // S2 works on Plouzané's stations 1 to 6, which have no contour; station 12, outside S2's ground, gets one.
        await api.WithDbAsync(async db =>
        {
            db.AddRange(Enumerable.Range(1, 6).Select(n => new Coopol.Features.Geography.SectionArea { SectionId = world.S2.Id, StationId = $"29212_{n}" }));
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE "PollingStations" SET "Contour" = (SELECT "Contour" FROM "PollingStations" WHERE "Id" = '29019_1') WHERE "Id" = '29212_12'
                """);
            await new Coopol.Features.Geography.TerritoryService(db).RefreshAsync(null, CancellationToken.None);
            return 0;
        });
        var layer = (await _graphql.PostAsync("query($e: ID!) { mapLayer(layer: \"turnout\", electionId: $e) { zones } }", new { e = round1 }, TestWorld.SecretaryS2))
            .ShouldHaveNoErrors();
        layer.At("mapLayer.zones")!.GetValue<int>().ShouldBe(1); // Plouzané, its six stations added up
    }
}
