using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Imports;
using Coopol.Data;
using Coopol.Features.JobRuns;

namespace Coopol.Features.Imports;

/// <summary>Takes an uploaded file and starts its import job, acting for the uploader.</summary>
public sealed class ImportUploads(CoopolDbContext db, ImportService imports, JobRunService runs, TimeProvider clock)
{
    public async Task<JobRun> StartAsync(string kind, string fileName, Stream body, long? length, Dictionary<string, string> options, bool dryRun, CancellationToken ct)
    {
        var rights = await imports.RequireImportRightAsync(ct);
        var importer = imports.Find(kind);
        ImportService.CheckOptions(importer, options);
        if (length > ImportsFeature.MaxUploadBytes) throw new ImportTooLargeException();
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (name.Any(c => char.IsControl(c) || c is '\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069'))
            throw InputValidationException.For("fileName", "INVALID", "A file name has no control or direction characters.");
        if (name.Length is 0 or > 200) throw InputValidationException.For("fileName", "INVALID", "Give the file's name (at most 200 characters).");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > ImportsFeature.MaxUploadBytes) throw new ImportTooLargeException();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw ImportException.File("the file is empty");
        var upload = new ImportUpload { FileName = name, Content = buffer.ToArray(), UploadedById = rights.RequirePerson(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await runs.StartAsync<ImportJob>("import", ImportService.Needed, TreeNode.National,
            new ImportParameters(upload.Id, importer.Kind, name, options, dryRun), id => j => j.RunAsync(id, CancellationToken.None), ct);
    }
}

public sealed class ImportTooLargeException()
    : CoopolException("IMPORT_TOO_LARGE", $"Files up to {ImportsFeature.MaxUploadBytes / 1024 / 1024} MB can be uploaded; import larger ones with scripts/coopol import.");
