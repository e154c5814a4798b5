using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Imports;
using Coopol.Data;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Membership;

/// <summary>One run of a membership file.</summary>
/// <param name="Mapping">Null: the scope's saved mapping, completed from the header's names (the command line's default).</param>
/// <param name="Rights">Whoever runs it, to know which roles they may grant; null from the command line, which may grant all.</param>
public sealed record MembershipImportRequest(TreeNode Scope, string Path, string FileName, IReadOnlyDictionary<MembershipField, string>? Mapping,
    bool DryRun, bool SkipInvalidRows, Guid? DryRunId, Guid? UploadId, Guid? StartedById, Guid? JobRunId, Rights? Rights);

/// <summary>Runs a membership file against the database: reads what the scope holds, plans (see
/// <see cref="MembershipPlanner"/>), and for an apply writes the plan in one transaction, or nothing. A report is kept
/// either way.</summary>
public sealed class MembershipImporter(CoopolDbContext db, RoleService roles, Privacy.ErasedIdentifiers erased, TimeProvider clock, ILogger<MembershipImporter> logger)
{
    public static string ScopeCode(TreeNode node) => node.Level == TreeLevel.National ? "FR" : node.FederationCode!;

    public async Task<MembershipImport> RunAsync(MembershipImportRequest request, Action<long, long>? progress, Func<CancellationToken, Task>? beforeCommit,
        CancellationToken ct)
    {
        var scope = ScopeCode(request.Scope);
        var saved = await db.Set<MembershipMapping>().AsNoTracking().FirstOrDefaultAsync(m => m.Scope == scope, ct);
        var report = new MembershipImport
        {
            Scope = scope, FileName = request.FileName.Length > 200 ? request.FileName[^200..] : request.FileName,
            FileBytes = new FileInfo(request.Path).Length, DryRun = request.DryRun, SkipInvalidRows = request.SkipInvalidRows,
            DryRunId = request.DryRunId, UploadId = request.UploadId, StartedById = request.StartedById, JobRunId = request.JobRunId,
            StartedAt = clock.GetUtcNow().UtcDateTime,
        };
        try
        {
            using var file = MembershipFile.Open(request.Path);
            report.Encoding = file.Encoding;
            var mapping = request.Mapping ?? MembershipColumns.Suggest(file.Header, saved?.Columns);
            foreach (var (field, column) in mapping) report.Mapping[field] = column;

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // One import at a time, whatever its scope (a national file and a federation's share people): the second reads
            // what the first wrote.
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext('membership-import'))", ct);
            var national = request.Scope.Level == TreeLevel.National;
            var sections = await db.Sections.AsNoTracking().Where(s => national || s.FederationCode == request.Scope.FederationCode)
                .Select(s => new ScopeSection(s.Id, s.Name, s.FederationCode)).ToListAsync(ct);
            var parsed = MembershipPlanner.Read(file, mapping, sections, progress, ct);
            var state = await ReadStateAsync(request, scope, sections, parsed.Emails, ct);
            var plan = MembershipPlanner.Plan(parsed, state);
            Report(report, plan);
            if (request.DryRun)
            {
                report.Status = MembershipImportStatus.DryRun;
                await transaction.RollbackAsync(ct);
            }
            else if (await RefusalAsync(request, plan, ct) is { } refusal)
            {
                report.Status = MembershipImportStatus.Refused;
                report.Problems.Insert(0, refusal);
                await transaction.RollbackAsync(ct);
            }
            else
            {
                await WriteAsync(plan, report.Id, request.StartedById, state.Now, ct);
                // A dry run serves one apply.
                if (request.DryRunId is { } used)
                    await db.Set<MembershipImport>().Where(i => i.Id == used).ExecuteUpdateAsync(u => u.SetProperty(i => i.UsedAt, state.Now), ct);
                await SaveMappingAsync(scope, mapping, request.StartedById, state.Now, ct);
                if (beforeCommit is not null) await beforeCommit(ct);
                await transaction.CommitAsync(ct);
                report.Status = MembershipImportStatus.Applied;
            }
        }
        catch (ImportException e)
        {
            report.Status = MembershipImportStatus.Refused;
            report.Problems = [new MembershipProblem((int?)e.Line, e.Column, "FILE_UNREADABLE", e.Problem)];
            report.ProblemCount = 1;
        }
        catch (CoopolException e)
        {
            // A right lost before the commit (RIGHT_REVOKED): nothing was written.
            report.Status = MembershipImportStatus.Refused;
            report.Problems = [new MembershipProblem(null, null, e.Code, e.Message)];
            report.ProblemCount = 1;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Membership import {ImportId} failed", report.Id);
            report.Status = MembershipImportStatus.Failed;
            report.Problems = [new MembershipProblem(null, null, "INTERNAL_ERROR", "The import failed on our side; it has been logged. Nothing of the file was applied.")];
            report.ProblemCount = 1;
        }
        report.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.ChangeTracker.Clear();
        db.Add(report);
        await db.SaveChangesAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        return report;
    }

    private static void Report(MembershipImport report, MembershipPlan plan)
    {
        report.Rows = plan.Rows;
        report.Problems = plan.Problems;
        report.ProblemCount = plan.ProblemCount;
        report.ProblemLines = [.. plan.ProblemLines];
        report.Changes = plan.Changes;
        report.Counts = plan.Counts;
    }

    /// <summary>Why an apply does not go ahead: problems remain and skipping them was not asked, a problem of the whole
    /// file (which no skipping removes), or the rows to skip are not exactly those its dry run listed.</summary>
    private async Task<MembershipProblem?> RefusalAsync(MembershipImportRequest request, MembershipPlan plan, CancellationToken ct)
    {
        if (request.DryRunId is { } dryRunId)
        {
            // What the operator read must still be what happens: the same changes, or a new dry run.
            var dry = await db.Set<MembershipImport>().AsNoTracking().Where(i => i.Id == dryRunId).Select(i => new { i.Counts, i.UsedAt }).FirstOrDefaultAsync(ct);
            if (dry is null || dry.UsedAt is not null)
                return new MembershipProblem(null, null, "DRY_RUN_USED", "This dry run was applied already: run a dry run again.");
            if (System.Text.Json.JsonSerializer.Serialize(dry.Counts) != System.Text.Json.JsonSerializer.Serialize(plan.Counts))
                return new MembershipProblem(null, null, "REPORT_OUTDATED",
                    "What this file would change is no longer what the dry run said (the data changed since): run a dry run again.");
        }
        if (plan.ProblemCount == 0) return null;
        if (plan.Problems.Any(p => p.Line is null or 1))
            return new MembershipProblem(null, null, "FILE_PROBLEMS", "The file itself has problems (see below): nothing was applied.");
        if (!request.SkipInvalidRows)
            return new MembershipProblem(null, null, "PROBLEMS_REMAIN",
                $"{plan.ProblemLines.Count} lines have problems: nothing was applied. Correct them, or apply skipping exactly those lines.");
        if (request.DryRunId is { } followed)
        {
            var listed = await db.Set<MembershipImport>().AsNoTracking().Where(i => i.Id == followed).Select(i => i.ProblemLines).FirstOrDefaultAsync(ct);
            if (listed is null || !listed.SequenceEqual(plan.ProblemLines))
                return new MembershipProblem(null, null, "REPORT_OUTDATED",
                    "The lines with problems are no longer those the dry run listed (the data changed since): run a dry run again.");
        }
        return null;
    }

    private async Task<MembershipState> ReadStateAsync(MembershipImportRequest request, string scope, List<ScopeSection> sections,
        IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        var national = request.Scope.Level == TreeLevel.National;
        var federation = request.Scope.FederationCode;
        var now = clock.GetUtcNow().UtcDateTime;
        var sectionIds = sections.Select(s => s.Id).ToArray();
        var inScope = db.People.AsNoTracking().Where(p => national || sectionIds.Contains(p.SectionId));
        var people = await (from p in inScope
                            join m in db.Set<Membership>() on p.Id equals m.PersonId into ms
                            from m in ms.DefaultIfEmpty()
                            select new KnownPerson(p.Id, p.Kind, p.FirstName, p.LastName, p.Email, p.LinkedToId, p.Phone, p.Address, p.SectionId, m,
                                p.AccountSubject != null || db.RoleGrants.Any(g => g.PersonId == p.Id && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))))
            .ToListAsync(ct);
        var ids = people.Select(p => p.Id).ToArray();
        var numbersElsewhere = national ? [] : (await db.Set<Membership>().AsNoTracking()
            .Where(m => db.People.Any(p => p.Id == m.PersonId && !sectionIds.Contains(p.SectionId))).Select(m => m.Number).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var emailsElsewhere = new Dictionary<string, Guid>();
        if (!national && emails.Count > 0)
        {
            var fileEmails = emails.ToArray();
            emailsElsewhere = await db.People.AsNoTracking()
                .Where(p => p.LinkedToId == null && p.Email != null && fileEmails.Contains(p.Email) && !sectionIds.Contains(p.SectionId))
                .ToDictionaryAsync(p => p.Email!, p => p.Id, ct);
        }
        var grants = await db.RoleGrants.AsNoTracking().Where(RoleGrant.ActiveAt(now))
            .Where(g => (g.Role == Role.SectionSecretary || g.Role == Role.FederationSecretary) && (national || g.FederationCode == federation))
            .ToListAsync(ct);
        var consents = await db.Set<ConsentRecord>()
            .FromSql($"""
                SELECT DISTINCT ON ("PersonId", "Purpose", "Channel") * FROM "ConsentRecords"
                WHERE "PersonId" = ANY({ids}) ORDER BY "PersonId", "Purpose", "Channel", "At" DESC, "Id" DESC
                """).AsNoTracking().ToListAsync(ct);
        var hash = await erased.HasherAsync(ct);
        var erasedHashes = (await db.Set<Privacy.ErasedIdentifier>().AsNoTracking().Select(e => e.Hash).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        return new MembershipState
        {
            Scope = scope, Sections = sections, People = people, NumbersElsewhere = numbersElsewhere, EmailsElsewhere = emailsElsewhere, Grants = grants,
            Consents = consents.ToDictionary(c => (c.PersonId, c.Purpose, c.Channel), c => (c.Granted, c.Method)),
            IsErased = erasedHashes.Count == 0 ? (_, _) => false : (kind, value) => erasedHashes.Contains(hash(kind, value)),
            MayAppoint = request.Rights is { } rights ? rights.MayAppoint : _ => true, ImporterId = request.StartedById, Now = now,
        };
    }

    private async Task WriteAsync(MembershipPlan plan, Guid importId, Guid? actor, DateTime now, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (plan.NewPeople.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("""
                COPY "People" ("Id", "Kind", "FirstName", "LastName", "Email", "LinkedToId", "Phone", "AddressLine1", "AddressLine2",
                  "AddressPostalCode", "AddressCity", "AddressCountry", "SectionId", "Tags", "ProfileVisibility", "CreatedAt", "UpdatedAt")
                FROM STDIN (FORMAT BINARY)
                """, ct);
            foreach (var p in plan.NewPeople)
            {
                await copy.StartRowAsync(ct);
                await WritePersonAsync(copy, p, ct);
                await copy.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await copy.WriteAsync(nameof(ProfileVisibility.Section), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }
            await copy.CompleteAsync(ct);
        }
        if (plan.UpdatedPeople.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TEMP TABLE membership_people ("Id" uuid, "Kind" text, "FirstName" text, "LastName" text, "Email" text, "LinkedToId" uuid,
                  "Phone" text, "AddressLine1" text, "AddressLine2" text, "AddressPostalCode" text, "AddressCity" text, "AddressCountry" text,
                  "SectionId" uuid) ON COMMIT DROP
                """, ct);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY membership_people FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var p in plan.UpdatedPeople)
                {
                    await copy.StartRowAsync(ct);
                    await WritePersonAsync(copy, p, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "People" p SET "Kind" = t."Kind", "FirstName" = t."FirstName", "LastName" = t."LastName", "Email" = t."Email",
                  "LinkedToId" = t."LinkedToId", "Phone" = t."Phone", "AddressLine1" = t."AddressLine1", "AddressLine2" = t."AddressLine2",
                  "AddressPostalCode" = t."AddressPostalCode", "AddressCity" = t."AddressCity", "AddressCountry" = t."AddressCountry",
                  "SectionId" = t."SectionId", "UpdatedAt" = {now}
                FROM membership_people t WHERE p."Id" = t."Id"
                """, ct);
        }
        if (plan.Memberships.Count > 0)
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TEMP TABLE membership_rows ("PersonId" uuid, "Number" text, "Title" text, "Function" text, "JoinedOn" date,
                  "DuesPaid" boolean, "Scope" text) ON COMMIT DROP
                """, ct);
            await using (var copy = await connection.BeginBinaryImportAsync("COPY membership_rows FROM STDIN (FORMAT BINARY)", ct))
            {
                foreach (var m in plan.Memberships)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(m.PersonId, NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(m.Number, NpgsqlDbType.Text, ct);
                    await WriteNullableAsync(copy, m.Title, ct);
                    await WriteNullableAsync(copy, m.Function, ct);
                    if (m.JoinedOn is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date, ct);
                    else await copy.WriteNullAsync(ct);
                    if (m.DuesPaid is { } paid) await copy.WriteAsync(paid, NpgsqlDbType.Boolean, ct);
                    else await copy.WriteNullAsync(ct);
                    await copy.WriteAsync(m.Scope, NpgsqlDbType.Text, ct);
                }
                await copy.CompleteAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Memberships" ("PersonId", "Number", "Title", "Function", "JoinedOn", "DuesPaid", "Scope", "EndedAt")
                SELECT "PersonId", "Number", "Title", "Function", "JoinedOn", "DuesPaid", "Scope", NULL FROM membership_rows
                ON CONFLICT ("PersonId") DO UPDATE SET "Number" = excluded."Number", "Title" = excluded."Title", "Function" = excluded."Function",
                  "JoinedOn" = excluded."JoinedOn", "DuesPaid" = excluded."DuesPaid", "Scope" = excluded."Scope", "EndedAt" = NULL
                """, ct);
        }
        if (plan.FormerMembers.Count > 0)
        {
            var ids = plan.FormerMembers.ToArray();
            await db.People.Where(p => ids.Contains(p.Id)).ExecuteUpdateAsync(u => u.SetProperty(p => p.Kind, PersonKind.FormerMember).SetProperty(p => p.UpdatedAt, now), ct);
            await db.Set<Membership>().Where(m => ids.Contains(m.PersonId)).ExecuteUpdateAsync(u => u.SetProperty(m => m.EndedAt, now), ct);
        }
        if (plan.Consents.Count > 0)
        {
            await using var copy = await connection.BeginBinaryImportAsync("""
                COPY "ConsentRecords" ("PersonId", "Purpose", "Channel", "Granted", "Method", "At", "RecordedById", "WordingVersion") FROM STDIN (FORMAT BINARY)
                """, ct);
            foreach (var c in plan.Consents)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.PersonId, NpgsqlDbType.Uuid, ct);
                await copy.WriteAsync(c.Purpose.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Channel.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Granted, NpgsqlDbType.Boolean, ct);
                await copy.WriteAsync(c.Method.ToString(), NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.At, NpgsqlDbType.TimestampTz, ct);
                if (c.RecordedById is { } by) await copy.WriteAsync(by, NpgsqlDbType.Uuid, ct);
                else await copy.WriteNullAsync(ct);
                await WriteNullableAsync(copy, c.WordingVersion, ct);
            }
            await copy.CompleteAsync(ct);
        }
        db.AddRange(plan.Invitations);
        foreach (var grant in plan.NewGrants)
        {
            var stamped = new RoleGrant
            {
                PersonId = grant.PersonId, Role = grant.Role, Level = grant.Level, FederationCode = grant.FederationCode, SectionId = grant.SectionId,
                Permissions = grant.Permissions, GrantedById = actor, GrantedAt = now, ImportId = importId,
            };
            db.RoleGrants.Add(stamped);
            db.RoleGrantEvents.Add(RoleGrantEvent.Of(stamped, RoleGrantEventKind.Granted, actor, now, importId));
        }
        if (plan.Withdrawn.Count > 0)
        {
            var ids = plan.Withdrawn.Select(g => g.Id).ToArray();
            var locked = await db.RoleGrants.FromSql($"""SELECT * FROM "RoleGrants" WHERE "Id" = ANY({ids}) AND "RevokedAt" IS NULL FOR UPDATE""")
                .AsTracking().ToListAsync(ct);
            foreach (var grant in locked) await roles.RevokeWithDelegationsAsync(grant, actor, now, importId, ct);
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task WritePersonAsync(NpgsqlBinaryImporter copy, Person p, CancellationToken ct)
    {
        await copy.WriteAsync(p.Id, NpgsqlDbType.Uuid, ct);
        await copy.WriteAsync(p.Kind.ToString(), NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.FirstName, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(p.LastName, NpgsqlDbType.Text, ct);
        await WriteNullableAsync(copy, p.Email, ct);
        if (p.LinkedToId is { } linked) await copy.WriteAsync(linked, NpgsqlDbType.Uuid, ct);
        else await copy.WriteNullAsync(ct);
        await WriteNullableAsync(copy, p.Phone, ct);
        await WriteNullableAsync(copy, p.Address?.Line1, ct);
        await WriteNullableAsync(copy, p.Address?.Line2, ct);
        await WriteNullableAsync(copy, p.Address?.PostalCode, ct);
        await WriteNullableAsync(copy, p.Address?.City, ct);
        await WriteNullableAsync(copy, p.Address?.Country, ct);
        await copy.WriteAsync(p.SectionId, NpgsqlDbType.Uuid, ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct)
    {
        if (value is null) await copy.WriteNullAsync(ct);
        else await copy.WriteAsync(value, NpgsqlDbType.Text, ct);
    }

    private async Task SaveMappingAsync(string scope, IReadOnlyDictionary<MembershipField, string> mapping, Guid? actor, DateTime now, CancellationToken ct)
    {
        var saved = await db.Set<MembershipMapping>().AsTracking().FirstOrDefaultAsync(m => m.Scope == scope, ct);
        if (saved is not null && saved.Columns.Count == mapping.Count && mapping.All(m => saved.Columns.GetValueOrDefault(m.Key) == m.Value)) return;
        if (saved is null) db.Add(saved = new MembershipMapping { Scope = scope });
        saved.Columns = mapping.ToDictionary();
        saved.UpdatedById = actor;
        saved.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
    }
}
