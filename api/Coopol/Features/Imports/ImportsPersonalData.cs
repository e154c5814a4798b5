using Coopol.Data;
using Coopol.Features.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Imports;

/// <summary>Open-data imports and uploads a person made: the reports stay (public data's history) without their name.</summary>
public sealed class ImportsPersonalData(CoopolDbContext db) : IPersonalDataStep
{
    public IReadOnlyList<PersonalTable> Tables =>
    [
        new(typeof(ImportReport), "the open-data imports they ran", "kept without their name"),
        new(typeof(ImportUpload), "files they uploaded and not yet read (names and dates, not the files)", "deleted"),
    ];

    public async Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        await archive.AddAsync("imports", db.Set<ImportReport>().Where(r => r.StartedById != null && ids.Contains(r.StartedById.Value)), ct);
        await archive.AddAsync("uploads", db.Set<ImportUpload>().Where(u => ids.Contains(u.UploadedById)), ct, nameof(ImportUpload.Content));
    }

    public async Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct)
    {
        var ids = subject.RecordIds;
        tally.Add("ImportUploads", await db.Set<ImportUpload>().Where(u => ids.Contains(u.UploadedById)).ExecuteDeleteAsync(ct));
        tally.Add("ImportReports", await db.Set<ImportReport>().Where(r => r.StartedById != null && ids.Contains(r.StartedById.Value))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.StartedById, (Guid?)null), ct));
    }
}
