using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.People;

/// <summary>The person's records (their own and those sections keep of them), consents, access log, invitations and
/// export files. Erasing deletes the records last, after every other feature unlinked or deleted its rows.</summary>
public sealed class PeoplePersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public int Order => 100;

    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(Person), "their record and every section's record of them", "deleted"),
        new(typeof(ConsentRecord), "the ledger of their consents", "deleted; the lines they recorded for others lose their name"),
        new(typeof(AccessLogEntry), "who looked at them", "deleted; what they looked at loses their name"),
        new(typeof(SectionInvitation), "sections asking them to join", "deleted"),
        new(typeof(PeopleExport), "the exports they made (name, date, rows; not the files, which hold other people)", "deleted"),
    ];

    public async Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        await archive.AddAsync("people", db.People.Where(p => ids.Contains(p.Id)), ct);
        await archive.AddAsync("consents", db.Set<ConsentRecord>().Where(c => ids.Contains(c.PersonId)), ct);
        await archive.AddAsync("access-log", db.Set<AccessLogEntry>().Where(a => ids.Contains(a.SubjectId)), ct);
        await archive.AddAsync("section-invitations", db.Set<SectionInvitation>().Where(i => ids.Contains(i.PersonId) || (i.RecordId != null && ids.Contains(i.RecordId.Value))), ct);
        await archive.AddAsync("exports", db.Set<PeopleExport>().Where(e => ids.Contains(e.RequestedById)), ct, nameof(PeopleExport.Content));
    }

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        tally.Add("ConsentRecords", await db.Set<ConsentRecord>().Where(c => ids.Contains(c.PersonId)).ExecuteDeleteAsync(ct));
        tally.Add("AccessLog", await db.Set<AccessLogEntry>().Where(a => ids.Contains(a.SubjectId)).ExecuteDeleteAsync(ct));
        tally.Add("SectionInvitations", await db.Set<SectionInvitation>().Where(i => ids.Contains(i.PersonId)).ExecuteDeleteAsync(ct));
        tally.Add("PeopleExports", await db.Set<PeopleExport>().Where(e => ids.Contains(e.RequestedById)).ExecuteDeleteAsync(ct));
        // Linked records first: they point at the person's own record.
        tally.Add("People", await db.People.Where(p => ids.Contains(p.Id) && p.Id != subject.PersonId).ExecuteDeleteAsync(ct));
        // On an organizer's request only their section's record goes: a record another section keeps of the person, linked
        // to it, becomes the person's own (one email, one primary record; the foreign key unlinks it as this one goes), and
        // the others follow it.
        var heir = await db.People.Where(p => p.LinkedToId == subject.PersonId).OrderBy(p => p.CreatedAt).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        if (heir is { } h)
            await db.People.Where(p => p.LinkedToId == subject.PersonId && p.Id != h).ExecuteUpdateAsync(u => u.SetProperty(p => p.LinkedToId, h), ct);
        tally.Add("People", await db.People.Where(p => p.Id == subject.PersonId).ExecuteDeleteAsync(ct));
    }
}
