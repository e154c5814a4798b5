using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coopol.Features.JobRuns;

/// <summary>How a job ended: a short summary without personal data, and where its result is, if any.</summary>
public sealed record JobOutcome(string Summary, string? ResultUrl = null);

/// <summary>Runs a job as the person who started it. The job's scope acts for that person (their rights read afresh),
/// the right the job needs is checked first, and the run records how it ended: a right lost in between, or any
/// expected failure, stops it with that reason.</summary>
public sealed class JobRunner(CoopolDbContext db, CallerContext caller, TimeProvider clock, ILogger<JobRunner> logger)
{
    public async Task RunAsync(Guid runId, Func<JobRun, JobProgress, CancellationToken, Task<JobOutcome>> body, CancellationToken ct)
    {
        var run = await db.Set<JobRun>().AsTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        // Reentrant: a run already finished (a retry after it ended) is left as it is.
        if (run is null || run.IsFinished) return;
        run.Status = JobRunStatus.Running;
        run.StartedAt = Now();
        await db.SaveChangesAsync(ct);

        caller.ActFor(run.StartedById);
        try
        {
            await EnsureStillAllowedAsync(run, ct);
            var outcome = await body(run, new JobProgress(db, run.Id), ct);
            await FinishAsync(run, JobRunStatus.Succeeded, null, null, outcome, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The host is stopping: put the run back so Hangfire's retry starts it again.
            db.ChangeTracker.Clear();
            await db.Set<JobRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, JobRunStatus.Queued), CancellationToken.None);
            throw;
        }
        catch (CoopolException e)
        {
            await FinishAsync(run, JobRunStatus.Stopped, e.Code, e.Message, null, CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job run {RunId} ({Kind}) failed", run.Id, run.Kind);
            await FinishAsync(run, JobRunStatus.Failed, "INTERNAL_ERROR", "The job failed on our side; it has been logged.", null, CancellationToken.None);
        }
    }

    /// <summary>Reads the starter's rights afresh and stops the run (RIGHT_REVOKED) if the right it needs is gone: at the
    /// start, and by jobs before they hand over a result.</summary>
    public async Task EnsureStillAllowedAsync(JobRun run, CancellationToken ct)
    {
        caller.Reset();
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        if (!Allows(rights, run)) throw new RightRevokedException(run.RequiredPermissions);
    }

    /// <summary>Whether these rights still hold what the run needs.</summary>
    /// <summary>A run that needs no permission is one a person runs on their own data: theirs alone.</summary>
    public static bool Allows(Rights rights, JobRun run) => run.RequiredPermissions == Permission.None
        ? rights.PersonId == run.StartedById
        : rights.Grants.Any(g => (g.Permissions & run.RequiredPermissions) != 0 && g.Covers(run.Node));

    private async Task FinishAsync(JobRun run, JobRunStatus status, string? code, string? reason, JobOutcome? outcome, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var now = Now();
        await db.Set<JobRun>().Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, status)
            .SetProperty(r => r.StopCode, code)
            .SetProperty(r => r.StopReason, reason)
            .SetProperty(r => r.Summary, outcome == null ? null : outcome.Summary)
            .SetProperty(r => r.ResultUrl, outcome == null ? null : outcome.ResultUrl)
            .SetProperty(r => r.FinishedAt, now), ct);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Progress of a run, written as it goes (at most about once a second) so the web client can show it.</summary>
public sealed class JobProgress(CoopolDbContext db, Guid runId)
{
    private long _lastWrite;

    public async Task ReportAsync(int done, int? total, CancellationToken ct, bool force = false)
    {
        var now = Environment.TickCount64;
        if (!force && now - _lastWrite < 1000) return;
        _lastWrite = now;
        await db.Set<JobRun>().Where(r => r.Id == runId)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Done, done).SetProperty(r => r.Total, total), ct);
    }
}

public sealed class RightRevokedException(Permission needed)
    : CoopolException("RIGHT_REVOKED", $"The person who started this job no longer holds {Permissions.Names(needed).Replace(", ", " or ")} where it applies.");
