using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Actions;

/// <summary>The actions a person took part in, signed up to as a visitor, created or organizes. Erasing deletes their
/// participations and sign-ups, keeps each action's attendance count (a check-in becomes a number), and takes them out
/// of the actions they ran (which stay their section's).</summary>
public sealed class ActionsPersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(ActionParticipant), "their places in actions (status, dates, check-in)", "deleted; a check-in stays in its action's count"),
        new(typeof(VisitorSignup), "their sign-ups as a visitor (name, contact; not the link's token)", "deleted"),
        new(typeof(FieldAction), "the actions they created or organize", "kept (their section's) without their name"),
    ];

    public async Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        await archive.AddAsync("action-participations", db.Set<ActionParticipant>().Where(p => ids.Contains(p.PersonId)), ct);
        await archive.AddAsync("visitor-signups", db.Set<VisitorSignup>().Where(v => (v.PersonId != null && ids.Contains(v.PersonId.Value))
            || (v.Email != null && subject.Emails.Contains(v.Email)) || (v.Phone != null && subject.Phones.Contains(v.Phone))), ct, nameof(VisitorSignup.TokenHash));
        await archive.AddAsync("actions-organized", db.Set<FieldAction>().Where(a => (a.CreatedById != null && ids.Contains(a.CreatedById.Value))
            || a.OrganizerIds.Any(o => ids.Contains(o))), ct);
    }

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds.ToArray();
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Actions" a SET "ErasedCheckIns" = a."ErasedCheckIns" + c.n
            FROM (SELECT "ActionId", count(*)::int AS n FROM "ActionParticipants" WHERE "PersonId" = ANY({ids}) AND "CheckedInAt" IS NOT NULL GROUP BY 1) c
            WHERE a."Id" = c."ActionId"
            """, ct);
        tally.Add("ActionParticipants", await db.Set<ActionParticipant>().Where(p => ids.Contains(p.PersonId)).ExecuteDeleteAsync(ct));
        await db.Set<ActionParticipant>().Where(p => p.CheckedInById != null && ids.Contains(p.CheckedInById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.CheckedInById, (Guid?)null), ct);
        var emails = subject.Emails.ToArray();
        var phones = subject.Phones.ToArray();
        tally.Add("VisitorSignups", await db.Set<VisitorSignup>().Where(v => (v.PersonId != null && ids.Contains(v.PersonId.Value))
            || (v.Email != null && emails.Contains(v.Email)) || (v.Phone != null && phones.Contains(v.Phone))).ExecuteDeleteAsync(ct));
        foreach (var id in ids)
            tally.Add("Actions", await db.Database.ExecuteSqlAsync(
                $"""UPDATE "Actions" SET "OrganizerIds" = array_remove("OrganizerIds", {id}) WHERE {id} = ANY("OrganizerIds")""", ct));
        tally.Add("Actions", await db.Set<FieldAction>().Where(a => a.CreatedById != null && ids.Contains(a.CreatedById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.CreatedById, (Guid?)null), ct));
    }
}
