using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Messaging;

/// <summary>Messages a person wrote or sent, segments they made or that list them, what was sent to them, and their
/// addresses found unusable. Erasing keeps messages and segments (their node's) without their name, takes them out of
/// static lists, deletes what was sent to them, and keeps an unusable address so a STOP is still honoured.</summary>
public sealed class MessagingPersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(Message), "the messages they wrote or sent", "kept, shown as from a former user; they leave static lists"),
        new(typeof(Segment), "the segments they made", "kept without their name; they leave static lists"),
        new(typeof(OutboxMessage), "what was sent to them (or to their contacts)", "deleted"),
        new(typeof(UnusableContact), "their addresses found unusable or opted out (STOP)",
            "kept: a STOP or a hard bounce must still be honoured if the address comes back"),
    ];

    public async Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        var contacts = subject.Emails.Concat(subject.Phones).ToList();
        await archive.AddAsync("messages-written", db.Set<Message>().Where(m => (m.AuthorId != null && ids.Contains(m.AuthorId.Value))
            || (m.SentById != null && ids.Contains(m.SentById.Value))), ct, nameof(Message.SegmentDefinition), nameof(Message.Area));
        // Their filters, not whom a static list names.
        await archive.AddAsync("segments-made", db.Set<Segment>().Where(s => s.CreatedById != null && ids.Contains(s.CreatedById.Value)), ct,
            nameof(Segment.Definition), nameof(Segment.Area));
        await archive.AddAsync("messages-received", db.Set<OutboxMessage>().Where(o => (o.PersonId != null && ids.Contains(o.PersonId.Value))
            || contacts.Contains(o.Address)), ct);
        await archive.AddAsync("unusable-contacts", db.Set<UnusableContact>().Where(u => contacts.Contains(u.Address)), ct);
    }

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds.ToHashSet();
        var contacts = subject.Emails.Concat(subject.Phones).ToList();
        tally.Add("Outbox", await db.Set<OutboxMessage>().Where(o => (o.PersonId != null && ids.Contains(o.PersonId.Value)) || contacts.Contains(o.Address))
            .ExecuteDeleteAsync(ct));
        tally.Add("Messages", await db.Set<Message>().Where(m => m.AuthorId != null && ids.Contains(m.AuthorId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.AuthorId, (Guid?)null), ct));
        tally.Add("Messages", await db.Set<Message>().Where(m => m.SentById != null && ids.Contains(m.SentById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.SentById, (Guid?)null), ct));
        tally.Add("Segments", await db.Set<Segment>().Where(s => s.CreatedById != null && ids.Contains(s.CreatedById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CreatedById, (Guid?)null), ct));
        foreach (var id in ids)
        {
            var pattern = "%" + id + "%";
            foreach (var segment in await db.Set<Segment>().FromSql($"""SELECT * FROM "Segments" WHERE "Definition"::text LIKE {pattern}""").AsTracking().ToListAsync(ct))
            {
                segment.Definition = segment.Definition with { PersonIds = segment.Definition.PersonIds.Where(p => p != id).ToList() };
                tally.Add("Segments", 1);
            }
            foreach (var message in await db.Set<Message>().FromSql($"""SELECT * FROM "Messages" WHERE "SegmentDefinition"::text LIKE {pattern}""").AsTracking().ToListAsync(ct))
            {
                message.SegmentDefinition = message.SegmentDefinition with { PersonIds = message.SegmentDefinition.PersonIds.Where(p => p != id).ToList() };
                tally.Add("Messages", 1);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
