using Coopol.Data;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Coopol.Features.Privacy;

/// <summary>How long data about people is kept (<c>Retention:*</c>, durations as "d.hh:mm:ss").</summary>
public sealed class RetentionOptions
{
    /// <summary>Canvassing data about people (who was met at a door, notes, answers) after the election the action served.</summary>
    public TimeSpan CanvassingAfterElection { get; set; } = TimeSpan.FromDays(183);
    /// <summary>Supporters with no activity and no renewed consent for this long are erased.</summary>
    public TimeSpan InactiveSupporters { get; set; } = TimeSpan.FromDays(3 * 365);
    /// <summary>Former members are erased this long after the membership file stopped listing them; zero keeps them.</summary>
    public TimeSpan FormerMembers { get; set; } = TimeSpan.FromDays(2 * 365);
    /// <summary>Membership import reports (they name people) are deleted this long after they ran.</summary>
    public TimeSpan ImportReports { get; set; } = TimeSpan.FromDays(183);
    /// <summary>Off by default: the nightly job only reports what it would purge (a dry run) until the party turns this on.</summary>
    public bool Apply { get; set; }
}

/// <summary>One run of the retention policies, dry or applied: counts only (whom it erased is not kept).</summary>
public sealed class RetentionRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required DateTime At { get; init; }
    public required bool DryRun { get; init; }
    public required string Trigger { get; init; }
    /// <summary>Door reports whose data about people is purged (the outcome stays).</summary>
    public int CanvassingReports { get; set; }
    public int InactiveSupporters { get; set; }
    public int FormerMembers { get; set; }
    public int ImportReports { get; set; }
}

public sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("RetentionRuns");
        builder.Property(r => r.Trigger).HasMaxLength(20);
        builder.HasIndex(r => r.At);
    }
}

/// <summary>Applies the retention policies at a given time: what is due is found by SQL over the whole base (a system
/// task, acting for no one), door reports are purged in place and people are erased as an erasure on request would.</summary>
public sealed class RetentionService(CoopolDbContext db, PersonalDataService erasure, IOptions<RetentionOptions> options, ILogger<RetentionService> logger)
{
    /// <summary>The election an action served: the first vote (its silence's end) on or after the action covering its
    /// place; an action before no known vote served none, and is counted from its own end.</summary>
    private const string DueReports = """
        FROM "DoorReports" r JOIN "Actions" a ON a."Id" = r."ActionId"
        WHERE (r."ContactId" IS NOT NULL OR r."Note" IS NOT NULL OR r."Answers" <> '[]'::jsonb)
          AND COALESCE((SELECT min(s."EndsAt") FROM "SilencePeriods" s
                        WHERE s."EndsAt" >= a."StartsAt" AND (s."Scope" = 'FR' OR s."Scope" = a."FederationCode" OR s."Scope" = a."CommuneCode")),
                       a."EndsAt") < {0}
        """;

    public async Task<RetentionRun> RunAsync(DateTime now, bool dryRun, string trigger, CancellationToken ct)
    {
        var o = options.Value;
        var run = new RetentionRun { At = now, DryRun = dryRun, Trigger = trigger };
        var canvassingCutoff = now - o.CanvassingAfterElection;
        var supportersCutoff = now - o.InactiveSupporters;
        var supporters = await db.Database.SqlQueryRaw<Guid>("""
            SELECT p."Id" AS "Value" FROM "People" p
            WHERE p."Kind" = 'Supporter' AND p."LinkedToId" IS NULL AND p."CreatedAt" < {0}
              AND NOT EXISTS (SELECT 1 FROM "People" l WHERE l."LinkedToId" = p."Id" AND l."Kind" <> 'Supporter')
              AND NOT
            """ + " " + ActiveSince, supportersCutoff, now).ToListAsync(ct);
        var formersCutoff = now - o.FormerMembers;
        var formers = o.FormerMembers <= TimeSpan.Zero ? [] : await db.Database.SqlQueryRaw<Guid>("""
            SELECT p."Id" AS "Value" FROM "People" p JOIN "Memberships" m ON m."PersonId" = p."Id"
            WHERE p."Kind" = 'FormerMember' AND p."LinkedToId" IS NULL AND m."EndedAt" < {0}
              AND NOT EXISTS (SELECT 1 FROM "People" l WHERE l."LinkedToId" = p."Id" AND l."Kind" = 'Member')
              AND NOT
            """ + " " + ActiveSince, formersCutoff, now).ToListAsync(ct);
        var reportsCutoff = now - o.ImportReports;
        run.ImportReports = dryRun
            ? await db.Set<Membership.MembershipImport>().CountAsync(i => i.StartedAt < reportsCutoff, ct)
            : await db.Set<Membership.MembershipImport>().Where(i => i.StartedAt < reportsCutoff).ExecuteDeleteAsync(ct);
        run.InactiveSupporters = supporters.Count;
        run.FormerMembers = formers.Count;
        if (dryRun)
            run.CanvassingReports = await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" " + DueReports, canvassingCutoff).SingleAsync(ct);
        else
        {
            run.CanvassingReports = await db.Database.ExecuteSqlRawAsync("""
                UPDATE "DoorReports" SET "ContactId" = NULL, "Note" = NULL, "Answers" = '[]'::jsonb
                WHERE "Id" IN (SELECT r."Id"
                """ + DueReports + ")", [canvassingCutoff], ct);
            foreach (var id in supporters) await erasure.EraseSubjectAsync(id, null, "retention: inactive supporter", ct);
            foreach (var id in formers) await erasure.EraseSubjectAsync(id, null, "retention: former member", ct);
        }
        db.Add(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        logger.LogInformation("Retention {Mode}: {Reports} door reports, {Supporters} inactive supporters, {Formers} former members, {ImportReports} import reports",
            dryRun ? "dry run" : "applied", run.CanvassingReports, run.InactiveSupporters, run.FormerMembers, run.ImportReports);
        return run;
    }

    /// <summary>Whether the person p, or a record a section keeps of them, did anything since {0} (changed, gave a consent,
    /// joined an action, reported a door) or holds a role or delegation at {1}.</summary>
    private const string ActiveSince = """
         EXISTS (SELECT 1 FROM "People" x WHERE (x."Id" = p."Id" OR x."LinkedToId" = p."Id") AND (
             x."UpdatedAt" >= {0}
          OR EXISTS (SELECT 1 FROM "ConsentRecords" c WHERE c."PersonId" = x."Id" AND c."Granted" AND c."At" >= {0})
          OR EXISTS (SELECT 1 FROM "ActionParticipants" a WHERE a."PersonId" = x."Id" AND a."UpdatedAt" >= {0})
          OR EXISTS (SELECT 1 FROM "DoorReports" r WHERE r."ReporterId" = x."Id" AND r."VisitedAt" >= {0})
          OR EXISTS (SELECT 1 FROM "RoleGrants" g WHERE g."PersonId" = x."Id" AND g."RevokedAt" IS NULL AND (g."ExpiresAt" IS NULL OR g."ExpiresAt" > {1}))))
        """;
}

/// <summary>Nightly: a dry run of the retention policies, or (Retention:Apply) their application; either way a report.</summary>
public sealed class RetentionJob(RetentionService retention, IOptions<RetentionOptions> options, TimeProvider clock)
{
    public const string RecurringId = "privacy:retention";

    [AutomaticRetry(Attempts = 2)]
    public Task<RetentionRun> RunAsync(CancellationToken ct) =>
        retention.RunAsync(clock.GetUtcNow().UtcDateTime, dryRun: !options.Value.Apply, "nightly", ct);
}
