using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Canvassing;

/// <summary>When two records of a person merge: the door reports they made or that made them a contact, and the share
/// they hold, follow.</summary>
public sealed class CanvassingMergeStep(CoopolDbContext db) : IPersonMergeStep
{
    public async Task MergeAsync(Guid from, Guid into, CancellationToken ct)
    {
        await db.Set<DoorReport>().Where(r => r.ReporterId == from).ExecuteUpdateAsync(u => u.SetProperty(r => r.ReporterId, into), ct);
        await db.Set<DoorReport>().Where(r => r.ContactId == from).ExecuteUpdateAsync(u => u.SetProperty(r => r.ContactId, into), ct);
        await db.Set<TurfShare>().Where(s => s.CheckedOutById == from).ExecuteUpdateAsync(u => u.SetProperty(s => s.CheckedOutById, into), ct);
    }
}
