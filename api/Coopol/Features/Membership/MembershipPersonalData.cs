using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Membership;

/// <summary>A person's membership, the membership imports they ran, and the reports that name them: erasing deletes the
/// membership and takes their name out of every report (its counts stay).</summary>
public sealed class MembershipPersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(Membership), "their membership (number, function, dates)", "deleted"),
        new(typeof(MembershipImport), "the imports they ran (file, dates, counts; not the names of others) and the lines of reports about them",
            "kept without their name: lines about them read \"former user\", the imports they ran lose their name"),
        new(typeof(MembershipMapping), "none: a column mapping they saved holds nothing of them but their id", "kept without their name"),
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
        tally.Add("Memberships", await db.Set<Membership>().Where(m => ids.Contains(m.PersonId)).ExecuteDeleteAsync(ct));
        foreach (var id in ids)
        {
            var pattern = "%" + id + "%";
            var reports = await db.Set<MembershipImport>().FromSql($"""SELECT * FROM "MembershipImports" WHERE "Changes"::text LIKE {pattern}""")
                .AsTracking().ToListAsync(ct);
            foreach (var report in reports)
            {
                report.Changes = report.Changes.Select(c => c.PersonId == id ? c with { PersonId = null, Name = "former user", Detail = null } : c).ToList();
                tally.Add("MembershipImports", 1);
            }
        }
        await db.SaveChangesAsync(ct);
        tally.Add("MembershipImports", await db.Set<MembershipImport>().Where(i => i.StartedById != null && ids.Contains(i.StartedById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.StartedById, (Guid?)null), ct));
    }
}
