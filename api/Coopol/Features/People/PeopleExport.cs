using System.Globalization;
using System.Text;
using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.JobRuns;
using Coopol.Features.PartyTree;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.People;

/// <summary>A CSV file of people made by an export job, for the person who asked only, deleted after a day.</summary>
[PersonalData("a file of people's contacts")]
public sealed class PeopleExport
{
    public required Guid JobRunId { get; init; }
    public required Guid RequestedById { get; init; }
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public required int Rows { get; init; }
    public required DateTime CreatedAt { get; init; }
    public required DateTime ExpiresAt { get; init; }
}

public sealed class PeopleExportConfiguration : IEntityTypeConfiguration<PeopleExport>
{
    public void Configure(EntityTypeBuilder<PeopleExport> builder)
    {
        builder.ToTable("PeopleExports");
        builder.HasKey(e => e.JobRunId);
        builder.Property(e => e.FileName).HasMaxLength(100);
        builder.HasOne<JobRun>().WithOne().HasForeignKey<PeopleExport>(e => e.JobRunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.RequestedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ExpiresAt);
    }
}

/// <summary>What an export job was asked for (stored with its run).</summary>
public sealed record PeopleExportParameters(string? FederationCode, Guid? SectionId, PersonKind? Kind, string? Tag, string? Search = null);

/// <summary>Starts exports and hands their files to whoever asked for them.</summary>
public sealed class PeopleExportService(CoopolDbContext db, CallerContext caller, JobRunService runs, SectionService sections, TimeProvider clock)
{
    public const string Kind = "people-export";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public async Task<JobRun> StartAsync(ExportPeopleInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        if (input.Tag is { Length: > 50 }) throw InputValidationException.For("tag", "TOO_LONG", "A tag has at most 50 characters.");
        if (input.Search is { Length: > PersonSearch.MaxLength })
            throw InputValidationException.For("search", "TOO_LONG", $"Search with at most {PersonSearch.MaxLength} characters.");
        var node = await sections.ResolveNodeAsync(input.ScopeId, "scopeId", ct);
        const Permission anyOf = Permission.ViewPeople | Permission.ManagePeople;
        if (!rights.Grants.Any(g => (g.Permissions & anyOf) != 0 && g.Covers(node)))
            throw new ForbiddenException("You may not export the people of this part of the party.");
        var parameters = new PeopleExportParameters(node.FederationCode, node.SectionId, input.Kind, input.Tag?.Trim(),
            string.IsNullOrWhiteSpace(input.Search) ? null : input.Search.Trim());
        return await runs.StartAsync<ExportPeopleJob>(Kind, anyOf, node, parameters, id => j => j.RunAsync(id, CancellationToken.None), ct);
    }

    /// <summary>The caller's own export, while they still hold the right it was made with (a revoked right takes the
    /// file away too).</summary>
    public async Task<PeopleExport?> FindMineAsync(Guid runId, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (rights.PersonId is not { } self || await runs.FindAsync(runId, ct) is not { } run || !JobRunner.Allows(rights, run)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<PeopleExport>().AsNoTracking().FirstOrDefaultAsync(e => e.JobRunId == runId && e.RequestedById == self && e.ExpiresAt > now, ct);
    }
}

/// <summary>Writes the CSV of an export, acting for the person who asked: it holds whom they may see in detail
/// now, not when they asked, and each person written is logged as exported by them.</summary>
public sealed class ExportPeopleJob(JobRunner runner, PeopleAccess access, CoopolDbContext db, TimeProvider clock)
{
    private static readonly string[] Header =
        ["kind", "first_name", "last_name", "email", "phone", "address", "postal_code", "city", "country", "section", "tags", "profile_visibility"];

    // A retry could only make the same file again, but a stopped run must stay stopped.
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(Guid runId, CancellationToken ct) => runner.RunAsync(runId, WriteAsync, ct);

    private async Task<JobOutcome> WriteAsync(JobRun run, JobProgress progress, CancellationToken ct)
    {
        var p = JobRunService.ParametersOf<PeopleExportParameters>(run) ?? new PeopleExportParameters(null, null, null, null);
        var sectionNames = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var federationSections = p.FederationCode is null ? null
            : await db.Sections.AsNoTracking().Where(s => s.FederationCode == p.FederationCode).Select(s => s.Id).ToListAsync(ct);
        IQueryable<Person> Narrow(IQueryable<Person> people)
        {
            if (p.SectionId is { } s) people = people.Where(x => x.SectionId == s);
            else if (federationSections is not null) people = people.Where(x => federationSections.Contains(x.SectionId));
            if (p.Kind is { } kind) people = people.Where(x => x.Kind == kind);
            if (p.Tag is { Length: > 0 } tag) people = people.Where(x => x.Tags.Contains(tag));
            if (p.Search is { Length: > 0 } search)
            {
                var (indexed, shortWords) = PersonSearch.Patterns(search);
                foreach (var pattern in indexed.Concat(shortWords)) people = people.Matching(pattern);
            }
            return people;
        }

        using var buffer = new MemoryStream();
        // UTF-8 with a BOM and ';' between fields: what spreadsheet software in France opens as columns.
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(true), leaveOpen: true))
        {
            await writer.WriteLineAsync(string.Join(';', Header));
            var rows = 0;
            await foreach (var person in access.ExportAsync(Narrow, run.Id, ct))
            {
                string[] fields =
                [
                    person.Kind.ToString().ToLowerInvariant(), person.FirstName, person.LastName, person.Email ?? "", person.Phone ?? "",
                    person.Address is { } a ? a.Line1 + (a.Line2 is null ? "" : ", " + a.Line2) : "", person.Address?.PostalCode ?? "",
                    person.Address?.City ?? "", person.Address?.Country ?? "", sectionNames.GetValueOrDefault(person.SectionId, ""),
                    string.Join(", ", person.Tags), person.ProfileVisibility.ToString().ToLowerInvariant(),
                ];
                await writer.WriteLineAsync(string.Join(';', fields.Select(Csv)));
                if (++rows % 500 == 0) await progress.ReportAsync(rows, null, ct);
            }
            await progress.ReportAsync(rows, rows, ct, force: true);
            run.Done = rows;
        }
        // The right may have been revoked while the file was written: then it is not handed over.
        await runner.EnsureStillAllowedAsync(run, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new PeopleExport
        {
            JobRunId = run.Id, RequestedById = run.StartedById, FileName = $"coopol-people-{now:yyyyMMdd-HHmm}.csv", Content = buffer.ToArray(),
            Rows = run.Done, CreatedAt = now, ExpiresAt = now + PeopleExportService.Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return new JobOutcome(string.Create(CultureInfo.InvariantCulture, $"{run.Done} people exported"), $"/exports/{run.Id:N}");
    }

    /// <summary>Quotes a field when needed, and defuses spreadsheet formulas (a cell starting with = + - @).</summary>
    private static string Csv(string value)
    {
        if (value.Length > 0 && (value[0] is '=' or '@' or '\t' or '\r' || (value[0] is '+' or '-' && !value[1..].All(char.IsAsciiDigit))))
            value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}

/// <summary>Deletes export files past their lifetime.</summary>
public sealed class PurgeExportsJob(CoopolDbContext db, TimeProvider clock)
{
    public const string RecurringId = "people:purge-exports";

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.Set<PeopleExport>().Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}
