using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Elections;

/// <summary>The City of Brest's own files for the 2022 législatives (one per constituency, a column per candidate named
/// "M. CADALEN Pierre-Yves - votes"), read through a column mapping given as a file, saved, then used by name.</summary>
[Collection(ApiCollection.Name)]
public sealed class ResultsMappedTests(ApiFixture api)
{
    private const string BrestMapping = """
        {
          "commune": "29019",
          "stationColumn": "Numéro",
          "constituencyColumn": "Circo",
          "registered": "Inscrits",
          "voters": "Votants",
          "blank": "Blancs",
          "null": "Nuls",
          "expressed": "Exprimés",
          "candidateSuffix": " - votes"
        }
        """;

    private static readonly Dictionary<string, string> Round1Of2022 =
        new() { ["election"] = "legislatives", ["date"] = "2022-06-12", ["round"] = "1" };

    [Fact]
    public async Task BothBrestConstituencyFilesGoIntoOneElectionOf104StationsThroughAMappingSavedByName()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var mapping = temp.Write("brest.json", BrestMapping);

        var first = (await Importing.RunAsync(api, "results-mapped", SharedData.Brest2022Round1("2902"),
            new Dictionary<string, string>(Round1Of2022) { ["mapping"] = mapping, ["save-mapping"] = "brest-ville" })).ShouldHaveSucceeded();
        var second = (await Importing.RunAsync(api, "results-mapped", SharedData.Brest2022Round1("2903"),
            new Dictionary<string, string>(Round1Of2022) { ["mapping-name"] = "brest-ville" })).ShouldHaveSucceeded();

