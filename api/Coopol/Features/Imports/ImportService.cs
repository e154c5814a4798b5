using System.Text.Json;
using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Imports;
using Coopol.Common.Paging;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Coopol.Features.Imports;

/// <summary>Runs an importer on a file: one transaction for the file, committed only when all of it was read without a
/// problem (never for a dry run), and a report kept either way. The command line and the import job both come here.</summary>
public sealed class ImportService(CoopolDbContext db, IEnumerable<IImporter> importers, CallerContext caller, TimeProvider clock, ILogger<ImportService> logger)
{
    public const string NodeType = "ImportReport";
    /// <summary>Imports replace public reference data for everyone: the national team's right to enter results.</summary>
    public const Permission Needed = Permission.EnterResults;

    public static readonly KeysetOrder<ImportReport> Order =
        KeysetOrder<ImportReport>.DescendingBy("imports", KeysetOrder<ImportReport>.Key(r => r.StartedAt), KeysetOrder<ImportReport>.Key(r => r.Id));

    public IReadOnlyList<IImporter> Importers => importers.OrderBy(i => i.Kind, StringComparer.Ordinal).ToList();

    public IImporter Find(string kind) => importers.FirstOrDefault(i => i.Kind == kind)
        ?? throw new ImportKindException(kind, importers.Select(i => i.Kind));

    /// <summary>Unknown options are refused rather than ignored: a mistyped option would silently change nothing.</summary>
    public static void CheckOptions(IImporter importer, IReadOnlyDictionary<string, string> options)
    {
        foreach (var name in options.Keys)
            if (!importer.Options.ContainsKey(name))
                throw ImportException.File($"unknown option --{name} for {importer.Kind} (it reads: {(importer.Options.Count == 0 ? "none" : string.Join(", ", importer.Options.Keys.Select(k => "--" + k)))})");
    }

    public async Task<ImportReport> RunAsync(IImporter importer, string path, string fileName, IReadOnlyDictionary<string, string> options,
        bool dryRun, Guid? startedById, Guid? jobRunId, IImportProgress progress, Func<CancellationToken, Task>? beforeCommit, CancellationToken ct)
    {
        var report = new ImportReport
        {
            Kind = importer.Kind, FileName = fileName.Length > 200 ? fileName[^200..] : fileName, FileBytes = new FileInfo(path).Length,
            Options = options.Count == 0 ? null : JsonSerializer.Serialize(options), DryRun = dryRun, StartedById = startedById, JobRunId = jobRunId,
            StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        ImportContext? context = null;
        try
        {
            CheckOptions(importer, options);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            context = new ImportContext(path, fileName, options, db, (NpgsqlConnection)db.Database.GetDbConnection(), progress, fromCommandLine: jobRunId is null);
            var summary = await importer.ImportAsync(context, ct);
            if (beforeCommit is not null) await beforeCommit(ct);
            if (dryRun) await transaction.RollbackAsync(ct);
            else await transaction.CommitAsync(ct);
            report.Status = ImportStatus.Succeeded;
            report.Summary = (dryRun ? "Dry run, nothing changed. " : "") + summary.Text;
            if (report.Summary.Length > 500) report.Summary = report.Summary[..500];
            report.Counts = JsonSerializer.Serialize(summary.Counts);
        }
        catch (CoopolException e)
        {
            report.Status = ImportStatus.Rejected;
            report.Problem = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            report.ProblemCode = e.Code;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (e is PostgresException { SqlState: "23514" or "23505" or "22P02" } check) logger.LogWarning("Import of kind {Kind} broke a database rule: {Constraint}", importer.Kind, check.ConstraintName);
            logger.LogError(e, "Import of kind {Kind} failed", importer.Kind);
            report.Status = ImportStatus.Failed;
            report.ProblemCode = "INTERNAL_ERROR";
            report.Problem = "The import failed on our side; it has been logged. Nothing of the file was kept.";
        }
        report.Warnings = context?.Warnings ?? [];
        report.WarningCount = context?.WarningCount ?? 0;
        report.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        db.Add(report);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return report;
    }

    /// <summary>Whether the caller may import (and read the reports): the right to enter results for the whole party.</summary>
    public async Task<Rights> RequireImportRightAsync(CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequireAuthenticated();
        if (!rights.Can(Needed, TreeNode.National))
            throw new ForbiddenException("Importing reference data needs the right to enter results for the whole party (ENTER_RESULTS, national).");
        return rights;
    }

    public async Task<Page<ImportReport>> ReportsAsync(PageRequest page, CancellationToken ct)
    {
        await RequireImportRightAsync(ct);
        return await db.Set<ImportReport>().AsNoTracking().ToPageAsync(Order, page, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, ImportReport>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (!rights.Can(Needed, TreeNode.National)) return new Dictionary<Guid, ImportReport>();
        return await db.Set<ImportReport>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
    }

    public async Task<ImportReport?> ForRunAsync(Guid runId, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (!rights.Can(Needed, TreeNode.National)) return null;
        return await db.Set<ImportReport>().AsNoTracking().FirstOrDefaultAsync(r => r.JobRunId == runId, ct);
    }
}

public sealed class ImportKindException(string kind, IEnumerable<string> known)
    : CoopolException("IMPORT_KIND_UNKNOWN", $"There is no import of kind \"{(kind.Length > 40 ? kind[..40] : kind)}\" (known: {string.Join(", ", known.Order())}).");
