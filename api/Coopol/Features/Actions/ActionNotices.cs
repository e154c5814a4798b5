using Coopol.Data;
using Coopol.Features.Elections;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Actions;

/// <summary>Writes the notices an action's participants get (cancellation, a freed place, reminders) and visitors'
/// confirmation links into the outbox (<see cref="OutboxMessage"/>), once each by key, by email when the person agreed to
/// hear about actions by email, else by SMS when they agreed to that; <see cref="SendNoticesJob"/> sends them. A notice is
/// held, not queued, during electoral silence or without the person's consent to hear about actions.</summary>
public sealed class ActionNotices(CoopolDbContext db, ConsentService consents, PeopleAccess persons, ElectoralSilence silence,
    IBackgroundJobClient jobs)
{
    public async Task CancellationAsync(FieldAction action, DateTime now, CancellationToken ct)
    {
        var people = await db.Set<ActionParticipant>().AsNoTracking()
            .Where(p => p.ActionId == action.Id && p.Status != ParticipationStatus.Left).Select(p => p.PersonId).ToListAsync(ct);
        // A cancellation is not campaigning: it is not held by the silence, only by a missing consent.
        await WriteAsync(action, people, NoticeKind.Cancelled, $"Annulé / Cancelled: {action.Title}", p => $"cancelled:{action.Id:N}:{p:N}",
            null, now, ct);
    }

    public async Task PlaceFreedAsync(FieldAction action, Guid personId, DateTime now, CancellationToken ct)
    {
        var held = await silence.AtAsync(action.FederationCode, action.CommuneCode, now, ct);
        await WriteAsync(action, [personId], NoticeKind.PlaceFreed, $"Une place pour vous / A place for you: {action.Title}",
            p => $"place:{action.Id:N}:{p:N}:{now.Ticks}", held is null ? null : $"Electoral silence: {held.Name}", now, ct);
    }

    /// <summary>The link a visitor confirms their sign-up with, to the contact they gave (no person exists yet). Not held:
    /// it answers their own request (a contact asked for too often is held, without its link).</summary>
    public async Task ConfirmationAsync(FieldAction action, VisitorSignup signup, string token, DateTime now, CancellationToken ct)
    {
        var email = signup.Email is not null;
        db.Add(new OutboxMessage
        {
            ActionId = action.Id, Channel = email ? ConsentChannel.Email : ConsentChannel.Sms, Address = (signup.Email ?? signup.Phone)!,
            Kind = nameof(NoticeKind.ConfirmSignup), Key = $"confirm:{signup.Id:N}",
            Status = signup.Suppressed ? OutboxStatus.Held : OutboxStatus.Queued,
            Note = signup.Suppressed ? "Too many sign-up requests for this contact within the hour" : null,
            Subject = Short($"Confirmez votre inscription / Confirm your sign-up: {action.Title}"),
            Body = signup.Suppressed ? null : $"/actions/confirm?token={token}",
            FederationCode = action.FederationCode, CommuneCode = action.CommuneCode,
            TimeZone = email ? null : Messaging.QuietHours.ZoneOf(signup.Phone, action.FederationCode), NextAttemptAt = now, CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        SendSoon();
    }

    /// <summary>Reminders for one action, keyed by its start so that a rescheduled action is reminded again.</summary>
    public async Task<int> RemindersAsync(FieldAction action, DateTime now, CancellationToken ct)
    {
        var people = await db.Set<ActionParticipant>().AsNoTracking()
            .Where(p => p.ActionId == action.Id && p.Status == ParticipationStatus.Confirmed).Select(p => p.PersonId).ToListAsync(ct);
        var held = await silence.AtAsync(action.FederationCode, action.CommuneCode, now, ct);
        return await WriteAsync(action, people, NoticeKind.Reminder, $"Rappel / Reminder: {action.Title}",
            p => $"reminder:{action.Id:N}:{p:N}:{action.StartsAt.Ticks}", held is null ? null : $"Electoral silence: {held.Name}", now, ct);
    }

    private async Task<int> WriteAsync(FieldAction action, List<Guid> people, NoticeKind kind, string subject, Func<Guid, string> keyOf,
        string? heldReason, DateTime now, CancellationToken ct)
    {
        if (people.Count == 0) return 0;
        // A record a section made of someone known elsewhere answers to that person's own withdrawal too.
        var primaries = await persons.PrimariesOfAsync(people, ct);
        var byEmail = await consents.StillConsentingAsync(people, primaries, ConsentPurpose.Actions, ConsentChannel.Email, ct);
        var bySms = await consents.StillConsentingAsync(people, primaries, ConsentPurpose.Actions, ConsentChannel.Sms, ct);
        bool Consents(Guid p, ConsentChannel channel) => (channel == ConsentChannel.Email ? byEmail : bySms).Contains(p);
        // Their contacts, read as those who run the action read them: joining was agreeing to be told about it.
        var contacts = await persons.ParticipantsForOrganizersAsync(people, ct);
        var path = $"/actions/{Common.GlobalId.Encode(ActionService.NodeType, action.Id)}";
        var notices = people.Where(contacts.ContainsKey).Select(p =>
        {
            var person = contacts[p];
            var mobile = MobilePhone.ToE164(person.Phone);
            var (channel, address) = person.Email is not null && Consents(p, ConsentChannel.Email) ? (ConsentChannel.Email, person.Email)
                : mobile is not null && Consents(p, ConsentChannel.Sms) ? (ConsentChannel.Sms, mobile)
                : (person.Email is not null ? ConsentChannel.Email : ConsentChannel.Sms, person.Email ?? mobile ?? "");
            var consented = address.Length > 0 && Consents(p, channel);
            var reason = heldReason ?? (consented ? null : "No consent to be told about actions");
            return new OutboxMessage
            {
                ActionId = action.Id, PersonId = p, Channel = channel, Address = address, Kind = kind.ToString(), Key = keyOf(p),
                Subject = Short(subject), Body = path, Status = reason is null ? OutboxStatus.Queued : OutboxStatus.Held, Note = reason,
                FirstName = person.FirstName, SectionId = person.SectionId, FederationCode = action.FederationCode, CommuneCode = action.CommuneCode,
                TimeZone = channel == ConsentChannel.Sms ? Messaging.QuietHours.ZoneOf(address, action.FederationCode) : null,
                NextAttemptAt = now, CreatedAt = now,
            };
        }).ToList();
        var keys = notices.Select(n => n.Key).ToList();
        var existing = (await db.Set<OutboxMessage>().AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet();
        var fresh = notices.Where(n => !existing.Contains(n.Key)).ToList();
        db.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        if (fresh.Any(n => n.Status == OutboxStatus.Queued)) SendSoon();
        return fresh.Count;
    }

    /// <summary>The notices of an action, for those who run the action (what was sent, what waits, and what was held);
    /// visitors' confirmation links are theirs alone.</summary>
    public Task<List<OutboxMessage>> OfActionAsync(Guid actionId, int limit, CancellationToken ct) =>
        db.Set<OutboxMessage>().AsNoTracking().Where(n => n.ActionId == actionId && n.Kind != nameof(NoticeKind.ConfirmSignup))
            .OrderByDescending(n => n.Id).Take(limit).ToListAsync(ct);

    /// <summary>A confirmation link used (or expired) is wiped from its notice.</summary>
    public Task ForgetLinkAsync(Guid signupId, CancellationToken ct)
    {
        var key = $"confirm:{signupId:N}";
        return db.Set<OutboxMessage>().Where(n => n.Key == key).ExecuteUpdateAsync(u => u.SetProperty(n => n.Body, (string?)null), ct);
    }

    /// <summary>The latest notices of every action, newest first: what they sent or would send. For the national team
    /// (MANAGE_PEOPLE nationally), outside production, so that a demo or a test can follow a confirmation link.</summary>
    public Task<List<OutboxMessage>> OutboxAsync(int limit, CancellationToken ct) =>
        db.Set<OutboxMessage>().AsNoTracking().Where(n => n.ActionId != null).OrderByDescending(n => n.Id).Take(limit).ToListAsync(ct);

    /// <summary>Sent within seconds (the recurring job would within the minute). A few seconds later, not at once: the
    /// notice is written inside the caller's transaction, which Hangfire's own connection does not see until it commits.</summary>
    private void SendSoon() => jobs.Schedule<SendNoticesJob>(j => j.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(5));

    private static string Short(string text) => text.Length > 300 ? text[..300] : text;
}

/// <summary>Every hour: reminders to the confirmed participants of published actions that start within a day. A system
/// job (it acts for no one): it reads participants only to write their notices, once each by key, so a retry or a second
/// run adds nothing.</summary>
public sealed class ActionRemindersJob(CoopolDbContext db, ActionNotices notices, TimeProvider clock)
{
    public const string RecurringId = "actions:reminders";
    public static readonly TimeSpan Ahead = TimeSpan.FromHours(24);

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Ahead;
        var actions = await db.Set<FieldAction>().AsNoTracking()
            .Where(a => a.Status == ActionStatus.Published && a.StartsAt > now && a.StartsAt <= until)
            .OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToListAsync(ct);
        var written = 0;
        foreach (var action in actions) written += await notices.RemindersAsync(action, now, ct);
        return written;
    }
}

/// <summary>Every hour: published actions over for a day become done. They leave the partial index that "near me" scans
/// (which holds published actions only), and count as held in reviews either way.</summary>
public sealed class CloseEndedActionsJob(CoopolDbContext db, TimeProvider clock)
{
    public const string RecurringId = "actions:close-ended";
    public static readonly TimeSpan After = TimeSpan.FromDays(1);

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - After;
        return await db.Set<FieldAction>().Where(a => a.Status == ActionStatus.Published && a.EndsAt < before)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, ActionStatus.Done), ct);
    }
}


/// <summary>Every hour: sign-ups never confirmed are deleted two days after their link expired, with their notices (a name
/// and contact someone typed, perhaps not theirs, are not kept); links already used were wiped when used.</summary>
public sealed class PurgeVisitorSignupsJob(CoopolDbContext db, TimeProvider clock)
{
    public const string RecurringId = "actions:purge-visitor-signups";
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(2);

    [AutomaticRetry(Attempts = 3)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var before = clock.GetUtcNow().UtcDateTime - KeptAfterExpiry;
        var stale = await db.Set<VisitorSignup>().Where(v => v.ConfirmedAt == null && v.ExpiresAt < before).Select(v => v.Id).Take(5000).ToListAsync(ct);
        var keys = stale.Select(id => $"confirm:{id:N}").ToList();
        await db.Set<OutboxMessage>().Where(n => keys.Contains(n.Key)).ExecuteDeleteAsync(ct);
        return await db.Set<VisitorSignup>().Where(v => stale.Contains(v.Id)).ExecuteDeleteAsync(ct);
    }
}
