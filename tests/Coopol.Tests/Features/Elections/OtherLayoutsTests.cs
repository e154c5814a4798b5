using System.Text;
using Coopol.Features.Elections;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Elections;

/// <summary>The ministry's older wide layout and the long layout are not available as small real files (see the data's
/// README), so the real 2024 round-1 rows are written here in those layouts, and must give what the 2024 import gives.</summary>
[Collection(ApiCollection.Name)]
public sealed class OtherLayoutsTests(ApiFixture api)
{
    private const string OlderHeader =
        "Code du département;Libellé du département;Code de la commune;Libellé de la commune;Code du b.vote;Inscrits;Abstentions;% Abs/Ins;Votants;% Vot/Ins;"
        + "Blancs;% Blancs/Ins;% Blancs/Vot;Nuls;% Nuls/Ins;% Nuls/Vot;Exprimés;% Exp/Ins;% Exp/Vot;"
        + "N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp";

    private const string LongHeader =
        "Code du département;Libellé du département;Code de la commune;Libellé de la commune;Code du b.vote;Inscrits;Abstentions;Votants;Blancs;Nuls;Exprimés;"
        + "N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp";

    [Fact]
    public async Task TheOlderWideLayoutInWindows1252ConvertedFromReal2024RowsGivesTheSameCountsAndVotes()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var source = RealResultsFile.Read(SharedData.Results2024Round1);
        var older = new StringBuilder(OlderHeader).Append("\r\n");
        foreach (var row in Stations(source))
        {
            // One header block; each further candidate is 8 more fields without a name, as in the ministry's files.
            older.AppendJoin(';', [row.Departement, "Finistère", row.Commune[2..], row.CommuneName, row.Bureau.PadLeft(4, '0'), row.Registered, row.Abstentions,
                row.Percent("% Abstentions"), row.Voters, row.Percent("% Votants"), row.Blank, row.Percent("% Blancs/inscrits"), row.Percent("% Blancs/votants"),
                row.Null, row.Percent("% Nuls/inscrits"), row.Percent("% Nuls/votants"), row.Expressed, row.Percent("% Exprimés/inscrits"), row.Percent("% Exprimés/votants")]);
            foreach (var c in row.Candidates)
                older.Append(';').AppendJoin(';', [c.Panel, c.Sex, c.Name, c.FirstName, c.Nuance, c.Votes, c.OfRegistered, c.OfExpressed]);
            older.Append("\r\n");
        }
        var path = temp.Write("older.csv", older.ToString(), RealResultsFile.Windows1252);
        File.ReadAllBytes(path).ShouldContain((byte)0xC9, "BRÉHIER is written in Windows-1252");

        var report = (await Importing.RunAsync(api, "results-older", path, ScopeOptions("OLDER"))).ShouldHaveSucceeded();