        first.Summary.ShouldBe("Législatives 2022 – 1er tour: 78 polling stations (78 new), 16 candidates in 1 constituencies.");
        second.Summary.ShouldBe("Législatives 2022 – 1er tour: 26 polling stations (26 new), 9 candidates in 1 constituencies.");
        (await api.WithDbAsync(db => db.Set<ColumnMapping>().Select(m => m.Name).ToListAsync())).ShouldBe(["brest-ville"]);
        var election = await api.WithDbAsync(db => db.Set<Election>().SingleAsync());
        (election.Name, election.Date, election.Round).ShouldBe(("Législatives 2022 – 1er tour", new DateOnly(2022, 6, 12), 1));
        var results = await api.WithDbAsync(db => db.Set<StationResult>().ToListAsync());
        results.Count.ShouldBe(104);
        results.ShouldAllBe(r => r.StationId.StartsWith("29019_") && r.Null == 0 && r.Voters == r.Blank + r.Expressed);
        results.GroupBy(r => r.Constituency).ToDictionary(g => g.Key, g => g.Count())
            .ShouldBe(new Dictionary<string, int> { ["29-02"] = 78, ["29-03"] = 26 }, ignoreOrder: true);
        results.Sum(r => r.Registered).ShouldBe(64_525 + 22_077);
        results.Sum(r => r.Expressed).ShouldBe(30_491 + 10_080);
        // "076" in the city's file is the ministry's "0076" and the contours' 76.
        var kerinou = results.Single(r => r.StationId == "29019_76");
        (kerinou.Registered, kerinou.Voters, kerinou.Blank, kerinou.Expressed).ShouldBe((798, 395, 13, 382));
        var cadalen = await api.WithDbAsync(db => db.Set<Candidate>().SingleAsync(c => c.Name == "M. CADALEN Pierre-Yves" && c.Constituency == "29-02"));
        (await api.WithDbAsync(db => db.Set<CandidateVote>().SingleAsync(v => v.StationId == "29019_76" && v.CandidateId == cadalen.Id))).Votes.ShouldBe(152);
        (await api.WithDbAsync(db => db.Set<Candidate>().CountAsync())).ShouldBe(16 + 9);
    }

    [Fact]
    public async Task The2024ConstituenciesAreNamed29_02And29_03AfterThe2022ElectionImportedBefore()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var mapping = temp.Write("brest.json", BrestMapping);
        foreach (var constituency in new[] { "2902", "2903" })
            (await Importing.RunAsync(api, "results-mapped", SharedData.Brest2022Round1(constituency),
                new Dictionary<string, string>(Round1Of2022) { ["mapping"] = mapping })).ShouldHaveSucceeded();

        var report = (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();

        report.Summary.ShouldBe("Législatives 2024 – 1er tour: 201 polling stations (97 new), 18 candidates in 2 constituencies (2 named after an earlier election of the same kind).");
        var election2024 = await api.WithDbAsync(db => db.Set<Election>().SingleAsync(e => e.Date == new DateOnly(2024, 6, 30)));
        (await api.WithDbAsync(db => db.Set<StationResult>().Where(r => r.ElectionId == election2024.Id)
                .GroupBy(r => r.Constituency).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count)))
            .ShouldBe(new Dictionary<string, int> { ["29-02"] = 95, ["29-03"] = 106 }, ignoreOrder: true);
        (await api.WithDbAsync(db => db.Set<Candidate>().Where(c => c.ElectionId == election2024.Id)
                .GroupBy(c => c.Constituency).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count)))
            .ShouldBe(new Dictionary<string, int> { ["29-02"] = 10, ["29-03"] = 8 }, ignoreOrder: true);
        // Gouesnou (29061) was not in Brest's files but stood with Brest's 2nd constituency.
        (await api.WithDbAsync(db => db.Set<StationResult>().Where(r => r.ElectionId == election2024.Id && r.StationId.StartsWith("29061_"))
            .Select(r => r.Constituency).Distinct().ToListAsync())).ShouldBe(["29-02"]);
        (await api.WithDbAsync(db => db.Set<PollingStation>().CountAsync())).ShouldBe(201);
    }

    [Fact]
    public async Task AMappingNameNeverSavedAndAMappingThatDoesNotFitTheFileAreRejected()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        (await Importing.RunAsync(api, "results-mapped", SharedData.Brest2022Round1("2902"),
            new Dictionary<string, string>(Round1Of2022) { ["mapping-name"] = "nobody-saved-this" }))
            .ShouldBeRejectedWith("no mapping is saved under the name \"nobody-saved-this\"");
        var wrongSuffix = temp.Write("wrong.json", BrestMapping.Replace(" - votes", " - voix"));
        (await Importing.RunAsync(api, "results-mapped", SharedData.Brest2022Round1("2902"),
            new Dictionary<string, string>(Round1Of2022) { ["mapping"] = wrongSuffix }))
            .ShouldBeRejectedWith("line 1: no column ends with \" - voix\": the mapping does not fit this file");
        var wrongColumn = temp.Write("column.json", BrestMapping.Replace("\"Numéro\"", "\"Bureau de vote\""));
        (await Importing.RunAsync(api, "results-mapped", SharedData.Brest2022Round1("2902"),
            new Dictionary<string, string>(Round1Of2022) { ["mapping"] = wrongColumn }))
            .ShouldBeRejectedWith("line 1: missing column \"Bureau de vote\"");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AConstituencyThatIsNotANumberIsRejectedAtItsLineAndColumn()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var lines = File.ReadAllText(SharedData.Brest2022Round1("2903")).Split('\n');
        var fields = lines[1].Split(';');
        fields[4] = new string('9', 50); // Circo, the fifth column
        lines[1] = string.Join(';', fields);
        var path = temp.Write("long-circo.csv", string.Join('\n', lines));
        var mapping = temp.Write("brest.json", BrestMapping);

        (await Importing.RunAsync(api, "results-mapped", path, new Dictionary<string, string>(Round1Of2022) { ["mapping"] = mapping }))
            .ShouldBeRejectedWith("line 2, column 5: \"99999999999999999999…\" is not a constituency number");
    }
}
