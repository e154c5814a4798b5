using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Maps;

/// <summary>The map API over the real Brest files: tiles, legends, GeoJSON, the review table and the CSV, each kept to the
/// viewer's ground (a section sees its territory's stations, a federation its département, the national team all).</summary>
[Collection(ApiCollection.Name)]
public sealed class MapApiTests(ApiFixture api)
{
    private readonly GraphQLClient _graphql = new(api.Factory);

    /// <summary>Brest contours, Finistère boundaries, blocs and both 2024 rounds; S1's territory is Brest's stations 1 to 10.</summary>
    private Task<(TestWorld World, string Round1, string Round2)> ArrangeAsync() => BrestResults.ArrangeAsync(api, _graphql);

    private Task<HttpResponseMessage> GetAsync(string url, string? asEmail, string? ifNoneMatch = null) => BrestResults.GetAsync(api, url, asEmail, ifNoneMatch);

    private static (int X, int Y) TileOf(double lon, double lat, int z) => BrestResults.TileOf(lon, lat, z);

    [Fact]
    public async Task NationalTeamGetsTilesOfBrestWithTheStationsAndAnEtagThatRevalidates()
    {
        var (_, round1, _) = await ArrangeAsync();
        var (x, y) = TileOf(-4.4903, 48.4085, 12);
        using var tile = await GetAsync($"/tiles/turnout/12/{x}/{y}.mvt?election={round1}", TestWorld.National);
        tile.StatusCode.ShouldBe(HttpStatusCode.OK);
        tile.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.mapbox-vector-tile");
        tile.Headers.CacheControl!.Private.ShouldBeTrue();
        var bytes = await tile.Content.ReadAsByteArrayAsync();
        Encoding.UTF8.GetString(bytes).ShouldContain("29019_76"); // MVT keeps property strings as they are
        using var again = await GetAsync($"/tiles/turnout/12/{x}/{y}.mvt?election={round1}", TestWorld.National, tile.Headers.ETag!.Tag);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        var (ox, oy) = TileOf(150, -30, 12); // Australia: nothing there
        using var empty = await GetAsync($"/tiles/turnout/12/{ox}/{oy}.mvt?election={round1}", TestWorld.National);
        empty.StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task ASectionsTilesAndTablesHoldOnlyItsTerritorysStations()
    {
        var (_, round1, _) = await ArrangeAsync();
        var (x, y) = TileOf(-4.4903, 48.4085, 11);
        using var tile = await GetAsync($"/tiles/bloc.gauche/11/{x}/{y}.mvt?election={round1}", TestWorld.SecretaryS1);
        tile.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await tile.Content.ReadAsByteArrayAsync());
        text.ShouldContain("29019_5");
        text.ShouldNotContain("29019_76");

        var table = (await _graphql.PostAsync("query($e: ID!) { resultsTable(electionId: $e, level: STATION, first: 100) { totalCount edges { node { code } } } }",
            new { e = round1 }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        table.At("resultsTable.totalCount")!.GetValue<int>().ShouldBe(10);
        var layer = (await _graphql.PostAsync("query($e: ID!) { mapLayer(layer: \"turnout\", electionId: $e) { zones breaks } }",
            new { e = round1 }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        layer.At("mapLayer.zones")!.GetValue<int>().ShouldBe(10);

        // S2 has no territory yet: nothing, not an error.
        var none = (await _graphql.PostAsync("query($e: ID!) { resultsTable(electionId: $e, level: STATION) { totalCount } }",
            new { e = round1 }, TestWorld.SecretaryS2)).ShouldHaveNoErrors();
        none.At("resultsTable.totalCount")!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task AStationOutsideTheViewersGroundAnswersAsAnUnknownOne()
    {
        var (_, _, _) = await ArrangeAsync();
        const string query = "query($c: String!) { pollingStation(code: $c) { code communeName results { election { round } turnout candidates { name votes } } } }";
        var own = (await _graphql.PostAsync(query, new { c = "29019_5" }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        own.At("pollingStation.results")!.AsArray().Count.ShouldBe(2);
        var other = (await _graphql.PostAsync(query, new { c = "29019_76" }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        var unknown = (await _graphql.PostAsync(query, new { c = "99999_1" }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        other.Json.ToJsonString().ShouldBe(unknown.Json.ToJsonString());
        var national = (await _graphql.PostAsync(query, new { c = "29019_76" }, TestWorld.National)).ShouldHaveNoErrors();
        national.At("pollingStation.communeName")!.GetValue<string>().ShouldBe("Brest");
    }

    [Fact]
    public async Task TilesNeedSignInAndTheRightToSeeResults()
    {
        var (_, round1, _) = await ArrangeAsync();
        using var anonymous = await GetAsync($"/tiles/turnout/8/124/88.mvt?election={round1}", null);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var member = await GetAsync($"/tiles/turnout/8/124/88.mvt?election={round1}", TestWorld.MemberS1);
        member.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        member.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var badLayer = await GetAsync($"/tiles/turnout';drop/8/124/88.mvt?election={round1}", TestWorld.National);
        badLayer.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var badZoom = await GetAsync($"/tiles/turnout/30/1/1.mvt?election={round1}", TestWorld.National);
        badZoom.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var change = await GetAsync($"/tiles/change.turnout/8/124/88.mvt?election={round1}", TestWorld.National);
        change.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GeoJsonOfACommuneIsAFeatureCollectionOfItsStations()
    {
        var (_, round1, round2) = await ArrangeAsync();
        using var response = await GetAsync($"/geojson/change.turnout?election={round2}&compare={round1}&within=commune:29019", TestWorld.National);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/geo+json");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        json["type"]!.GetValue<string>().ShouldBe("FeatureCollection");
        var features = json["features"]!.AsArray();
        features.Count.ShouldBe(104);
        features.Where(f => f!["properties"]!["value"] == null || f["geometry"]!["type"]!.GetValue<string>() != "MultiPolygon")
            .Select(f => f!.ToJsonString()[..Math.Min(300, f.ToJsonString().Length)]).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheReviewAddsUpCommunesSortsByABlocAndDrillsDownToStations()
    {
        var (_, round1, round2) = await ArrangeAsync();
        var communes = (await _graphql.PostAsync("""
            query($e: ID!, $c: ID) { resultsTable(electionId: $e, compareTo: $c, level: COMMUNE, orderBy: { field: BLOC_SHARE, bloc: "gauche", descending: true }, first: 100) {
              totalCount edges { node { code name stations registered turnout turnoutChange blocs { key share } } } } }
            """, new { e = round2, c = round1 }, TestWorld.National)).ShouldHaveNoErrors();
        var rows = communes.At("resultsTable.edges")!.AsArray().Select(e => e!["node"]!).ToList();
        rows.Count.ShouldBe(35);
        rows.Sum(r => r["registered"]!.GetValue<double>()).ShouldBe(172_053);
        var shares = rows.Select(r => r["blocs"]!.AsArray().FirstOrDefault(b => b!["key"]!.GetValue<string>() == "gauche")?["share"]?.GetValue<double>() ?? 0).ToList();
        shares.ShouldBe(shares.OrderByDescending(s => s).ToList());
        rows.ShouldAllBe(r => r["turnoutChange"] != null);

        var brest = (await _graphql.PostAsync("query($e: ID!) { resultsTable(electionId: $e, level: STATION, within: { commune: \"29019\" }, first: 10) { totalCount pageInfo { hasNextPage endCursor } } }",
            new { e = round1 }, TestWorld.National)).ShouldHaveNoErrors();
        brest.At("resultsTable.totalCount")!.GetValue<int>().ShouldBe(104);
        brest.At("resultsTable.pageInfo.hasNextPage")!.GetValue<bool>().ShouldBeTrue();

        using var csv = await GetAsync($"/results.csv?election={round1}&level=commune&orderBy=turnout&descending=true", TestWorld.National);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }); // a BOM, so spreadsheets read UTF-8
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd().Split('\n');
        lines[0].ShouldStartWith("Code;Nom;Bureaux;Inscrits;Votants;Exprimés;Participation %");
        lines.Length.ShouldBe(36);
    }

    [Fact]
    public async Task AFederationSetsASectionsTerritoryWithinItsDepartementOnly()
    {
        var (world, _, _) = await ArrangeAsync();
        const string mutation = """
            mutation($s: ID!, $c: [String!], $st: [String!]) { setSectionTerritory(input: { sectionId: $s, communeCodes: $c, stationCodes: $st }) {
              territory { communeCodes stationCodes coveredStations } errors { code } } }
            """;
        var set = (await _graphql.PostAsync(mutation, new { s = world.S1Id, c = new[] { "29019" }, st = Array.Empty<string>() }, TestWorld.FederationSecretaryA)).ShouldHaveNoErrors();
        set.At("setSectionTerritory.territory.coveredStations")!.GetValue<int>().ShouldBe(104);
        var hasTerritory = await api.WithDbAsync(async db => (await db.Sections.FindAsync(world.S1.Id))!.Territory is not null);
        hasTerritory.ShouldBeTrue();

        var bySecretary = (await _graphql.PostAsync(mutation, new { s = world.S1Id, c = new[] { "29019" } }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        bySecretary.PayloadErrorCodes("setSectionTerritory").ShouldBe(["FORBIDDEN"]);
        var elsewhere = (await _graphql.PostAsync(mutation, new { s = world.S1Id, c = new[] { "04070" } }, TestWorld.FederationSecretaryA)).ShouldHaveNoErrors();
        elsewhere.PayloadErrorCodes("setSectionTerritory").ShouldBe(["OUTSIDE_FEDERATION"]);
    }
}

/// <summary>What the map tests start from.</summary>
public static class BrestResults
{
    /// <summary>Brest contours, Finistère boundaries, blocs and both 2024 rounds; S1's territory is Brest's stations 1 to 10.</summary>
    public static async Task<(TestWorld World, string Round1, string Round2)> ArrangeAsync(ApiFixture api, GraphQLClient graphql)
    {
        var world = await TestWorld.CreateAsync(api);
        (await Importing.RunAsync(api, "blocs", SharedData.File("reference", "legislatives-2024-nuances-et-blocs.csv"))).ShouldHaveSucceeded();
        (await Importing.RunAsync(api, "communes", SharedData.File("boundaries", "communes-29-finistere.geojson"))).ShouldHaveSucceeded();
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1,
            new Dictionary<string, string> { ["election"] = "legislatives", ["date"] = "2024-06-30", ["round"] = "1" })).ShouldHaveSucceeded();
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round2,
            new Dictionary<string, string> { ["election"] = "legislatives", ["date"] = "2024-07-07", ["round"] = "2" })).ShouldHaveSucceeded();
        await api.WithDbAsync(async db =>
        {
            db.AddRange(Enumerable.Range(1, 10).Select(n => new SectionArea { SectionId = world.S1.Id, StationId = $"29019_{n}" }));
            await db.SaveChangesAsync();
            await new TerritoryService(db).RefreshAsync(null, CancellationToken.None);
            return 0;
        });
        var elections = (await graphql.PostAsync("{ elections { edges { node { id round } } } }", asEmail: TestWorld.National)).ShouldHaveNoErrors();
        var nodes = elections.At("elections.edges")!.AsArray().Select(e => e!["node"]!).ToList();
        return (world, Id(nodes, 1), Id(nodes, 2));
        static string Id(List<JsonNode> nodes, int round) => nodes.Single(n => n["round"]!.GetValue<int>() == round)["id"]!.GetValue<string>();
    }

    public static async Task<HttpResponseMessage> GetAsync(ApiFixture api, string url, string? asEmail, string? ifNoneMatch = null)
    {
        using var client = api.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (asEmail is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        return await client.SendAsync(request);
    }

    /// <summary>Tile (x, y) holding a point at zoom z (slippy-map numbering).</summary>
    public static (int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var rad = lat * Math.PI / 180;
        return ((int)((lon + 180) / 360 * n), (int)((1 - Math.Log(Math.Tan(rad) + 1 / Math.Cos(rad)) / Math.PI) / 2 * n));
    }
}
