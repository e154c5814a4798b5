using System.Linq.Expressions;
using System.Text.Json;
using Coopol.Access;
using Coopol.Common.Paging;
using Coopol.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.JobRuns;

/// <summary>Starts jobs on behalf of the caller and shows each person their own runs.</summary>
public sealed class JobRunService(CoopolDbContext db, CallerContext caller, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string NodeType = "JobRun";
    /// <summary>Finished runs are kept this long, then deleted.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    public static readonly KeysetOrder<JobRun> Order =
        KeysetOrder<JobRun>.DescendingBy("runs", KeysetOrder<JobRun>.Key(r => r.CreatedAt), KeysetOrder<JobRun>.Key(r => r.Id));

    /// <summary>Records a run for the caller and enqueues its job, which receives only the run's id.</summary>
    public async Task<JobRun> StartAsync<TJob>(string kind, Permission anyOf, TreeNode node, object? parameters,
        Func<Guid, Expression<Func<TJob, Task>>> job, CancellationToken ct, DateTime? at = null)
    {
        var rights = await caller.GetRightsAsync(ct);
        var run = new JobRun
        {
            Kind = kind, StartedById = rights.RequirePerson(), RequiredPermissions = anyOf,
            Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId,
            Parameters = parameters is null ? null : JsonSerializer.Serialize(parameters), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<JobRun>().Add(run);
        await db.SaveChangesAsync(ct);
        // A run for later (a scheduled send) waits in Hangfire's schedule; it still acts with the rights of its time.
        run.HangfireJobId = at is { } when && when > clock.GetUtcNow().UtcDateTime
            ? jobs.Schedule(job(run.Id), new DateTimeOffset(when, TimeSpan.Zero))
            : jobs.Enqueue(job(run.Id));
        await db.SaveChangesAsync(ct);
        return run;
    }

    public static T? ParametersOf<T>(JobRun run) => run.Parameters is null ? default : JsonSerializer.Deserialize<T>(run.Parameters);

    public async Task<IReadOnlyDictionary<Guid, JobRun>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var self = (await caller.GetRightsAsync(ct)).PersonId;
        if (self is null) return new Dictionary<Guid, JobRun>();
        return await db.Set<JobRun>().AsNoTracking().Where(r => ids.Contains(r.Id) && r.StartedById == self).ToDictionaryAsync(r => r.Id, ct);
    }

    /// <summary>A run as its starter sees it (null for anyone else).</summary>
    public async Task<JobRun?> FindAsync(Guid id, CancellationToken ct) => (await ByIdsAsync([id], ct)).GetValueOrDefault(id);

    public async Task<Page<JobRun>> MineAsync(PageRequest page, CancellationToken ct)
    {
        var self = (await caller.GetRightsAsync(ct)).PersonId;
        var runs = db.Set<JobRun>().AsNoTracking().Where(r => r.StartedById == self);
        return await runs.ToPageAsync(Order, page, ct);
    }
}

/// <summary>Deletes finished runs past their retention.</summary>
public sealed class PurgeJobRunsJob(CoopolDbContext db, TimeProvider clock)
{
    public const string RecurringId = "job-runs:purge";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - JobRunService.Retention;
        return await db.Set<JobRun>().Where(r => r.FinishedAt != null && r.FinishedAt < before).ExecuteDeleteAsync(ct);
    }
}
