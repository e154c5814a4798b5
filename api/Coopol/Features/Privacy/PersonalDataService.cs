using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.JobRuns;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Privacy;

/// <summary>What the job making a download was asked for (stored with its run). An organizer's download holds the record
/// of their section only, never the records other sections keep of that person.</summary>
public sealed record PersonalDataExportParameters(Guid PersonId, bool OnlyThisRecord = false);

public sealed record ErasePersonalDataInput(string? PersonId, string Confirmation);

/// <summary>The rights of the person: a person downloads and erases their own data; those who manage their section do
/// the same on their request, and it is recorded (the access log for a download, the erasure record for an erasure).</summary>
public sealed class PersonalDataService(CoopolDbContext db, CallerContext caller, PeopleAccess people, JobRunService runs,
    IEnumerable<IPersonalDataStep> steps, TimeProvider clock)
{
    public const string ExportKind = "personal-data-export";
    /// <summary>Typed by whoever erases, so a slip of the finger never erases anyone.</summary>
    public const string Confirmation = "ERASE";

    /// <summary>The person asked about, and whether the caller is that person. Anyone else holds a role (not a delegation)
    /// managing the record's section, and acts on that record alone: what other sections keep of the person is theirs.</summary>
    private async Task<(Person Person, bool Self, Rights Rights)> RequireSubjectAsync(string? personId, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var self = rights.RequirePerson();
        var id = personId is null ? self : GlobalId.ParseGuid(personId, PersonService.NodeType, "personId");
        if (id == self) return ((await people.RecordsOfAsync(self, ct)).First(), true, rights);
        var scope = await people.ScopeAsync(ct);
        var person = await people.FindAsync(id, ct);
        if (person is null || !scope.Sees(person)) throw new PersonNotFoundException();
        var section = await db.Sections.AsNoTracking().FirstAsync(s => s.Id == person.SectionId, ct);
        var node = SectionService.NodeOf(section);
        // Erasing cannot be undone: a secretary's (or the level above's) act, never a delegate's.
        if (!scope.Manages(person.SectionId) || !rights.Grants.Any(g => g.Role != Role.Delegate && g.Permissions.HasFlag(Permission.ManagePeople) && g.Covers(node)))
            throw new ForbiddenException("Only the secretaries who manage this person's section do this on their request.");
        return (person, false, rights);
    }

    public async Task<JobRun> StartExportAsync(string? personId, CancellationToken ct)
    {
        var (person, self, _) = await RequireSubjectAsync(personId, ct);
        var section = await db.Sections.AsNoTracking().FirstAsync(s => s.Id == person.SectionId, ct);
        return await runs.StartAsync<ExportPersonalDataJob>(ExportKind, self ? Permission.None : Permission.ManagePeople, SectionService.NodeOf(section),
            new PersonalDataExportParameters(person.Id, OnlyThisRecord: !self), id => j => j.RunAsync(id, CancellationToken.None), ct);
    }

    /// <param name="onlyThisRecord">An organizer's request: this record alone, and rows found by link only (a contact may be
    /// shared with records elsewhere).</param>
    public async Task<DataSubject> SubjectAsync(Guid personId, CancellationToken ct, bool onlyThisRecord = false) =>
        SubjectOf(personId, await people.RecordsOfAsync(personId, ct), onlyThisRecord);

    private static DataSubject SubjectOf(Guid personId, List<Person> allRecords, bool onlyThisRecord)
    {
        var records = allRecords.Where(r => !onlyThisRecord || r.Id == personId).ToList();
        var emails = records.Where(r => r.Email is not null).Select(r => r.Email!).Distinct().ToList();
        return new DataSubject(personId, records.Select(r => r.Id).ToList(), onlyThisRecord ? [] : emails,
            onlyThisRecord ? [] : records.Where(r => r.Phone is not null).Select(r => r.Phone!).Distinct().ToList(),
            records.Select(r => r.DisplayName).Distinct().ToList(), emails);
    }

    /// <summary>Erases, in one transaction, a person and the records sections keep of them (their own request), or an
    /// organizer's section's record of them (on request): each feature deletes what is theirs alone and unlinks what must
    /// stay for counts; the audit keeps that it happened, not what it erased.</summary>
    public async Task<ErasureRecord> EraseAsync(ErasePersonalDataInput input, CancellationToken ct)
    {
        if (input.Confirmation != Confirmation)
            throw InputValidationException.For("confirmation", "CONFIRMATION_REQUIRED", $"Type {Confirmation} to erase: it cannot be undone.");
        var (person, self, rights) = await RequireSubjectAsync(input.PersonId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!self && await db.RoleGrants.AsNoTracking().Where(RoleGrant.ActiveAt(now)).AnyAsync(g => g.PersonId == person.Id, ct))
            throw new RolesHeldException();
        var record = await EraseSubjectAsync(person.Id, self ? null : rights.PersonId, self ? null : "on request", ct, byThemselves: self, onlyThisRecord: !self);
        caller.Reset();
        return record;
    }

    /// <summary>The erasure itself, for a request checked by the caller or a retention policy: each feature's step in one
    /// transaction, and a record of counts.</summary>
    public async Task<ErasureRecord> EraseSubjectAsync(Guid personId, Guid? actorId, string? reason, CancellationToken ct, bool byThemselves = false,
        bool onlyThisRecord = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var records = await people.RecordsOfAsync(personId, ct);
        var subject = SubjectOf(personId, records, onlyThisRecord);
        var sectionId = records.FirstOrDefault()?.SectionId;
        var tally = new ErasureTally();
        foreach (var step in steps.OrderBy(s => s.Order)) await step.EraseAsync(subject, tally, ct);
        var record = new ErasureRecord
        {
            At = clock.GetUtcNow().UtcDateTime, ByThemselves = byThemselves, ActorId = actorId, SectionId = sectionId, Reason = reason,
        };
        foreach (var (table, rows) in tally.Rows) record.Rows[table] = rows;
        db.Add(record);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return record;
    }
}

