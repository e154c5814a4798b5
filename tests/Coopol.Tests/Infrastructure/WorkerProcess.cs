using System.Diagnostics;

namespace Coopol.Tests.Infrastructure;

/// <summary>jobs/Coopol.Jobs as built by the solution, in production mode, on the test database: the worker host as a
/// process of its own, which a test can kill.</summary>
public sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _errors = new();

    private WorkerProcess(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public string Errors
    {
        get { lock (_errors) return _errors.ToString(); }
    }

    public static WorkerProcess Start(IReadOnlyDictionary<string, string>? environment = null)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(RepoRoot(), "jobs", "Coopol.Jobs", "bin", configuration, "net10.0", "Coopol.Jobs.dll");
        File.Exists(dll).ShouldBeTrue($"Build the solution first: {dll} is missing.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Coopol"] = CoopolFactory.ConnectionString;
        start.Environment["Jobs__WorkerCount"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        var worker = new WorkerProcess(new Process { StartInfo = start });
        // Drain both pipes so the worker never blocks on a full one; keep what it says on stderr for a failure message.
        worker._process.OutputDataReceived += (_, _) => { };
        worker._process.ErrorDataReceived += (_, e) => { lock (worker._errors) worker._errors.AppendLine(e.Data); };
        worker._process.Start();
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>As a crash would: no shutdown, no cancellation, connections cut.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Coopol.sln not found above the test binaries.");
    }
}
