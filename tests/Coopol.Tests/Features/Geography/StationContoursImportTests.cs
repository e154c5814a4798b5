using System.Text.Json.Nodes;
using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Coopol.Tests.Features.Elections;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Geography;

/// <summary>Polling-station contours: the REU contours of département 04 (CODE_BV = "04036_2") and Brest métropole's layer
/// (DEPCO + BVOTE), as published, and variants of them made here.</summary>
[Collection(ApiCollection.Name)]
public sealed class StationContoursImportTests(ApiFixture api)
{
    private static string Alpes => SharedData.File("contours", "Bvote_Propre_Dep_04.geojson");

    [Fact]
    public async Task The261StationsOf04AreImportedAndTheOneWithoutGeometryIsKeptWithoutContourAndAWarning()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "station-contours", Alpes)).ShouldHaveSucceeded();

        report.Counts()["stations"].ShouldBe(261);
        report.Counts()["withoutGeometry"].ShouldBe(1);
        report.Counts()["repaired"].ShouldBe(0);
        report.Warnings.ShouldBe(["feature 86 (04116_4): no geometry; the station is kept without a contour"]);
        report.WarningCount.ShouldBe(1);
        var stations = await api.WithDbAsync(db => db.Set<PollingStation>().ToListAsync());
        stations.Count.ShouldBe(261);
        stations.Select(s => s.CommuneCode).Distinct().Count().ShouldBe(197);
        var lesMees = stations.Single(s => s.Id == "04116_4");
        (lesMees.CommuneCode, lesMees.Code, lesMees.DepartementCode).ShouldBe(("04116", "4", "04"));
        lesMees.Contour.ShouldBeNull();
        lesMees.Location.ShouldBeNull();
        var brusquet = stations.Single(s => s.Id == "04036_2");
        brusquet.Contour.ShouldNotBeNull();
        brusquet.Location.ShouldNotBeNull();
        brusquet.Contour.Contains(brusquet.Location).ShouldBeTrue("the station's point lies in its contour");
    }

    [Fact]
    public async Task BrestContoursNamedByCommuneAndBureauNumberGiveStationIdsLike29019_76ThatResultsJoin()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();

        report.Counts()["stations"].ShouldBe(122);
        var stations = await api.WithDbAsync(db => db.Set<PollingStation>().ToListAsync());
        stations.GroupBy(s => s.CommuneCode).ToDictionary(g => g.Key, g => g.Count())
            .ShouldBe(new Dictionary<string, int> { ["29019"] = 104, ["29061"] = 6, ["29189"] = 12 }, ignoreOrder: true);
        var kerinou = stations.Single(s => s.Id == "29019_76");
        kerinou.Code.ShouldBe("76");
        kerinou.Name.ShouldBe("Bureau n° 76 - GROUPE SCOLAIRE KERINOU");
        kerinou.Contour!.Contains(kerinou.Location!).ShouldBeTrue();
        kerinou.Location!.X.ShouldBe(-4.48, 0.02);
        kerinou.Location.Y.ShouldBe(48.41, 0.02);

        // The 2024 results ("Code BV" 1...104) find Brest's and Gouesnou's 110 stations: 91 are new.
        var results = (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();
        results.Counts()["newStations"].ShouldBe(201 - 110);
        (await api.WithDbAsync(db => db.Set<StationResult>().CountAsync(r => r.StationId == "29019_76"))).ShouldBe(1);
    }

    [Fact]
    public async Task ASelfIntersectingContourIsRepairedWithAWarning()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var collection = JsonNode.Parse(File.ReadAllText(Alpes))!;
        var feature = collection["features"]![2]!; // feature 3, Sisteron's bureau 2
        feature["properties"]!["CODE_BV"]!.GetValue<string>().ShouldBe("04209_2");
        var (minX, minY, maxX, maxY) = Bounds(feature["geometry"]!["coordinates"]!);
        // A bow-tie over the same box: two of its edges cross in the middle.
        feature["geometry"] = new JsonObject
        {
            ["type"] = "Polygon",
            ["coordinates"] = new JsonArray(new JsonArray(
                new JsonArray(minX, minY), new JsonArray(maxX, maxY), new JsonArray(maxX, minY), new JsonArray(minX, maxY), new JsonArray(minX, minY))),
        };
        var path = temp.Write("bow-tie.geojson", collection.ToJsonString());

        var report = (await Importing.RunAsync(api, "station-contours", path)).ShouldHaveSucceeded();

        report.Counts()["repaired"].ShouldBe(1);
        report.Counts()["stations"].ShouldBe(261);
        report.Warnings.ShouldContain("1 contours repaired with ST_MakeValid: 04209_2");
        var sisteron = await api.WithDbAsync(db => db.Set<PollingStation>().SingleAsync(s => s.Id == "04209_2"));
        sisteron.Contour!.IsValid.ShouldBeTrue();
        sisteron.Contour.NumGeometries.ShouldBe(2); // the bow-tie's two triangles
        sisteron.Contour.Area.ShouldBe((maxX - minX) * (maxY - minY) / 2, 1e-9);
    }

    [Fact]
    public async Task AContourInLambert93CoordinatesIsRejectedNamingItsFeatureAndNothingIsKept()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var collection = JsonNode.Parse(File.ReadAllText(Alpes))!;
        var feature = collection["features"]![1]!; // feature 2, Le Brusquet's bureau 1, a MultiPolygon
        feature["properties"]!["CODE_BV"]!.GetValue<string>().ShouldBe("04036_1");
        // Roughly where Lambert-93 puts Le Brusquet (metres): what a file exported without reprojection holds.
        ToLambert93(feature["geometry"]!["coordinates"]!);
        var path = temp.Write("lambert.geojson", collection.ToJsonString());

        var report = await Importing.RunAsync(api, "station-contours", path);

        report.ShouldBeRejectedWith("feature 2 (04036_1): the coordinates are not longitude/latitude (GeoJSON is WGS 84: reproject the file first)");
        (await api.WithDbAsync(db => db.Set<PollingStation>().CountAsync())).ShouldBe(0);
    }

    private static (double MinX, double MinY, double MaxX, double MaxY) Bounds(JsonNode coordinates)
    {
        var points = Points(coordinates).ToList();
        return (points.Min(p => p[0]!.GetValue<double>()), points.Min(p => p[1]!.GetValue<double>()),
            points.Max(p => p[0]!.GetValue<double>()), points.Max(p => p[1]!.GetValue<double>()));
    }

    private static void ToLambert93(JsonNode coordinates)
    {
        foreach (var p in Points(coordinates))
        {
            var (lon, lat) = (p[0]!.GetValue<double>(), p[1]!.GetValue<double>());
            p[0] = 700_000 + (lon - 3) * 80_000;
            p[1] = 6_600_000 + (lat - 46.5) * 111_000;
        }
    }

    /// <summary>The [lon, lat] arrays of a Polygon's or MultiPolygon's coordinates.</summary>
    private static IEnumerable<JsonArray> Points(JsonNode node) =>
        node is JsonArray { Count: > 0 } a && a[0] is JsonValue ? [a] : node.AsArray().SelectMany(n => Points(n!));
}
