using System.Text;
using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Coopol.Features.Imports;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Elections;

/// <summary>The ministry's 2024 wide layout: both rounds of the législatives in constituencies 29-02 and 29-03 (201
/// stations), as published — round 1 unquoted with "Code BV" 1, round 2 with mixed quoting and "0001".</summary>
[Collection(ApiCollection.Name)]
public sealed class Results2024Tests(ApiFixture api)
{
    [Fact]
    public async Task BothRoundsGive201StationsWithTheirCandidatesAndTheSameStationIdsWhateverTheBureauPadding()
    {
        await api.ResetAsync();
        var round1 = (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();
        var round2 = (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round2, ResultsImports.Round2Options)).ShouldHaveSucceeded();

        round1.Summary.ShouldBe("Législatives 2024 – 1er tour: 201 polling stations (201 new), 18 candidates in 2 constituencies.");
        round1.Counts().ShouldBe(new Dictionary<string, long>
        {
            ["stations"] = 201, ["newStations"] = 201, ["candidates"] = 18, ["constituencies"] = 2, ["votes"] = 95 * 10 + 106 * 8, ["registered"] = 172_019,
        }, ignoreOrder: true);
        round2.Summary.ShouldBe("Législatives 2024 – 2d tour: 201 polling stations (0 new), 5 candidates in 2 constituencies.");
        round2.Counts()["registered"].ShouldBe(172_053);
        round2.Counts()["votes"].ShouldBe(95 * 3 + 106 * 2);

        var elections = await api.WithDbAsync(db => db.Set<Election>().OrderBy(e => e.Round).ToListAsync());
        elections.Select(e => (e.Kind, e.Date, e.Round, e.Scope)).ShouldBe([
            (ElectionKind.Legislatives, new DateOnly(2024, 6, 30), 1, "FR"), (ElectionKind.Legislatives, new DateOnly(2024, 7, 7), 2, "FR")]);
        var (first, second) = (elections[0].Id, elections[1].Id);
        (await api.WithDbAsync(db => db.Set<PollingStation>().CountAsync())).ShouldBe(201);
        (await RegisteredAsync(first)).ShouldBe(172_019);
        (await RegisteredAsync(second)).ShouldBe(172_053);
        (await api.WithDbAsync(db => db.Set<Candidate>().CountAsync(c => c.ElectionId == first))).ShouldBe(18);
        (await api.WithDbAsync(db => db.Set<Candidate>().CountAsync(c => c.ElectionId == second))).ShouldBe(5);

        // Brest's bureau 1: "1" in round 1 and "0001" in round 2 are one station.
        var brest1 = await api.WithDbAsync(db => db.Set<StationResult>().Where(r => r.StationId == "29019_1").OrderBy(r => r.Registered).ToListAsync());
        brest1.Select(r => r.ElectionId).ShouldBe([first, second], ignoreOrder: true);
        var bohars1 = await api.WithDbAsync(db => db.Set<StationResult>().SingleAsync(r => r.ElectionId == first && r.StationId == "29011_1"));
        (bohars1.Registered, bohars1.Voters, bohars1.Abstentions, bohars1.Blank, bohars1.Null, bohars1.Expressed).ShouldBe((997, 787, 210, 8, 3, 776));
        (await VotesAsync(first, "29011_1", "CADALEN")).ShouldBe(223);
        (await VotesAsync(second, "29011_1", "CADALEN")).ShouldBe(260);

        // Round 2: "élu" marks the two winners; names and first names keep their accents and hyphens.
        var elected = await api.WithDbAsync(db => db.Set<Candidate>().Where(c => c.ElectionId == second && c.Elected).Select(c => c.Name + " " + c.FirstName).ToListAsync());
        elected.ShouldBe(["CADALEN Pierre-Yves", "LE GAC Didier"], ignoreOrder: true);
        var brehier = await api.WithDbAsync(db => db.Set<Candidate>().SingleAsync(c => c.ElectionId == first && c.Name == "BRÉHIER"));
        (brehier.FirstName, brehier.Nuance, brehier.Panel, brehier.Sex).ShouldBe(("Tristan", "ENS", 1, "MASCULIN"));
        // The 2024 layout has no constituency column: each is the set of candidates that stood together.
        (await api.WithDbAsync(db => db.Set<StationResult>().Where(r => r.ElectionId == first).GroupBy(r => r.Constituency).Select(g => g.Count()).ToListAsync()))
            .ShouldBe([95, 106], ignoreOrder: true);
    }

