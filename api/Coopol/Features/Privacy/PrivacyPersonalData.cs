using Coopol.Data;

namespace Coopol.Features.Privacy;

/// <summary>The erasure records an organizer ran: in their download; their name leaves the record when they are erased.</summary>
public sealed class PrivacyPersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
        [new(typeof(ErasureRecord), "the erasures the person ran as an organizer (when, counts)", "unlinked from the organizer (the record stays)")];

    public Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct) =>
        archive.AddAsync("erasures-run", db.Set<ErasureRecord>().Where(e => e.ActorId != null && subject.RecordIds.Contains(e.ActorId.Value)), ct);

    public Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct) => Task.CompletedTask; // ActorId: ON DELETE SET NULL
}
