using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Messaging;

/// <summary>Two records of a person becoming one: what was sent to the absorbed record (its outbox rows, whose
/// unsubscribe links must keep working) and the static lists naming it move to the one that stays.</summary>
public sealed class MessagingMergeStep(CoopolDbContext db) : IPersonMergeStep
{
    public async Task MergeAsync(Guid from, Guid into, CancellationToken ct)
    {
        await db.Set<OutboxMessage>().Where(o => o.PersonId == from).ExecuteUpdateAsync(u => u.SetProperty(o => o.PersonId, into), ct);
        var pattern = "%" + from + "%";
        var lists = await db.Set<Segment>().FromSql($"""SELECT * FROM "Segments" WHERE "Definition"::text LIKE {pattern}""").AsTracking().ToListAsync(ct);
        foreach (var segment in lists.Where(s => s.Definition.PersonIds.Contains(from)))
            segment.Definition = segment.Definition with
            {
                PersonIds = segment.Definition.PersonIds.Select(id => id == from ? into : id).Distinct().ToList(),
            };
        await db.SaveChangesAsync(ct);
    }
}
