using Coopol.Data;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.People;

/// <summary>What a feature does when two records of one person become one: its rows move from the record that goes
/// to the record that stays. Each feature with rows about people registers one.</summary>
public interface IPersonMergeStep
{
    Task MergeAsync(Guid from, Guid into, CancellationToken ct);
}

/// <summary>Merges one record of a person into another, in the caller's transaction, then deletes the first.</summary>
public sealed class PersonMerge(CoopolDbContext db, IEnumerable<IPersonMergeStep> steps)
{
    public async Task MergeAsync(Guid from, Guid into, CancellationToken ct)
    {
        foreach (var step in steps) await step.MergeAsync(from, into, ct);
        await db.People.Where(p => p.Id == from).ExecuteDeleteAsync(ct);
    }
}

/// <summary>The People feature's own rows: consents (see <see cref="ConsentService.MergeAsync"/>), access log,
/// invitations, linked records.</summary>
public sealed class PeopleMergeStep(CoopolDbContext db, ConsentService consents) : IPersonMergeStep
{
    public async Task MergeAsync(Guid from, Guid into, CancellationToken ct)
    {
        await consents.MergeAsync(from, into, ct);
        await db.Set<AccessLogEntry>().Where(e => e.SubjectId == from).ExecuteUpdateAsync(u => u.SetProperty(e => e.SubjectId, into), ct);
        await db.Set<AccessLogEntry>().Where(e => e.ActorId == from).ExecuteUpdateAsync(u => u.SetProperty(e => e.ActorId, into), ct);
        await db.Set<SectionInvitation>().Where(i => i.RecordId == from && i.AnsweredAt == null).ExecuteDeleteAsync(ct);
        await db.People.Where(p => p.LinkedToId == from).ExecuteUpdateAsync(u => u.SetProperty(p => p.LinkedToId, into), ct);
    }
}
