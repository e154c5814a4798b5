using System.Diagnostics;
using System.Text;
using Coopol.Features.Addresses;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Addresses;

/// <summary><c>scripts/coopol import addresses &lt;file&gt;</c>, run as the script runs it (the built API's dll, see
/// ImportCommandTests for why not the script itself).</summary>
[Collection(ApiCollection.Name)]
public sealed class AddressImportCommandTests(ApiFixture api)
{
    [Fact]
    public async Task TheCommandImportsTheRealFileThenRefusesABadLatitudeNamingItsLineAndColumn()
    {
        await api.ResetAsync();
        var good = await RunAsync("import", "addresses", RealAddressFile.Path);

        good.ExitCode.ShouldBe(0, good.Stderr);
        good.Stdout.ShouldStartWith("BAL file: 486 addresses on 21 streets in 1 commune (486 new, 0 changed, 0 retired)");
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync())).ShouldBe(486);

        using var temp = new TempFolder();
        var bad = temp.Write("bad-lat.csv", RealAddressFile.Read().With(100, "lat", "149.3").Text);
        var refused = await RunAsync("import", "addresses", bad);

        refused.ExitCode.ShouldBe(1, refused.Stdout + refused.Stderr);
        refused.Stderr.ShouldContain($"{bad}: line 100, column 15: 149.3 is not a latitude (between -90 and 90 degrees)");
        refused.Stderr.ShouldContain("Nothing of this file was imported.");
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync())).ShouldBe(486);
    }

    private sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    private static async Task<Outcome> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Coopol.Api.dll");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["ConnectionStrings__Coopol"] = CoopolFactory.ConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft"] = "Warning";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The import command did not end within 60 s: {await stderr}");
        }
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
