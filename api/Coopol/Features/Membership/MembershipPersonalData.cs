using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Membership;

/// <summary>A person's membership, the membership imports they ran, and the reports that name them: erasing deletes the
/// membership and takes their name out of every report (its counts stay).</summary>
public sealed class MembershipPersonalData(CoopolDbContext db, ErasedIdentifiers erased, TimeProvider clock) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(Membership), "their membership (number, function, dates)", "deleted"),
        new(typeof(MembershipImport), "the imports they ran (file, dates, counts; not the names of others) and the lines of reports about them",
            "kept without their name: lines about them read \"former user\", the imports they ran lose their name"),
        new(typeof(MembershipMapping), "none: a column mapping they saved holds nothing of them but their id", "kept without their name"),
        new(typeof(ErasedIdentifier), "none: a keyed hash nobody can read back", "written: the trace that keeps the next file from bringing them back"),
    ];

    public async Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        await archive.AddAsync("membership", db.Set<Membership>().Where(m => ids.Contains(m.PersonId)), ct);
        await archive.AddAsync("membership-imports-run", db.Set<MembershipImport>().Where(i => i.StartedById != null && ids.Contains(i.StartedById.Value)), ct,
            nameof(MembershipImport.Changes), nameof(MembershipImport.Problems), nameof(MembershipImport.ProblemLines));
    }

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds.ToHashSet();
        // The next file that still lists them stops at their line rather than bringing them back.
        var numbers = await db.Set<Membership>().Where(m => ids.Contains(m.PersonId)).Select(m => m.Number).ToListAsync(ct);
        await erased.RememberAsync(numbers.Select(n => ("number", n)).Concat(subject.RecordEmails.Select(e => ("email", e))), clock.GetUtcNow().UtcDateTime, ct);
        tally.Add("Memberships", await db.Set<Membership>().Where(m => ids.Contains(m.PersonId)).ExecuteDeleteAsync(ct));
        // Reports name people by id once applied, and dry runs by the name the file gave (with an id that never existed):
        // both go. Reports are few (the retention job deletes old ones), so each is read.
        var names = subject.Names.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var report in await db.Set<MembershipImport>().AsTracking().ToListAsync(ct))
        {
            if (!report.Changes.Any(c => (c.PersonId is { } p && ids.Contains(p)) || names.Contains(c.Name))) continue;
            report.Changes = report.Changes.Select(c => (c.PersonId is { } p && ids.Contains(p)) || names.Contains(c.Name)
                ? c with { PersonId = null, Name = "former user", Detail = null } : c).ToList();
            tally.Add("MembershipImports", 1);
        }
        await db.SaveChangesAsync(ct);
        tally.Add("MembershipImports", await db.Set<MembershipImport>().Where(i => i.StartedById != null && ids.Contains(i.StartedById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.StartedById, (Guid?)null), ct));
    }
}
