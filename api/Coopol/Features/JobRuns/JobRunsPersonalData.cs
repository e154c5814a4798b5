using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.JobRuns;

/// <summary>The background jobs a person started (kept 30 days): in their download, deleted with them, as are the runs
/// of organizers that made a download of this person's data.</summary>
public sealed class JobRunsPersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables => [new(typeof(JobRun), "the jobs they started (kind, status, dates)", "deleted")];

    public Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct) =>
        archive.AddAsync("jobs", db.Set<JobRun>().Where(r => subject.RecordIds.Contains(r.StartedById)), ct, nameof(JobRun.HangfireJobId), nameof(JobRun.Parameters));

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        tally.Add("JobRuns", await db.Set<JobRun>().Where(r => ids.Contains(r.StartedById)).ExecuteDeleteAsync(ct));
        // Downloads organizers made of this person's data name them in their parameters.
        var id = subject.PersonId.ToString();
        tally.Add("JobRuns", await db.Database.ExecuteSqlAsync(
            $"""DELETE FROM "JobRuns" WHERE "Kind" = {Privacy.PersonalDataService.ExportKind} AND "Parameters"->>'PersonId' = {id}""", ct));
    }
}
