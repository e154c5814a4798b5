using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Actions;

/// <summary>When a section's record of someone merges into their own: their participations (kept at their place in line,
/// or dropped where they already take part themselves), their notices, sign-ups and the actions naming them organizer
/// follow.</summary>
public sealed class ActionsMergeStep(CoopolDbContext db) : IPersonMergeStep
{
    public async Task MergeAsync(Guid from, Guid into, CancellationToken ct)
    {
        // Where both records are in one action, the one still taking part is kept (a confirmed place is never lost to
        // an old "left").
        var fromActive = db.Set<ActionParticipant>().Where(p => p.PersonId == from && p.Status != ParticipationStatus.Left).Select(p => p.ActionId);
        await db.Set<ActionParticipant>().Where(p => p.PersonId == into && p.Status == ParticipationStatus.Left && fromActive.Contains(p.ActionId))
            .ExecuteDeleteAsync(ct);
        var theirs = db.Set<ActionParticipant>().Where(p => p.PersonId == into).Select(p => p.ActionId);
        await db.Set<ActionParticipant>().Where(p => p.PersonId == from && theirs.Contains(p.ActionId)).ExecuteDeleteAsync(ct);
        await db.Set<ActionParticipant>().Where(p => p.CheckedInById == from).ExecuteUpdateAsync(u => u.SetProperty(p => p.CheckedInById, into), ct);
        await db.Set<ActionParticipant>().Where(p => p.PersonId == from).ExecuteUpdateAsync(u => u.SetProperty(p => p.PersonId, into), ct);
        await db.Set<VisitorSignup>().Where(v => v.PersonId == from).ExecuteUpdateAsync(u => u.SetProperty(v => v.PersonId, into), ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Actions" SET "OrganizerIds" = ARRAY(SELECT DISTINCT o FROM unnest(array_replace("OrganizerIds", {from}, {into})) o)
            WHERE {from} = ANY("OrganizerIds")
            """, ct);
    }
}
