using Coopol.Features.Elections;
using Coopol.Features.Imports;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Imports;

/// <summary>The command line, <c>scripts/coopol import &lt;kind&gt; &lt;file&gt; [--option value]...</c>, as a process of its own
/// on the test database: exit 0 with the summary on stdout, 1 with <c>line L, column C: problem</c> on stderr.
/// scripts/coopol rebuilds the API when any source under api/ is newer than its dll, which a test must not do (other
/// builds may be running), so the test runs what the script runs, the built API's dll (the copy in the test's own output
/// folder), with the script's environment.</summary>
[Collection(ApiCollection.Name)]
public sealed class ImportCommandTests(ApiFixture api)
{
    [Fact]
    public async Task TheCommandImportsTheRealFileAndExitsWith0ThenRefusesABadVariantWith1NamingLineAndColumn()
    {
        await api.ResetAsync();
        var good = await ApiCommand.RunAsync("import", "results-2024", SharedData.Results2024Round1, "--election", "legislatives", "--date", "2024-06-30", "--round", "1");

        good.ExitCode.ShouldBe(0, good.Stderr);
        good.Stdout.ShouldStartWith("Législatives 2024 – 1er tour: 201 polling stations (201 new), 18 candidates in 2 constituencies. (");
        (await api.WithDbAsync(db => db.Set<StationResult>().SumAsync(r => (long)r.Registered))).ShouldBe(172_019);
        var report = await api.WithDbAsync(db => db.Set<ImportReport>().SingleAsync());
        (report.Status, report.StartedById, report.JobRunId).ShouldBe((ImportStatus.Succeeded, null, null));

        using var temp = new TempFolder();
        var bad = temp.Write("t1-negative.csv", RealResultsFile.Read(SharedData.Results2024Round1).With(3, "Inscrits", "-894").Text);
        var refused = await ApiCommand.RunAsync("import", "results-2024", bad, "--election", "legislatives", "--date", "2024-06-30", "--round", "1");

        refused.ExitCode.ShouldBe(1, refused.Stdout + refused.Stderr);
        refused.Stderr.ShouldContain($"{bad}: line 3, column 6: negative count (-894)");
        refused.Stderr.ShouldContain("Nothing of this file was imported.");
        refused.Stdout.ShouldBeEmpty();
        (await api.WithDbAsync(db => db.Set<StationResult>().SumAsync(r => (long)r.Registered))).ShouldBe(172_019);
    }
}
