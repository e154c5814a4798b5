using System.Diagnostics;
using System.Text;

namespace Coopol.Tests.Infrastructure;

/// <summary>What a run of the API's command line gave.</summary>
public sealed record CommandOutcome(int ExitCode, string Stdout, string Stderr);

/// <summary>The built API's command line (<c>Coopol.Api.dll import …</c>), run as scripts/coopol runs it, on the
/// fixture's database (scripts/coopol sets COOPOL_DB=coopol_test the same way).</summary>
public static class ApiCommand
{
    public static async Task<CommandOutcome> RunAsync(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Coopol.Api.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is missing: build the tests first.");
        var start = new ProcessStartInfo("dotnet", [dll, .. args])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8, StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["COOPOL_DB"] = "coopol_test";
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
            throw new TimeoutException($"The command did not end within 60 s: {await stderr}");
        }
        return new CommandOutcome(process.ExitCode, await stdout, await stderr);
    }
}
