using Coopol.Access;
using Coopol.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Roles;

/// <summary>Rights stop at their end date by themselves (every check compares with now); this recurring job
/// writes that end into the audit trail, once per grant, so the history reads complete.</summary>
public sealed class RecordExpiredGrantsJob(CoopolDbContext db, TimeProvider clock)
{
    public const string RecurringId = "roles:record-expired-grants";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = await db.RoleGrants.AsNoTracking()
            .Where(g => g.RevokedAt == null && g.ExpiresAt != null && g.ExpiresAt <= now)
            .Where(g => !db.RoleGrantEvents.Any(e => e.GrantId == g.Id && e.Kind == RoleGrantEventKind.Expired))
            .Take(1000)
            .ToListAsync(ct);
        db.RoleGrantEvents.AddRange(expired.Select(g => RoleGrantEvent.Of(g, RoleGrantEventKind.Expired, null, g.ExpiresAt!.Value)));
        await db.SaveChangesAsync(ct);
        return expired.Count;
    }
}
