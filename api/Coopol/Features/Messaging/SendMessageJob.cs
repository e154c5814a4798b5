using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.JobRuns;
using Coopol.Features.People;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Messaging;

/// <summary>Sends a message as its author: the run reads the author's rights afresh (revoked: the message stops with
/// that reason), queues the recipients into the outbox once (who the segment matches now, with consent for the
/// channel and a usable contact; one row per address), then sends what is due. What must wait (quiet hours, a retry)
/// is sent by a further run scheduled for then.</summary>
public sealed class SendMessageJob(JobRunner runner, CoopolDbContext db, SegmentService segments, MessageService messages,
    OutboxDispatcher dispatcher, JobRunService runs, Elections.ElectoralSilence silence, TimeProvider clock)
{
    public const string Kind = "message-send";

    public sealed record Parameters(Guid MessageId);

    // A retry of the same run would find it finished; crashes are recovered by the next run (see OutboxDispatcher).
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid runId, CancellationToken ct)
    {
        await runner.RunAsync(runId, SendAsync, ct);
        // The run stopped before or while sending (RIGHT_REVOKED...): the message says so.
        var run = await db.Set<JobRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, CancellationToken.None);
        if (run is { Status: JobRunStatus.Stopped or JobRunStatus.Failed } && JobRunService.ParametersOf<Parameters>(run) is { } p)
            await db.Set<Message>().Where(m => m.Id == p.MessageId && (m.Status == MessageStatus.Scheduled || m.Status == MessageStatus.Sending))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Stopped).SetProperty(m => m.StopCode, run.StopCode)
                    .SetProperty(m => m.StopReason, run.StopReason).SetProperty(m => m.FinishedAt, run.FinishedAt), CancellationToken.None);
    }

    private async Task<JobOutcome> SendAsync(JobRun run, JobProgress progress, CancellationToken ct)
    {
        var messageId = JobRunService.ParametersOf<Parameters>(run)!.MessageId;
        var message = await db.Set<Message>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is null || message.Status is MessageStatus.Cancelled or MessageStatus.Stopped) return new JobOutcome("Nothing to send.");
        // A run before the planned time (a test send's) sends only what is due: the tests.
        if (message.Status == MessageStatus.Scheduled && message.ScheduledAt <= Now())
        {
            if (message.Campaign && await messages.SilenceOverNodeAsync(message.Node, Now(), ct) is { } period)
                throw new Elections.ElectoralSilenceInEffectException(period);
            // Only if still scheduled: a cancellation that came first wins.
            if (await db.Set<Message>().Where(m => m.Id == message.Id && m.Status == MessageStatus.Scheduled)
                    .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Sending), ct) == 0)
                return new JobOutcome("Cancelled before its time.");
            message.Status = MessageStatus.Sending;
        }
        if (message.Status == MessageStatus.Sending && message.SendStartedAt is null)
            message = await QueueRecipientsAsync(message, ct);

        var (ran, next) = await dispatcher.DispatchAsync(message, done => progress.ReportAsync(done, message.Queued, ct),
            async () =>
            {
                // Before each batch: the author still holds the right, and nobody stopped the message meanwhile.
                await runner.EnsureStillAllowedAsync(run, ct);
                var status = await db.Set<Message>().AsNoTracking().Where(m => m.Id == message.Id).Select(m => m.Status).SingleAsync(ct);
                return status is not (MessageStatus.Cancelled or MessageStatus.Stopped);
            }, ct);
        if (!ran) return new JobOutcome("Already being sent by another run.");
        if (next is { } due)
        {
            await runs.StartAsync<SendMessageJob>(Kind, Permission.SendMessages, message.Node, new Parameters(message.Id),
                id => j => j.RunAsync(id, CancellationToken.None), ct, due);
            return new JobOutcome($"Sent what was due; the rest at {due:yyyy-MM-dd HH:mm} UTC.");
        }
        if (message.Status == MessageStatus.Sending)
            await db.Set<Message>().Where(m => m.Id == message.Id && m.Status == MessageStatus.Sending)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Sent).SetProperty(m => m.FinishedAt, Now()), ct);
        return new JobOutcome($"{message.Queued} recipients processed.");
    }

    /// <summary>Writes one outbox row per recipient address, in one transaction with the message's counts, so a crash
    /// leaves either all of them or none (the next run queues them then).</summary>
    private async Task<Message> QueueRecipientsAsync(Message message, CancellationToken ct)
    {
        var now = Now();
        var matching = await segments.MatchingAsync(message.Node, message.SegmentDefinition, message.Area, ct);
        var matched = await matching.CountAsync(ct);
        // Addresses found unusable are left out in the query (that table only grows: it is never read whole).
        var unusable = db.Set<UnusableContact>().AsNoTracking();
        var consenting = await segments.Reachable(matching, message.Channel, message.Purpose)
            .Where(p => !unusable.Any(u => u.Address == (message.Channel == ConsentChannel.Email ? p.Email : p.Phone)))
            .Select(p => new { p.Id, p.FirstName, p.Email, p.Phone, p.SectionId, p.Location })
            .ToListAsync(ct);
        var consentingCount = await segments.Consenting(matching, message.Channel, message.Purpose).CountAsync(ct);
        var federationOf = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.FederationCode, ct);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<(Guid Person, string Address, string FirstName, Guid Section, string Federation, string Zone, string? Commune)>();
        var communes = await CommunesAsync(consenting.Select(p => p.Location).ToList(), now, ct);
        // Consenting but without an email, or a mobile number, or one found unusable.
        var withoutContact = consentingCount - consenting.Count;
        var duplicates = 0;
        foreach (var (p, i) in consenting.Select((p, i) => (p, i)))
        {
            var address = message.Channel == ConsentChannel.Email ? p.Email : MobilePhone.ToE164(p.Phone);
            if (address is null) { withoutContact++; continue; }
            if (!seen.Add(address)) { duplicates++; continue; }
            var federation = federationOf[p.SectionId];
            rows.Add((p.Id, address, p.FirstName, p.SectionId, federation,
                message.Channel == ConsentChannel.Sms ? QuietHours.ZoneOf(address, federation) : QuietHours.DefaultZone, communes?[i]));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Taken again under a lock: two runs started together queue once.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"queue:" + message.Id}))", ct);
        var fresh = await db.Set<Message>().AsNoTracking().SingleAsync(m => m.Id == message.Id, ct);
        if (fresh.SendStartedAt is not null) return fresh;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY "Outbox" ("MessageId", "PersonId", "Channel", "Address", "Key", "Status", "Attempts", "NextAttemptAt", "FirstName", "SectionId",
                           "FederationCode", "CommuneCode", "TimeZone", "IsTest", "CreatedAt") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var r in rows)
            {
                await writer.StartRowAsync(ct);
                await writer.WriteAsync(message.Id, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(r.Person, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(message.Channel.ToString(), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(r.Address, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync($"message:{message.Id:N}:{r.Address}", NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(nameof(OutboxStatus.Queued), NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(0, NpgsqlDbType.Integer, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
                await writer.WriteAsync(r.FirstName, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(r.Section, NpgsqlDbType.Uuid, ct);
                await writer.WriteAsync(r.Federation, NpgsqlDbType.Varchar, ct);
                if (r.Commune is null) await writer.WriteNullAsync(ct);
                else await writer.WriteAsync(r.Commune, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(r.Zone, NpgsqlDbType.Varchar, ct);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }
            await writer.CompleteAsync(ct);
        }
        await db.Set<Message>().Where(m => m.Id == message.Id).ExecuteUpdateAsync(u => u
            .SetProperty(m => m.SendStartedAt, now).SetProperty(m => m.Matched, matched)
            .SetProperty(m => m.WithoutConsent, matched - consentingCount).SetProperty(m => m.WithoutContact, withoutContact)
            .SetProperty(m => m.Duplicates, duplicates).SetProperty(m => m.Queued, rows.Count), ct);
        await transaction.CommitAsync(ct);
        return await db.Set<Message>().AsNoTracking().SingleAsync(m => m.Id == message.Id, ct);
    }

    /// <summary>The commune each recipient lives in (from their location), when a commune's own silence (a by-election)
    /// is set from now on: it holds that commune's rows only. Null when no such silence exists (nothing to look up).</summary>
    private async Task<string?[]?> CommunesAsync(List<NetTopologySuite.Geometries.Point?> locations, DateTime now, CancellationToken ct)
    {
        var upcoming = await silence.OverlappingAsync(now, now.AddDays(120), ct);
        if (!upcoming.Any(s => s.Scope.Length == 5)) return null;
        var found = new string?[locations.Count];
        var located = locations.Select((l, i) => (l, i)).Where(x => x.l is not null).ToList();
        if (located.Count == 0) return found;
        await using var command = await db.CommandAsync("""
            SELECT p.i, c."Code" FROM unnest(@xs, @ys, @is) AS p(x, y, i)
            JOIN "Communes" c ON c."Boundary" && ST_SetSRID(ST_MakePoint(p.x, p.y), 4326) AND ST_Covers(c."Boundary", ST_SetSRID(ST_MakePoint(p.x, p.y), 4326))
            """, ct);
        command.Parameters.AddWithValue("xs", located.Select(x => x.l!.X).ToArray());
        command.Parameters.AddWithValue("ys", located.Select(x => x.l!.Y).ToArray());
        command.Parameters.AddWithValue("is", located.Select(x => x.i).ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found[reader.GetInt32(0)] = reader.GetString(1);
        return found;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
