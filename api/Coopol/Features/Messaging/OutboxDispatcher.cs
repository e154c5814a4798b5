using Coopol.Data;
using Coopol.Features.Elections;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Messaging;

/// <summary>Sends a message's queued outbox rows, a batch at a time. Never twice:
/// <list type="bullet">
/// <item>one dispatcher per message at a time (a PostgreSQL advisory lock, released if the process dies);</item>
/// <item>a row is marked Sending before it is handed to the provider, and its answer recorded right after; rows found
/// Sending when a dispatcher starts were cut short by a crash: an SMS is looked up at Twilio (sent: recorded; not
/// found: sent again), a mail handed to SMTP is not resent but reported as interrupted;</item>
/// <item>consent, unusable addresses, electoral silence and quiet hours are checked for each batch right before it
/// leaves, so a withdrawal recorded while a batch runs stops the sends that remain.</item>
/// </list></summary>
public sealed partial class OutboxDispatcher(CoopolDbContext db, ConsentService consents, PeopleAccess people, ElectoralSilence silence,
    IEmailSender email, ISmsSender sms, UnsubscribeLinks links, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Rows taken at once: many when nothing leaves (the local outbox), a few waves of the provider's parallel sends
    /// otherwise, so that consent checked at the start of a batch is never older than a fraction of a second.</summary>
    public int BatchSize(Message message)
    {
        var (local, parallelism) = message.Channel == ConsentChannel.Email ? (email.IsLocal, email.Parallelism) : (sms.IsLocal, sms.Parallelism);
        return local ? 500 : Math.Max(20, parallelism * 4);
    }
    public const int MaxAttempts = 6;

    public sealed class Claimed
    {
        public long Id { get; init; }
        public Guid? PersonId { get; init; }
        public required string Address { get; init; }
        public string? FirstName { get; init; }
        public Guid? SectionId { get; init; }
        public string? FederationCode { get; init; }
        public string? CommuneCode { get; init; }
        public string? TimeZone { get; init; }
        public int Attempts { get; init; }
        public bool IsTest { get; init; }
        public DateTime? ClaimedAt { get; init; }
        public ConsentChannel Channel { get; init; }
        /// <summary>A notice's kind, subject and body (<see cref="OutboxMessage.Kind"/>).</summary>
        public string? Kind { get; init; }
        public string? Subject { get; init; }
        public string? Body { get; init; }
    }

    /// <summary>What became of a row.</summary>
    private sealed record Outcome(long Id, OutboxStatus Status, string? ProviderId = null, string? Note = null, string? Code = null,
        DateTime? NextAttemptAt = null, bool AddressUnusable = false);

    /// <summary>Sends what is due now; returns false when another dispatcher holds the message, else when the next
    /// queued row is due (null: nothing left).</summary>
    public async Task<(bool Ran, DateTime? NextDue)> DispatchAsync(Message message, Func<int, Task> progress, Func<Task<bool>> stillGoing,
        CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var key = BitConverter.ToInt64(message.Id.ToByteArray(), 8);
            if (!await ScalarAsync<bool>("SELECT pg_try_advisory_lock(@k)", ct, ("k", key))) return (false, null);
            try
            {
                var sections = await db.Sections.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
                var template = message.Channel == ConsentChannel.Email ? await NewsletterAsync(message, ct) : null;
                await RecoverAsync(db.Set<OutboxMessage>().Where(o => o.MessageId == message.Id),
                    row => MessageRules.Fill(message.Body, row.FirstName, row.SectionId is { } s ? sections.GetValueOrDefault(s) : null), ct);
                var done = 0;
                for (var batch = 0; ; batch++)
                {
                    ct.ThrowIfCancellationRequested();
                    // The author's right is read again before each batch: revoked, the rest is not sent.
                    if (!await stillGoing()) return (true, null);
                    var claimed = await ClaimAsync(message.Id, BatchSize(message), ct);
                    if (claimed.Count == 0) break;
                    var outcomes = await ProcessAsync(message, template, sections, claimed, ct);
                    await RecordAsync(claimed, outcomes, ct);
                    done += claimed.Count;
                    await progress(done);
                }
                var next = await db.Set<OutboxMessage>().AsNoTracking()
                    .Where(o => o.MessageId == message.Id && o.Status == OutboxStatus.Queued).MinAsync(o => (DateTime?)o.NextAttemptAt, ct);
                return (true, next);
            }
            finally
            {
                await ScalarAsync<bool>("SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", key));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<Newsletter> NewsletterAsync(Message message, CancellationToken ct)
    {
        var template = message.SectionId is { } id ? await db.Set<SectionMailTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.SectionId == id, ct) : null;
        var senderName = template?.SenderName ?? await DefaultSenderNameAsync(message, ct);
        return new Newsletter(message.Subject ?? "", message.Body, senderName, template?.Footer ?? "");
    }

    private async Task<string> DefaultSenderNameAsync(Message message, CancellationToken ct) => message.Level switch
    {
        Access.TreeLevel.Section => await db.Sections.AsNoTracking().Where(s => s.Id == message.SectionId).Select(s => s.Name).FirstAsync(ct),
        Access.TreeLevel.Federation => await db.Set<PartyTree.Federation>().AsNoTracking().Where(f => f.Code == message.FederationCode)
            .Select(f => f.Name).FirstAsync(ct),
        _ => "Coopol",
    };

    /// <summary>Rows left Sending by a dispatcher that died (this one holds the lock, so no other is sending them): an SMS
    /// is looked up at the provider by its text; a mail handed to SMTP cannot be, so it is reported, not sent again.</summary>
    private async Task RecoverAsync(IQueryable<OutboxMessage> rows, Func<OutboxMessage, string> smsText, CancellationToken ct)
    {
        var stuck = await rows.AsNoTracking().Where(o => o.Status == OutboxStatus.Sending).ToListAsync(ct);
        if (stuck.Count == 0) return;
        var outcomes = new List<Outcome>();
        foreach (var row in stuck)
        {
            if (row.Channel == ConsentChannel.Sms)
            {
                var sid = await sms.FindSentAsync(row.Address, smsText(row), row.ClaimedAt ?? row.CreatedAt, ct);
                outcomes.Add(sid is null
                    ? new Outcome(row.Id, OutboxStatus.Queued, NextAttemptAt: Now())
                    : new Outcome(row.Id, OutboxStatus.Sent, sid, "Found at the provider after an interruption"));
            }
            else if (email.IsLocal)
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Queued, NextAttemptAt: Now()));
            else
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Failed, Note: "Interrupted while being sent: it may have left; not sent again.",
                    Code: "INTERRUPTED"));
        }
        await WriteAsync(outcomes, Now(), ct);
        logger.LogWarning("{Count} outbox rows recovered after an interrupted send", stuck.Count);
    }

    /// <summary>Marks the next due rows of a message (or, with none, the notices) Sending, in the order of the outbox
    /// index (MessageId, Status, NextAttemptAt, Id), so no sort of what remains.</summary>
    private async Task<List<Claimed>> ClaimAsync(Guid? messageId, int size, CancellationToken ct)
    {
        await using var command = await db.CommandAsync($"""
            UPDATE "Outbox" o SET "Status" = 'Sending', "ClaimedAt" = @now, "Attempts" = o."Attempts" + 1
            WHERE o."Id" IN (SELECT "Id" FROM "Outbox" WHERE {(messageId is null ? "\"MessageId\" IS NULL" : "\"MessageId\" = @m")}
                               AND "Status" = 'Queued' AND "NextAttemptAt" <= @now
                             ORDER BY "NextAttemptAt", "Id" LIMIT @n FOR UPDATE SKIP LOCKED)
            RETURNING o."Id", o."PersonId", o."Address", o."FirstName", o."SectionId", o."FederationCode", o."CommuneCode", o."TimeZone",
                      o."Attempts", o."IsTest", o."ClaimedAt", o."Channel", o."Kind", o."Subject", o."Body"
            """, ct);
        command.Parameters.AddWithValue("now", Now());
        if (messageId is { } m) command.Parameters.AddWithValue("m", m);
        command.Parameters.AddWithValue("n", size);
        var rows = new List<Claimed>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (await reader.ReadAsync(ct))
            rows.Add(new Claimed
            {
                Id = reader.GetInt64(0), PersonId = reader.IsDBNull(1) ? null : reader.GetGuid(1), Address = reader.GetString(2), FirstName = Text(3),
                SectionId = reader.IsDBNull(4) ? null : reader.GetGuid(4), FederationCode = Text(5), CommuneCode = Text(6), TimeZone = Text(7),
                Attempts = reader.GetInt32(8), IsTest = reader.GetBoolean(9), ClaimedAt = reader.GetDateTime(10),
                Channel = Enum.Parse<ConsentChannel>(reader.GetString(11)), Kind = Text(12), Subject = Text(13), Body = Text(14),
            });
        return rows.OrderBy(r => r.Id).ToList();
    }

    private async Task<List<Outcome>> ProcessAsync(Message message, Newsletter? template, Dictionary<Guid, string> sections, List<Claimed> claimed,
        CancellationToken ct)
    {
        var now = Now();
        var personIds = claimed.Where(c => !c.IsTest && c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct().ToList();
        var primaries = await people.PrimariesOfAsync(personIds, ct);
        var consenting = await consents.StillConsentingAsync(personIds, primaries, message.Purpose, message.Channel, ct);
        var addresses = claimed.Select(c => c.Address).ToList();
        var unusable = (await db.Set<UnusableContact>().AsNoTracking().Where(u => addresses.Contains(u.Address)).Select(u => u.Address).ToListAsync(ct))
            .ToHashSet();
        var silences = message.Campaign ? await silence.OverlappingAsync(now, now.AddSeconds(1), ct) : [];

        var outcomes = new List<Outcome>();
        var toSend = new List<Claimed>();
        foreach (var row in claimed)
        {
            if (!row.IsTest && (row.PersonId is not { } p || !consenting.Contains(p)))
                outcomes.Add(new Outcome(row.Id, OutboxStatus.OptedOut, Note: "Consent withdrawn before sending", Code: "NO_CONSENT"));
            else if (unusable.Contains(row.Address))
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Failed, Note: "This address was found unusable", Code: "UNUSABLE_CONTACT"));
            else if (silences.FirstOrDefault(s => row.FederationCode is not null && s.Covers(row.FederationCode, row.CommuneCode)) is { } period)
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Held, Note: $"Electoral silence: {period.Name}", Code: "ELECTORAL_SILENCE"));
            else if (message.Channel == ConsentChannel.Sms && !message.IgnoreQuietHours
                     && QuietHours.NextAllowed(now, row.TimeZone ?? QuietHours.DefaultZone) is var allowed && allowed > now)
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Queued, Note: "Quiet hours: sent from 8:00 the recipient's time", Code: "QUIET_HOURS",
                    NextAttemptAt: allowed));
            else toSend.Add(row);
        }

        // Links are made before the parallel sends: the key is read once, on this scope's one connection.
        var unsubscribe = new Dictionary<long, (string OneClick, string Page)>();
        if (message.Channel == ConsentChannel.Email)
            foreach (var row in toSend) unsubscribe[row.Id] = await links.UrlsAsync(row.Id, ct);
        var parallelism = message.Channel == ConsentChannel.Email ? email.Parallelism : sms.Parallelism;
        outcomes.AddRange(await HandOverAsync(toSend, parallelism, (row, token) =>
        {
            var section = row.SectionId is { } s ? sections.GetValueOrDefault(s) : null;
            return message.Channel == ConsentChannel.Email
                ? SendEmailAsync(template!, row, section, unsubscribe[row.Id], token)
                : sms.SendAsync(new OutgoingSms(row.Id, row.Address, MessageRules.Fill(message.Body, row.FirstName, section), row.SectionId), token);
        }, ct));
        return outcomes;
    }

    /// <summary>Hands rows to their provider, a few at once; an unexpected error is logged (by row id) and retried later.</summary>
    private async Task<List<Outcome>> HandOverAsync(List<Claimed> rows, int parallelism, Func<Claimed, CancellationToken, Task<SendResult>> send,
        CancellationToken ct)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Outcome>();
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (row, token) =>
        {
            SendResult result;
            try
            {
                result = await send(row, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox row {OutboxId} could not be handed to the provider", row.Id);
                result = new SendResult.Retry(TimeSpan.FromMinutes(1), "INTERNAL_ERROR", "An error on our side; it will be tried again.");
            }
            outcomes.Add(OutcomeOf(row, result, Now()));
        });
        return [.. outcomes];
    }

    private async Task<SendResult> SendEmailAsync(Newsletter template, Claimed row, string? section, (string OneClick, string Page) links,
        CancellationToken ct)
    {
        var (oneClick, page) = links;
        var (subject, html, text) = template.For(row.FirstName, section, page);
        return await email.SendAsync(new OutgoingEmail(row.Id, row.Address, template.SenderName, subject, html, text, oneClick), ct);
    }

    private static Outcome OutcomeOf(Claimed row, SendResult result, DateTime now) => result switch
    {
        SendResult.Accepted a => new Outcome(row.Id, OutboxStatus.Sent, a.ProviderId),
        SendResult.Retry r when row.Attempts >= MaxAttempts => new Outcome(row.Id, OutboxStatus.Failed, Note: $"Gave up after {row.Attempts} tries: {r.Note}", Code: r.Code),
        // Exponential backoff, at least what the provider asked for (Retry-After).
        SendResult.Retry r => new Outcome(row.Id, OutboxStatus.Queued, Note: r.Note, Code: r.Code,
            NextAttemptAt: now + TimeSpan.FromTicks(Math.Max(r.After.Ticks, TimeSpan.FromSeconds(15 * Math.Pow(2, row.Attempts - 1)).Ticks))),
        SendResult.Unusable u => new Outcome(row.Id, OutboxStatus.Failed, Note: u.Note, Code: u.Code, AddressUnusable: true),
        SendResult.OptedOut o => new Outcome(row.Id, OutboxStatus.OptedOut, Note: o.Note, Code: o.Code),
        SendResult.Failed f => new Outcome(row.Id, OutboxStatus.Failed, Note: f.Note, Code: f.Code),
        _ => throw new InvalidOperationException(),
    };

    private async Task RecordAsync(List<Claimed> claimed, List<Outcome> outcomes, CancellationToken ct)
    {
        var now = Now();
        await WriteAsync(outcomes, now, ct);
        var byId = claimed.ToDictionary(c => c.Id);
        var unusable = outcomes.Where(o => o.AddressUnusable).Select(o => (byId[o.Id].Address, byId[o.Id].Channel)).Distinct().ToList();
        foreach (var (address, channel) in unusable)
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "UnusableContacts" ("Address", "Channel", "Reason", "At") VALUES ({address}, {channel.ToString()}, {"Refused by the provider"}, {now})
                ON CONFLICT ("Address") DO UPDATE SET "Reason" = EXCLUDED."Reason", "At" = EXCLUDED."At"
                """, ct);
        // Twilio's 21610: the person replied STOP to the sender before: that is their withdrawal.
        var optedOut = outcomes.Where(o => o.Code == "TWILIO_21610").Select(o => byId[o.Id].PersonId).OfType<Guid>().ToList();
        if (optedOut.Count > 0) await consents.WithdrawAsync(optedOut, Enum.GetValues<ConsentPurpose>(), ConsentChannel.Sms, ConsentMethod.SmsReply, ct);
    }

    private async Task WriteAsync(List<Outcome> outcomes, DateTime now, CancellationToken ct)
    {
        if (outcomes.Count == 0) return;
        await using var command = await db.CommandAsync("""
            UPDATE "Outbox" o SET "Status" = r.status, "ProviderId" = coalesce(r.provider, o."ProviderId"), "Note" = r.note, "ErrorCode" = r.code,
                   "NextAttemptAt" = coalesce(r.next, o."NextAttemptAt"),
                   "SentAt" = CASE WHEN r.status = 'Sent' THEN @now ELSE o."SentAt" END
            FROM unnest(@ids, @statuses, @providers, @notes, @codes, @nexts) AS r(id, status, provider, note, code, next)
            WHERE o."Id" = r.id
            """, ct);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { Value = outcomes.Select(o => o.Id).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("statuses", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = outcomes.Select(o => o.Status.ToString()).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("providers", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = outcomes.Select(o => (object?)o.ProviderId ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("notes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = outcomes.Select(o => (object?)o.Note ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("codes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = outcomes.Select(o => (object?)o.Code ?? DBNull.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("nexts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = outcomes.Select(o => (object?)o.NextAttemptAt ?? DBNull.Value).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var command = await db.CommandAsync(sql, ct);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
