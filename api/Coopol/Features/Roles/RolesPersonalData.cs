using Coopol.Access;
using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Roles;

/// <summary>The roles and delegations a person holds and their audit trail. Erasing revokes what they hold (with what was
/// delegated from it), deletes their grants, and keeps the audit's lines without their name.</summary>
public sealed class RolesPersonalData(CoopolDbContext db, RoleService roles, TimeProvider clock) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(RoleGrant), "the roles and delegations they held", "revoked with what was delegated from them, then deleted"),
        new(typeof(RoleGrantEvent), "the audit lines of their roles", "kept without their name (grantee and actor)"),
    ];

    public async Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        await archive.AddAsync("roles", db.RoleGrants.Where(g => ids.Contains(g.PersonId)), ct);
        await archive.AddAsync("roles-audit", db.RoleGrantEvents.Where(e => ids.Contains(e.GranteeId)), ct);
    }

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds.ToArray();
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.RoleGrants.FromSql($"""SELECT * FROM "RoleGrants" WHERE "PersonId" = ANY({ids}) AND "RevokedAt" IS NULL FOR UPDATE""")
            .AsTracking().ToListAsync(ct);
        foreach (var grant in held) await roles.RevokeWithDelegationsAsync(grant, null, now, null, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        // Delegations carved from their grants stay (revoked) but no longer point at grants that go.
        var theirs = db.RoleGrants.Where(g => ids.Contains(g.PersonId)).Select(g => g.Id);
        await db.RoleGrants.Where(g => g.ParentGrantId != null && theirs.Contains(g.ParentGrantId.Value) && !ids.Contains(g.PersonId))
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ParentGrantId, (Guid?)null), ct);
        tally.Add("RoleGrants", await db.RoleGrants.Where(g => ids.Contains(g.PersonId)).ExecuteDeleteAsync(ct));
        tally.Add("RoleGrantEvents", await db.RoleGrantEvents.Where(e => ids.Contains(e.GranteeId)).ExecuteUpdateAsync(u => u.SetProperty(e => e.GranteeId, Guid.Empty), ct));
        tally.Add("RoleGrantEvents", await db.RoleGrantEvents.Where(e => e.ActorId != null && ids.Contains(e.ActorId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorId, (Guid?)null), ct));
    }
}
