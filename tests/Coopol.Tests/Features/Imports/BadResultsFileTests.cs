using Coopol.Features.Elections;
using Coopol.Features.Imports;
using Coopol.Tests.Features.Elections;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Imports;

/// <summary>Variants of the real 2024 round-1 file, made here, that the import refuses: the problem names its line and
/// column (as a spreadsheet numbers them: the header is line 1, "Code commune" column 3) and nothing of the file is kept.
/// Line 2 is Bohars' bureau 1 (997 registered, 787 voters, 8 blank, 3 null, 776 expressed), line 3 its bureau 2.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadResultsFileTests(ApiFixture api)
{
    private static RealResultsFile Round1 => RealResultsFile.Read(SharedData.Results2024Round1);

    [Fact]
    public async Task AFileWithoutTheInscritsColumnIsRejectedOnItsHeaderNamingTheColumn()
    {
        var report = await ImportVariantAsync(Round1.WithoutColumn("Inscrits").Text);
        report.ShouldBeRejectedWith("line 1: missing column \"Inscrits\" (the header has 189 columns separated by ';')");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AFileSeparatedByTabsIsRejectedOnItsHeader()
    {
        var report = await ImportVariantAsync(Round1.Text.Replace(';', '\t'));
        report.ShouldBeRejectedWith("line 1: the header has no ';' or ',' separator: is this a CSV file?");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AnUnknownCommuneIsRejectedAtItsLineAndColumn()
    {
        var report = await ImportVariantAsync(Round1.With(3, "Code commune", "99999").Text);
        report.ShouldBeRejectedWith("line 3, column 3: unknown commune 99999 (import the official commune list first)");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AStationGivenTwiceIsRejectedOnItsSecondLineNamingTheFirst()
    {
        var report = await ImportVariantAsync(Round1.WithLineRepeated(2, at: 4).Text);
        report.ShouldBeRejectedWith("line 4, column 5: polling station 29011_1 is already on line 2");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task ANegativeCountIsRejected()
    {
        var variant = Round1;
        variant[3, "Inscrits"].ShouldBe("894");
        var report = await ImportVariantAsync(variant.With(3, "Inscrits", "-894").Text);
        report.ShouldBeRejectedWith("line 3, column 6: negative count (-894)");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task VotesAboveTheExpressedBallotsAreRejectedAtTheCandidateThatGoesOver()
    {
        var variant = Round1;
        variant[2, "Voix 10"].ShouldBe("1");
        var report = await ImportVariantAsync(variant.With(2, "Voix 10", "100").Text);
        report.ShouldBeRejectedWith("line 2, column 106: the candidates' votes add up to 875, more than the 776 expressed");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task ExpressedBallotsAboveTheVotersAreRejected()
    {
        var report = await ImportVariantAsync(Round1.With(2, "Exprimés", "780").Text);
        report.ShouldBeRejectedWith("line 2, column 11: blank + null + expressed = 791, more than the 787 voters");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AFileCutInTheMiddleOfItsLastLineIsRejectedOnThatLine()
    {
        var text = Round1.Text.TrimEnd('\n');
        var lastLine = text.LastIndexOf('\n') + 1;
        var report = await ImportVariantAsync(text[..(lastLine + (text.Length - lastLine) / 2)]);
        report.ShouldBeRejectedWith("line 202: ");
        report.Problem.ShouldEndWith("fields where the header has 190 (a truncated line, or a different separator)");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AnEmptyFileIsRejected()
    {
        var report = await ImportVariantAsync("");
        report.Problem.ShouldBe("the file is empty");
        report.Status.ShouldBe(ImportStatus.Rejected);
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AFileWithAHeaderButNoRowsIsRejected()
    {
        var report = await ImportVariantAsync(Round1.Lines[0] + "\n");
        report.Problem.ShouldBe("the file has a header but no rows");
        report.Status.ShouldBe(ImportStatus.Rejected);
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AnUnknownOptionIsRefusedRatherThanIgnored()
    {
        await api.ResetAsync();
        var report = await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1,
            new Dictionary<string, string>(ResultsImports.Round1Options) { ["foo"] = "bar" });
        report.ShouldBeRejectedWith("unknown option --foo for results-2024 (it reads: --election, --date, --round, --scope, --name)");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task ARejectedFileLeavesTheResultsImportedBeforeItAsTheyWere()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();
        var before = await api.WithDbAsync(db => db.Set<CandidateVote>().SumAsync(v => (long)v.Votes));

        // Every station of the file but the last is fine; the last one has more voters than registered.
        var variant = Round1;
        var report = await ImportVariantAsync(variant.With(202, "Votants", (int.Parse(variant[202, "Inscrits"]) + 1).ToString()).Text, reset: false);

        report.ShouldBeRejectedWith($"line 202, column 7: {int.Parse(variant[202, "Inscrits"]) + 1} voters, more than the {variant[202, "Inscrits"]} registered");
        (await api.WithDbAsync(db => db.Set<StationResult>().CountAsync())).ShouldBe(201);
        (await api.WithDbAsync(db => db.Set<StationResult>().SumAsync(r => (long)r.Registered))).ShouldBe(172_019);
        (await api.WithDbAsync(db => db.Set<CandidateVote>().SumAsync(v => (long)v.Votes))).ShouldBe(before);
        (await api.WithDbAsync(db => db.Set<ImportReport>().Select(r => r.Status).ToListAsync())).ShouldBe([ImportStatus.Succeeded, ImportStatus.Rejected], ignoreOrder: true);
    }

    private async Task<ImportReport> ImportVariantAsync(string text, bool reset = true)
    {
        if (reset) await api.ResetAsync();
        using var temp = new TempFolder();
        var path = temp.Write("variant.csv", text);
        var report = await Importing.RunAsync(api, "results-2024", path, ResultsImports.Round1Options);
        report.Status.ShouldBe(ImportStatus.Rejected, report.Summary);
        // The report of a rejected file is kept, with its problem.
        (await api.WithDbAsync(db => db.Set<ImportReport>().CountAsync(r => r.Status == ImportStatus.Rejected && r.Problem == report.Problem))).ShouldBe(1);
        return report;
    }
}
