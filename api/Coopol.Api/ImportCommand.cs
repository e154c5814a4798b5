using System.Globalization;
using Coopol.Common.Imports;
using Coopol.Features.Imports;

namespace Coopol.Api;

/// <summary><c>Coopol.Api import &lt;kind&gt; &lt;file&gt; [--option value]... [--dry-run]</c>: the same import as an upload,
/// run in this process. Prints progress to stderr and a summary to stdout; on bad input prints
/// <c>line L, column C: problem</c> and exits 1 (2 for a wrong command line).</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        await using var scope = services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        if (args.Length >= 2 && args[1] == "members") return await MembershipCommand.RunAsync(scope.ServiceProvider, args[2..]);
        if (args.Length < 3 || args[1] is "--help" or "-h")
        {
            Console.Error.WriteLine("usage: scripts/coopol import <kind> <file> [--option value]... [--dry-run]\n\nkinds:");
            Console.Error.WriteLine($"  {"members",-20} {MembershipCommand.Usage}");
            foreach (var kindOf in imports.Importers)
            {
                Console.Error.WriteLine($"  {kindOf.Kind,-20} {kindOf.Description}");
                foreach (var (name, description) in kindOf.Options) Console.Error.WriteLine($"      --{name}: {description}");
            }
            return args.Length >= 2 && args[1] is "--help" or "-h" ? 0 : 2;
        }
        var (kind, path) = (args[1], args[2]);
        var options = new Dictionary<string, string>();
        var dryRun = false;
        for (var i = 3; i < args.Length; i++)
        {
            if (args[i] == "--dry-run") dryRun = true;
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length) options[args[i][2..]] = args[++i];
            else
            {
                Console.Error.WriteLine($"cannot read the argument \"{args[i]}\": options are --name value");
                return 2;
            }
        }
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path}: no such file");
            return 2;
        }
        IImporter importer;
        try
        {
            importer = imports.Find(kind);
        }
        catch (ImportKindException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        var report = await imports.RunAsync(importer, Path.GetFullPath(path), Path.GetFileName(path), options, dryRun, null, null,
            new ConsoleProgress(), null, CancellationToken.None);
        foreach (var warning in report.Warnings) Console.Error.WriteLine($"warning: {warning}");
        if (report.WarningCount > report.Warnings.Count) Console.Error.WriteLine($"... {report.WarningCount - report.Warnings.Count} more warnings");
        var seconds = (report.FinishedAt - report.StartedAt).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        switch (report.Status)
        {
            case ImportStatus.Succeeded:
                Console.WriteLine($"{report.Summary} ({seconds} s)");
                return 0;
            default:
                Console.Error.WriteLine($"{path}: {report.Problem}");
                Console.Error.WriteLine("Nothing of this file was imported.");
                return 1;
        }
    }

    private sealed class ConsoleProgress : IImportProgress
    {
        private long _last;

        public Task ReportAsync(long done, long total, CancellationToken ct)
        {
            var now = Environment.TickCount64;
            if (now - _last < 1000 || total == 0) return Task.CompletedTask;
            _last = now;
            Console.Error.WriteLine($"… {100 * done / total} % read");
            return Task.CompletedTask;
        }
    }
}
