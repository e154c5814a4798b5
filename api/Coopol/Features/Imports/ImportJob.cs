using Coopol.Common;
using Coopol.Common.Imports;
using Coopol.Data;
using Coopol.Features.JobRuns;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Imports;

/// <summary>What an import job was asked for (stored with its run).</summary>
public sealed record ImportParameters(Guid UploadId, string Kind, string FileName, Dictionary<string, string> Options, bool DryRun);

/// <summary>Runs an uploaded file's import as the person who uploaded it: their right is checked when the job starts and
/// again before the import commits. A rejected file stops the run with the problem (line and column) as its reason.</summary>
public sealed class ImportJob(JobRunner runner, ImportService imports, CoopolDbContext db)
{
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid runId, CancellationToken ct) => runner.RunAsync(runId, async (run, progress, token) =>
    {
        var p = JobRunService.ParametersOf<ImportParameters>(run) ?? throw new InvalidOperationException("An import run without parameters.");
        var folder = Directory.CreateTempSubdirectory("coopol-import-");
        try
        {
            var content = await db.Set<ImportUpload>().Where(u => u.Id == p.UploadId).Select(u => u.Content).FirstOrDefaultAsync(token)
                ?? throw new ImportUploadGoneException();
            var path = Path.Combine(folder.FullName, "upload" + SafeExtension(p.FileName));
            await File.WriteAllBytesAsync(path, content, token);
            var report = await imports.RunAsync(imports.Find(p.Kind), path, p.FileName, p.Options, p.DryRun, run.StartedById, run.Id,
                new RunProgress(progress), c => runner.EnsureStillAllowedAsync(run, c), token);
            return report.Status switch
            {
                ImportStatus.Succeeded => new JobOutcome(report.Summary!.Length > 200 ? report.Summary[..200] : report.Summary),
                ImportStatus.Rejected => throw new ImportStoppedException(report.ProblemCode ?? "IMPORT_INVALID", report.Problem!),
                _ => throw new InvalidOperationException("The import failed; see its report."),
            };
        }
        finally
        {
            folder.Delete(recursive: true);
            await db.Set<ImportUpload>().Where(u => u.Id == p.UploadId).ExecuteDeleteAsync(CancellationToken.None);
        }
    }, ct);

    /// <summary>The extension of the uploaded name if it is a plain one (".csv", ".geojson", ".zip"), nothing else of it.</summary>
    private static string SafeExtension(string name) =>
        Path.GetExtension(name) is { Length: > 1 and <= 10 } e && e[1..].All(char.IsAsciiLetterOrDigit) ? e.ToLowerInvariant() : "";

    private sealed class RunProgress(JobProgress progress) : IImportProgress
    {
        public Task ReportAsync(long done, long total, CancellationToken ct) => progress.ReportAsync((int)(done / 1024), (int)(total / 1024), ct);
    }
}

/// <summary>Stops the run with the report's own code (bad input, or a right lost before the commit).</summary>
public sealed class ImportStoppedException(string code, string message) : CoopolException(code, message);

/// <summary>Deletes uploads whose job never read them (the uploader lost the right before it started, the job was
/// deleted): a file waits a day at most.</summary>
public sealed class PurgeImportUploadsJob(CoopolDbContext db, TimeProvider clock)
{
    public const string RecurringId = "imports:purge-uploads";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - Lifetime;
        return await db.Set<ImportUpload>().Where(u => u.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}

public sealed class ImportUploadGoneException()
    : CoopolException("IMPORT_UPLOAD_GONE", "The uploaded file is no longer there: upload it again.");
