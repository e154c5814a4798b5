using System.Globalization;
using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Imports;
using Coopol.Features.JobRuns;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Membership;

/// <summary>Runs a dry run or an apply of an uploaded membership file as the person who started it: their right is
/// checked at the start and again before the commit, and the roles granted are those they may grant. The upload is
/// kept after a dry run (the apply reads it again) and deleted once applied.</summary>
public sealed class MembershipImportJob(JobRunner runner, MembershipImporter importer, CallerContext caller, CoopolDbContext db, IServiceScopeFactory scopes)
{
    // The apply is one transaction: a retry could only do the same again, and a stopped run must stay stopped.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid runId, CancellationToken ct) => runner.RunAsync(runId, async (run, progress, token) =>
    {
        var p = JobRunService.ParametersOf<MembershipImportParameters>(run) ?? throw new InvalidOperationException("An import run without parameters.");
        var content = await db.Set<ImportUpload>().Where(u => u.Id == p.UploadId).Select(u => u.Content).FirstOrDefaultAsync(token)
            ?? throw new MembershipUploadNotFoundException();
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, content, token);
            var rights = await caller.GetRightsAsync(token);
            var node = p.FederationCode is { } code ? TreeNode.Federation(code) : TreeNode.National;
            // The import holds its transaction open while it reads: progress is written through a connection of its own.
            await using var progressScope = scopes.CreateAsyncScope();
            var written = new JobProgress(progressScope.ServiceProvider.GetRequiredService<CoopolDbContext>(), run.Id);
            var report = await importer.RunAsync(
                new MembershipImportRequest(node, path, p.FileName, p.Mapping, p.DryRun, p.SkipInvalidRows, p.DryRunId, p.UploadId, run.StartedById, run.Id, rights),
                (done, total) => written.ReportAsync((int)(done / 1024), (int)(total / 1024), token).GetAwaiter().GetResult(),
                c => runner.EnsureStillAllowedAsync(run, c), token);
            if (report.Status == MembershipImportStatus.Applied)
                await db.Set<ImportUpload>().Where(u => u.Id == p.UploadId).ExecuteDeleteAsync(CancellationToken.None);
            var c = report.Counts;
            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{report.Status}: {report.Rows} rows, {c.NewMembers} new, {c.BecomeMembers} becoming members, {c.Updated} updated, {c.MoveSection} moving, "
                + $"{c.BecomeFormerMembers} former, {c.RolesGranted} roles granted, {c.RolesWithdrawn} withdrawn, {report.ProblemCount} problems");
            return report.Status switch
            {
                MembershipImportStatus.DryRun or MembershipImportStatus.Applied => new JobOutcome(summary),
                MembershipImportStatus.Refused => throw new MembershipImportRefusedException(report.Problems.FirstOrDefault()?.Code ?? "IMPORT_INVALID",
                    report.Problems.FirstOrDefault()?.Message ?? "The import was refused; see its report."),
                _ => throw new InvalidOperationException("The membership import failed; see its report."),
            };
        }
        finally
        {
            File.Delete(path);
        }
    }, ct);
}

/// <summary>Stops the run with the report's first problem (its code and message, which name no person).</summary>
public sealed class MembershipImportRefusedException(string code, string message) : CoopolException(code, message);
