using System.Text;
using Coopol.Features.Geography;
using Coopol.Features.Imports;
using Coopol.Tests.Features.Elections;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Imports;

/// <summary>How a CSV file's encoding is told (UTF-8, else Windows-1252, from its first megabyte), on variants of the real
/// files. A Windows-1252 copy of a whole file reads the same (see <see cref="Results2024Tests"/>).</summary>
[Collection(ApiCollection.Name)]
public sealed class FileEncodingTests(ApiFixture api)
{
    [Fact]
    public async Task AUtf8FileWithOneWindows1252LineBeyondItsFirstMegabyteIsRejectedOnThatLine()
    {
        await api.ResetAsync();
        var lines = File.ReadAllText(SharedData.File("insee", "revenus-2015.csv"), Encoding.UTF8).Split('\n');
        // The first line with an accent (a commune or IRIS name) 1.6 MB into the file, past what is sampled.
        var (offset, target) = (0, -1);
        for (var i = 0; i < lines.Length && target < 0; i++)
        {
            if (offset > 1_600_000 && lines[i].Any(c => c > 127)) target = i;
            offset += Encoding.UTF8.GetByteCount(lines[i]) + 1;
        }
        target.ShouldBeGreaterThan(0);
        using var bytes = new MemoryStream();
        for (var i = 0; i < lines.Length; i++)
            bytes.Write((i == target ? RealResultsFile.Windows1252 : Encoding.UTF8).GetBytes(i < lines.Length - 1 ? lines[i] + "\n" : lines[i]));
        using var temp = new TempFolder();

        var report = await Importing.RunAsync(api, "indicators", temp.Write("mixed.csv", bytes.ToArray()),
            new Dictionary<string, string> { ["columns"] = "DISP_MED15" });

        report.ShouldBeRejectedWith($"line {target + 1}: the text is not valid UTF-8 here, although the start of the file is (mixed encodings)");
        (await api.WithDbAsync(db => db.Set<Indicator>().CountAsync())).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<IndicatorValue>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AUtf16CopyOfTheResultsIsRejectedAskingForUtf8OrLatin1()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var utf16 = temp.Write("t1-utf16.csv", File.ReadAllText(SharedData.Results2024Round1, Encoding.UTF8), Encoding.Unicode);

        var report = await Importing.RunAsync(api, "results-2024", utf16, ResultsImports.Round1Options);

        report.Status.ShouldBe(ImportStatus.Rejected);
        report.Problem.ShouldBe("the file is in UTF-16: save it as UTF-8 or Latin-1");
        await api.ShouldHoldNoResultsAsync();
    }
}