/// <summary>Writes a person's download, acting for who asked: the person, or an organizer who still manages them (the
/// download is then logged in the person's access log).</summary>
public sealed class ExportPersonalDataJob(JobRunner runner, PersonalDataService service, IEnumerable<IPersonalDataStep> steps, CoopolDbContext db,
    TimeProvider clock)
{
    [Hangfire.AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid runId, CancellationToken ct) => runner.RunAsync(runId, async (run, progress, token) =>
    {
        var p = JobRunService.ParametersOf<PersonalDataExportParameters>(run) ?? throw new InvalidOperationException("An export run without parameters.");
        var subject = await service.SubjectAsync(p.PersonId, token, p.OnlyThisRecord);
        if (subject.RecordIds.Count == 0) throw new PersonNotFoundException();
        var archive = new PersonalDataArchive(db);
        foreach (var step in steps.OrderBy(s => s.Order)) await step.ExportAsync(subject, archive, token);
        await progress.ReportAsync(archive.Rows, archive.Rows, token, force: true);
        await runner.EnsureStillAllowedAsync(run, token);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new PeopleExport
        {
            JobRunId = run.Id, RequestedById = run.StartedById, FileName = $"coopol-donnees-{now:yyyyMMdd-HHmm}.zip", Content = archive.ToZip(now),
            Rows = archive.Rows, CreatedAt = now, ExpiresAt = now + PeopleExportService.Lifetime,
        });
        if (run.StartedById != p.PersonId)
            db.Add(new AccessLogEntry { SubjectId = p.PersonId, ActorId = run.StartedById, Kind = AccessKind.ExportedPersonalData, At = now, JobRunId = run.Id });
        await db.SaveChangesAsync(token);
        return new JobOutcome($"{archive.Rows} rows in {archive.TableNames.Count} tables", $"/exports/{run.Id:N}");
    }, ct);
}

public sealed class RolesHeldException() : CoopolException("ROLES_HELD",
    "This person holds roles or delegations: they are revoked first, by who may, or the person erases their data themselves.");