        report.Counts()["stations"].ShouldBe(201);
        report.Counts()["candidates"].ShouldBe(18);
        await ShouldMatchThe2024ImportAsync("OLDER");
    }

    [Fact]
    public async Task TheLongLayoutConvertedFromReal2024RowsGivesTheSameCountsAndVotes()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var source = RealResultsFile.Read(SharedData.Results2024Round1);
        var rows = new StringBuilder(LongHeader).Append('\n');
        var lines = 0;
        foreach (var row in Stations(source))
            foreach (var c in row.Candidates)
            {
                // One row per station and candidate, the station's counts repeated on each.
                rows.AppendJoin(';', [row.Departement, "Finistère", row.Commune[2..], row.CommuneName, row.Bureau.PadLeft(4, '0'), row.Registered, row.Abstentions,
                    row.Voters, row.Blank, row.Null, row.Expressed, c.Panel, c.Sex, c.Name, c.FirstName, c.Nuance, c.Votes, c.OfRegistered, c.OfExpressed]).Append('\n');
                lines++;
            }
        lines.ShouldBe(95 * 10 + 106 * 8);
        var path = temp.Write("long.csv", rows.ToString());

        var report = (await Importing.RunAsync(api, "results-long", path, ScopeOptions("LONG"))).ShouldHaveSucceeded();

        report.Counts()["stations"].ShouldBe(201);
        report.Counts()["votes"].ShouldBe(lines);
        await ShouldMatchThe2024ImportAsync("LONG");
    }

    [Fact]
    public async Task TheLongLayoutConvertedFromReal2024RowsIsRejectedWhenAStationsRepeatedCountsDisagree()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var source = RealResultsFile.Read(SharedData.Results2024Round1);
        var bohars = Stations(source).First();
        var text = new StringBuilder(LongHeader).Append('\n');
        foreach (var c in bohars.Candidates)
            text.AppendJoin(';', [bohars.Departement, "Finistère", bohars.Commune[2..], bohars.CommuneName, bohars.Bureau,
                c.Panel == "3" ? "998" : bohars.Registered, c.Panel == "3" ? "211" : bohars.Abstentions, bohars.Voters, bohars.Blank, bohars.Null, bohars.Expressed,
                c.Panel, c.Sex, c.Name, c.FirstName, c.Nuance, c.Votes, c.OfRegistered, c.OfExpressed]).Append('\n');

        var report = await Importing.RunAsync(api, "results-long", temp.Write("long.csv", text.ToString()), ScopeOptions("LONG"));

        // Line 4 is the third candidate's row, where Bohars' bureau 1 has 998 registered (and 211 abstentions) instead of 997.
        report.ShouldBeRejectedWith("line 4, column 6: the counts of polling station 29011_1 differ from those on line 2");
        await api.ShouldHoldNoResultsAsync();
    }

    /// <summary>The same round in a second election (its own scope), so both imports can be compared side by side.</summary>
    private static Dictionary<string, string> ScopeOptions(string scope) => new(ResultsImports.Round1Options) { ["scope"] = scope };

    private async Task ShouldMatchThe2024ImportAsync(string scope)
    {
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();
        var elections = await api.WithDbAsync(db => db.Set<Election>().ToDictionaryAsync(e => e.Scope, e => e.Id));
        var (reference, converted) = (elections["FR"], elections[scope]);

        var expected = await CountsAsync(reference);
        expected.Count.ShouldBe(201);
        (await CountsAsync(converted)).ShouldBe(expected, ignoreOrder: true);
        var expectedVotes = await VotesAsync(reference);
        expectedVotes.Count.ShouldBe(95 * 10 + 106 * 8);
        (await VotesAsync(converted)).ShouldBe(expectedVotes, ignoreOrder: true);
    }

    private Task<List<string>> CountsAsync(Guid election) => api.WithDbAsync(db => db.Set<StationResult>().Where(r => r.ElectionId == election)
        .Select(r => r.StationId + " " + r.Constituency + " " + r.Registered + " " + r.Voters + " " + r.Abstentions + " " + r.Blank + " " + r.Null + " " + r.Expressed)
        .ToListAsync());

    private Task<List<string>> VotesAsync(Guid election) => api.WithDbAsync(db =>
        (from v in db.Set<CandidateVote>()
         join c in db.Set<Candidate>() on v.CandidateId equals c.Id
         where v.ElectionId == election
         select v.StationId + " " + c.Panel + " " + c.Nuance + " " + c.Name + " " + c.FirstName + " " + c.Constituency + " " + v.Votes).ToListAsync());

    private sealed record CandidateCells(string Panel, string Nuance, string Name, string FirstName, string Sex, string Votes, string OfRegistered, string OfExpressed);

    private sealed record StationRow(Func<string, string> Cell, List<CandidateCells> Candidates)
    {
        public string Departement => Cell("Code département");
        public string Commune => Cell("Code commune");
        public string CommuneName => Cell("Libellé commune");
        public string Bureau => Cell("Code BV");
        public string Registered => Cell("Inscrits");
        public string Voters => Cell("Votants");
        public string Abstentions => Cell("Abstentions");
        public string Blank => Cell("Blancs");
        public string Null => Cell("Nuls");
        public string Expressed => Cell("Exprimés");
        public string Percent(string column) => Cell(column);
    }

    /// <summary>The 2024 file's rows: the station's cells by name and its non-empty candidate blocks.</summary>
    private static IEnumerable<StationRow> Stations(RealResultsFile file)
    {
        var header = file.Header;
        foreach (var fields in file.Rows)
        {
            string Cell(string name) => fields[Array.IndexOf(header, name)];
            var candidates = new List<CandidateCells>();
            for (var n = 1; Array.IndexOf(header, $"Nom candidat {n}") >= 0; n++)
                if (Cell($"Nom candidat {n}") is { Length: > 0 } name)
                    candidates.Add(new CandidateCells(Cell($"Numéro de panneau {n}"), Cell($"Nuance candidat {n}"), name, Cell($"Prénom candidat {n}"),
                        Cell($"Sexe candidat {n}"), Cell($"Voix {n}"), Cell($"% Voix/inscrits {n}"), Cell($"% Voix/exprimés {n}")));
            yield return new StationRow(Cell, candidates);
        }
    }
}
