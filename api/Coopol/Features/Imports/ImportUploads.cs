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
        var name = SafeFileName(fileName);
        var content = await ReadAsync(body, length, ImportsFeature.MaxUploadBytes, () => new ImportTooLargeException(), ct);
        var upload = new ImportUpload { FileName = name, Content = content, UploadedById = rights.RequirePerson(), CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return await runs.StartAsync<ImportJob>("import", ImportService.Needed, TreeNode.National,
            new ImportParameters(upload.Id, importer.Kind, name, options, dryRun), id => j => j.RunAsync(id, CancellationToken.None), ct);
    }

    /// <summary>The uploaded name without its folders, refused with control or invisible formatting characters (direction marks among them) or over 200 characters.</summary>
    public static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        if (name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format))
            throw InputValidationException.For("fileName", "INVALID", "A file name has no control or direction characters.");
        if (name.Length is 0 or > 200) throw InputValidationException.For("fileName", "INVALID", "Give the file's name (at most 200 characters).");
        return name;
    }

    /// <summary>An upload's bytes, stopped as soon as they pass <paramref name="max"/>; an empty file is refused.</summary>
    public static async Task<byte[]> ReadAsync(Stream body, long? length, long max, Func<CoopolException> tooLarge, CancellationToken ct)
    {
        if (length > max) throw tooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max) throw tooLarge();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) throw ImportException.File("the file is empty");
        return buffer.ToArray();
    }
}

public sealed class ImportTooLargeException()
    : CoopolException("IMPORT_TOO_LARGE", $"Files up to {ImportsFeature.MaxUploadBytes / 1024 / 1024} MB can be uploaded; import larger ones with scripts/coopol import.");
