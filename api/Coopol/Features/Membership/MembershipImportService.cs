using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Imports;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.Imports;
using Coopol.Features.JobRuns;
using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Membership;

/// <summary>A membership file just uploaded: what the mapping step shows.</summary>
public sealed record MembershipUploadView(Guid UploadId, string FileName, string Encoding, char? Separator, IReadOnlyList<string> Header,
    IReadOnlyList<string[]> Sample, IReadOnlyDictionary<MembershipField, string> Mapping, bool MappingSaved);

public sealed record StartMembershipImportInput(string UploadId, string? ScopeId, IReadOnlyList<MembershipColumnInput> Mapping, bool DryRun,
    string? DryRunId, bool SkipInvalidRows);

public sealed record MembershipColumnInput(MembershipField Field, string Column);

/// <summary>What an import job was asked for (stored with its run).</summary>
public sealed record MembershipImportParameters(Guid UploadId, string FileName, string? FederationCode, Dictionary<MembershipField, string> Mapping,
    bool DryRun, Guid? DryRunId, bool SkipInvalidRows);

/// <summary>The wizard's steps: upload a file, map its columns, run a dry run, apply it; and the reports. A membership
/// file is imported for a federation or the whole party by who manages its people there (MANAGE_PEOPLE).</summary>
public sealed class MembershipImportService(CoopolDbContext db, CallerContext caller, SectionService sections, JobRunService runs, TimeProvider clock)
{
    public const string NodeType = "MembershipImport";
    public const string UploadNodeType = "MembershipUpload";
    public const string JobKind = "membership-import";
    public const int SampleRows = 3;
    /// <summary>A whole country's membership file is about 20 MB as CSV.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public static readonly KeysetOrder<MembershipImport> Order = KeysetOrder<MembershipImport>.DescendingBy("imports",
        KeysetOrder<MembershipImport>.Key(i => i.StartedAt), KeysetOrder<MembershipImport>.Key(i => i.Id));

    public async Task<(Rights Rights, TreeNode Node)> RequireImporterAsync(string? scopeId, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        var node = await sections.ResolveNodeAsync(scopeId, "scopeId", ct);
        if (node.Level == TreeLevel.Section)
            throw InputValidationException.For("scopeId", "WRONG_SCOPE_LEVEL", "A membership file is imported for a federation or the whole party.");
        if (!rights.Can(Permission.ManagePeople, node))
            throw new ForbiddenException("Importing a membership file needs the right to manage the people there (MANAGE_PEOPLE).");
        return (rights, node);
    }

    public async Task<MembershipUploadView> UploadAsync(string? scopeId, string fileName, Stream body, long? length, CancellationToken ct)
    {
        var (rights, node) = await RequireImporterAsync(scopeId, ct);
        var name = ImportUploads.SafeFileName(fileName);
        var content = await ImportUploads.ReadAsync(body, length, MaxUploadBytes, () => new MembershipFileTooLargeException(), ct);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, content, ct);
            using var file = MembershipFile.Open(path);
            var sample = file.Rows(ct).Take(SampleRows).Select(r => r.Cells).ToList();
            var scope = MembershipImporter.ScopeCode(node);
            var saved = await db.Set<MembershipMapping>().AsNoTracking().FirstOrDefaultAsync(m => m.Scope == scope, ct);
            var upload = new ImportUpload { FileName = name, Content = content, UploadedById = rights.RequirePerson(), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Add(upload);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            var mapping = MembershipColumns.Suggest(file.Header, saved?.Columns);
            return new MembershipUploadView(upload.Id, name, file.Encoding, file.Separator, file.Header, sample, mapping,
                saved is not null && saved.Columns.All(c => mapping.GetValueOrDefault(c.Key) == c.Value));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Starts a dry run, or an apply (which names the dry run it follows), as a job acting for the caller.</summary>
    public async Task<JobRun> StartAsync(StartMembershipImportInput input, CancellationToken ct)
    {
        var (rights, node) = await RequireImporterAsync(input.ScopeId, ct);
        var self = rights.RequirePerson();
        var uploadId = GlobalId.ParseGuid(input.UploadId, UploadNodeType, "uploadId");
        var upload = await db.Set<ImportUpload>().AsNoTracking().Where(u => u.Id == uploadId && u.UploadedById == self)
            .Select(u => new { u.Id, u.FileName }).FirstOrDefaultAsync(ct) ?? throw new MembershipUploadNotFoundException();
        var mapping = new Dictionary<MembershipField, string>();
        foreach (var column in input.Mapping)
        {
            if (column.Column.Length is 0 or > 200) throw InputValidationException.For("mapping", "INVALID", "Name each column by its header (at most 200 characters).");
            if (!mapping.TryAdd(column.Field, column.Column))
                throw InputValidationException.For("mapping", "DUPLICATE_FIELD", $"{column.Field} is mapped twice.");
        }
        foreach (var field in MembershipColumns.Required)
            if (!mapping.ContainsKey(field))
                throw InputValidationException.For("mapping", "MISSING_FIELD", $"Map a column to {MembershipPlanner.FieldName(field)}: every file needs it.");
        Guid? dryRunId = null;
        if (!input.DryRun)
        {
            // Dry run first: an apply follows the report its operator read, of the same file and mapping.
            dryRunId = input.DryRunId is null ? null : GlobalId.TryDecodeGuid(input.DryRunId, NodeType);
            var dryRun = dryRunId is null ? null : await db.Set<MembershipImport>().AsNoTracking()
                .FirstOrDefaultAsync(i => i.Id == dryRunId && i.StartedById == self && i.Status == MembershipImportStatus.DryRun, ct);
            if (dryRun is null || dryRun.UploadId != uploadId || dryRun.Scope != MembershipImporter.ScopeCode(node))
                throw InputValidationException.For("dryRunId", "DRY_RUN_REQUIRED", "Apply follows a dry run of the same file: run one and read its report first.");
            if (dryRun.UsedAt is not null)
                throw InputValidationException.For("dryRunId", "DRY_RUN_USED", "This dry run was applied already: run a dry run again.");
            if (dryRun.Mapping.Count != mapping.Count || mapping.Any(m => dryRun.Mapping.GetValueOrDefault(m.Key) != m.Value))
                throw InputValidationException.For("mapping", "MAPPING_CHANGED", "The mapping differs from the dry run's: run a dry run with this mapping first.");
        }
        var parameters = new MembershipImportParameters(upload.Id, upload.FileName, node.FederationCode, mapping, input.DryRun, dryRunId, input.SkipInvalidRows);
        return await runs.StartAsync<MembershipImportJob>(JobKind, Permission.ManagePeople, node, parameters, id => j => j.RunAsync(id, CancellationToken.None), ct);
    }

    private async Task<IQueryable<MembershipImport>> VisibleAsync(CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (rights.PersonId is null) return db.Set<MembershipImport>().Where(_ => false);
        if (rights.Can(Permission.ManagePeople, TreeNode.National)) return db.Set<MembershipImport>().AsNoTracking();
        var federations = rights.Grants.Where(g => g.Level == TreeLevel.Federation && g.Permissions.HasFlag(Permission.ManagePeople))
            .Select(g => g.FederationCode!).Distinct().ToArray();
        return db.Set<MembershipImport>().AsNoTracking().Where(i => federations.Contains(i.Scope));
    }

    public async Task<Page<MembershipImport>> OfScopeAsync(string? scopeId, PageRequest page, CancellationToken ct)
    {
        var (_, node) = await RequireImporterAsync(scopeId, ct);
        var scope = MembershipImporter.ScopeCode(node);
        return await (await VisibleAsync(ct)).Where(i => i.Scope == scope).ToPageAsync(Order, page, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, MembershipImport>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await (await VisibleAsync(ct)).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);

    public async Task<MembershipImport?> OfRunAsync(Guid runId, CancellationToken ct) =>
        await runs.FindAsync(runId, ct) is null ? null : await (await VisibleAsync(ct)).FirstOrDefaultAsync(i => i.JobRunId == runId, ct);
}

public sealed class MembershipFileTooLargeException()
    : CoopolException("IMPORT_TOO_LARGE", $"Membership files up to {MembershipImportService.MaxUploadBytes / 1024 / 1024} MB are uploaded; import larger ones with scripts/coopol import members.");

public sealed class MembershipUploadNotFoundException()
    : CoopolException("UPLOAD_NOT_FOUND", "This upload is not there (uploads are kept a day, for whoever made them): upload the file again.");