    [Fact]
    public async Task ImportingTheSameFileAgainReplacesItsResultsInsteadOfAddingToThem()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();
        var again = (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();

        again.Counts()["newStations"].ShouldBe(0);
        var election = await api.WithDbAsync(db => db.Set<Election>().SingleAsync());
        (await api.WithDbAsync(db => db.Set<StationResult>().CountAsync())).ShouldBe(201);
        (await RegisteredAsync(election.Id)).ShouldBe(172_019);
        (await api.WithDbAsync(db => db.Set<Candidate>().CountAsync())).ShouldBe(18);
        (await api.WithDbAsync(db => db.Set<CandidateVote>().CountAsync())).ShouldBe(95 * 10 + 106 * 8);
        (await api.WithDbAsync(db => db.Set<PollingStation>().CountAsync())).ShouldBe(201);
    }

    [Fact]
    public async Task ADryRunReportsWhatTheFileHoldsAndKeepsNothingButItsReport()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options, dryRun: true)).ShouldHaveSucceeded();

        report.DryRun.ShouldBeTrue();
        report.Summary.ShouldBe("Dry run, nothing changed. Législatives 2024 – 1er tour: 201 polling stations (201 new), 18 candidates in 2 constituencies.");
        report.Counts()["registered"].ShouldBe(172_019);
        await api.ShouldHoldNoResultsAsync();
        var kept = await api.WithDbAsync(db => db.Set<ImportReport>().SingleAsync());
        (kept.Kind, kept.FileName, kept.DryRun, kept.Status).ShouldBe(("results-2024", Path.GetFileName(SharedData.Results2024Round1), true, ImportStatus.Succeeded));
        kept.FileBytes.ShouldBe(126_512);
    }

    [Fact]
    public async Task AWindows1252CopyOfTheFileReadsTheSameAccentedNames()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var latin1 = temp.Write("t1-ansi.csv", File.ReadAllText(SharedData.Results2024Round1, Encoding.UTF8), RealResultsFile.Windows1252);

        var report = (await Importing.RunAsync(api, "results-2024", latin1, ResultsImports.Round1Options)).ShouldHaveSucceeded();

        report.Counts()["registered"].ShouldBe(172_019);
        var names = await api.WithDbAsync(db => db.Set<Candidate>().Select(c => c.Name + " " + c.FirstName).ToListAsync());
        names.ShouldContain("BRÉHIER Tristan");
        names.ShouldContain("HENRY Geneviève");
        names.ShouldContain("COLLARD Rémy");
    }

    private Task<long> RegisteredAsync(Guid election) =>
        api.WithDbAsync(db => db.Set<StationResult>().Where(r => r.ElectionId == election).SumAsync(r => (long)r.Registered));

    private Task<int> VotesAsync(Guid election, string station, string name) => api.WithDbAsync(db =>
        (from v in db.Set<CandidateVote>()
         join c in db.Set<Candidate>() on v.CandidateId equals c.Id
         where v.ElectionId == election && v.StationId == station && c.Name == name
         select v.Votes).SingleAsync());

    [Fact]
    public async Task FrenchVotersAbroadAsTheNationalFileWritesThemGetTheirConsulateAsACommuneOfTheZzFederation()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        // The national file lists consulates under département ZZ, commune ZZ…: the last real row, moved abroad.
        var lines = File.ReadAllLines(SharedData.Results2024Round1).ToList();
        var fields = lines[^1].Split(';');
        (fields[0], fields[1], fields[2], fields[3]) = ("ZZ", "Français établis hors de France", "ZZ229", "Bruxelles");
        lines[^1] = string.Join(';', fields);
        var path = temp.Write("abroad.csv", string.Join('\n', lines));

        (await Importing.RunAsync(api, "results-2024", path, ResultsImports.Round1Options)).ShouldHaveSucceeded();

        var (commune, station) = await api.WithDbAsync(async db => (
            await db.Set<Coopol.Features.Geography.Commune>().SingleAsync(c => c.Code == "ZZ229"),
            await db.Set<Coopol.Features.Geography.PollingStation>().SingleAsync(s => s.CommuneCode == "ZZ229")));
        (commune.Name, commune.DepartementCode, commune.Kind).ShouldBe(("Bruxelles", "ZZ", "etranger"));
        station.DepartementCode.ShouldBe("ZZ");
        // Any other unknown commune still stops the file.
        fields[2] = "99999";
        lines[^1] = string.Join(';', fields);
        (await Importing.RunAsync(api, "results-2024", temp.Write("unknown.csv", string.Join('\n', lines)), ResultsImports.Round1Options))
            .ShouldBeRejectedWith("line 202, column 3: unknown commune 99999");
        await api.WithDbAsync(db => db.Set<Coopol.Features.Geography.Commune>().Where(c => c.Code == "ZZ229").ExecuteDeleteAsync());
    }
}
