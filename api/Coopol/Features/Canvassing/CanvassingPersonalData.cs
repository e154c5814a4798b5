using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Canvassing;

/// <summary>Door reports a person made or that name them as the contact met, and the turf shares they hold. Erasing keeps
/// every report's outcome for the counts, linked to no one, and deletes what a report says about them (note, answers).</summary>
public sealed class CanvassingPersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(DoorReport), "the door reports they made, and those about them", "kept for the counts, linked to no one; note and answers about them deleted"),
        new(typeof(TurfShare), "the turf shares they hold", "released (kept without their name)"),
    ];

    public async Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        // What a report says of the household met is theirs, not the reporter's.
        await archive.AddAsync("door-reports-made", db.Set<DoorReport>().Where(r => r.ReporterId != null && ids.Contains(r.ReporterId.Value)), ct,
            nameof(DoorReport.Note), nameof(DoorReport.Answers), nameof(DoorReport.ContactId));
        await archive.AddAsync("door-reports-about", db.Set<DoorReport>().Where(r => r.ContactId != null && ids.Contains(r.ContactId.Value)), ct);
        await archive.AddAsync("turf-shares", db.Set<TurfShare>().Where(s => s.CheckedOutById != null && ids.Contains(s.CheckedOutById.Value)), ct);
    }

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        tally.Add("DoorReports", await db.Set<DoorReport>().Where(r => r.ContactId != null && ids.Contains(r.ContactId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ContactId, (Guid?)null).SetProperty(r => r.Note, (string?)null)
                .SetProperty(r => r.Answers, new List<DoorAnswer>()), ct));
        tally.Add("DoorReports", await db.Set<DoorReport>().Where(r => r.ReporterId != null && ids.Contains(r.ReporterId.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReporterId, (Guid?)null), ct));
        tally.Add("TurfShares", await db.Set<TurfShare>().Where(s => s.CheckedOutById != null && ids.Contains(s.CheckedOutById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.CheckedOutById, (Guid?)null), ct));
    }
}
