using Coopol.Data;
using Coopol.Features.Elections;
using Coopol.Features.People;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Actions;

/// <summary>Writes the notices an action's participants get (cancellation, a freed place, reminders) into
/// <see cref="ActionNotice"/>, once each: until the messaging outbox lands, that table is what would be sent. A notice is
/// held, not queued, during electoral silence or without the person's consent to hear about actions.</summary>
public sealed class ActionNotices(CoopolDbContext db, ConsentService consents, PeopleAccess persons, ElectoralSilence silence)
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
    /// it answers their own request.</summary>
    public Task ConfirmationAsync(FieldAction action, VisitorSignup signup, string token, DateTime now, CancellationToken ct)
    {
        db.Add(new ActionNotice
        {
            ActionId = action.Id, Recipient = signup.Email ?? signup.Phone, Kind = NoticeKind.ConfirmSignup,
            Status = signup.Suppressed ? NoticeStatus.Held : NoticeStatus.Queued,
            HeldReason = signup.Suppressed ? "Too many sign-up requests for this contact within the hour" : null,
            Key = $"confirm:{signup.Id:N}", Subject = $"Confirmez votre inscription / Confirm your sign-up: {action.Title}",
            Body = signup.Suppressed ? null : $"/actions/confirm?token={token}", CreatedAt = now,
        });
        return db.SaveChangesAsync(ct);
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
        var current = await consents.CurrentAsync(people.Concat(primaries.Values).Distinct().ToList(), ct);
        bool Withdrawn(Guid p) => primaries.TryGetValue(p, out var primary)
            && current[primary].Any(c => c.Purpose == ConsentPurpose.Actions && !c.Granted && c.At is not null);
        var notices = people.Select(p =>
        {
            var consented = current[p].Any(c => c.Purpose == ConsentPurpose.Actions && c.Granted) && !Withdrawn(p);
            var reason = heldReason ?? (consented ? null : "No consent to be told about actions");
            return new ActionNotice
            {
                ActionId = action.Id, PersonId = p, Kind = kind, Key = keyOf(p), Subject = subject.Length > 300 ? subject[..300] : subject,
                Status = reason is null ? NoticeStatus.Queued : NoticeStatus.Held, HeldReason = reason, CreatedAt = now,
            };
        }).ToList();
        var keys = notices.Select(n => n.Key).ToList();
        var existing = (await db.Set<ActionNotice>().AsNoTracking().Where(n => keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(ct)).ToHashSet();
        var fresh = notices.Where(n => !existing.Contains(n.Key)).ToList();
        db.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        return fresh.Count;
    }

    /// <summary>The notices of an action, for those who run the action (what would have been sent, and what was held);
    /// visitors' confirmation links are theirs alone.</summary>
    public Task<List<ActionNotice>> OfActionAsync(Guid actionId, int limit, CancellationToken ct) =>
        db.Set<ActionNotice>().AsNoTracking().Where(n => n.ActionId == actionId && n.Kind != NoticeKind.ConfirmSignup)
            .OrderByDescending(n => n.Id).Take(limit).ToListAsync(ct);

    /// <summary>A confirmation link used (or expired) is wiped from its notice.</summary>
    public Task ForgetLinkAsync(Guid signupId, CancellationToken ct)
    {
        var key = $"confirm:{signupId:N}";
        return db.Set<ActionNotice>().Where(n => n.Key == key).ExecuteUpdateAsync(u => u.SetProperty(n => n.Body, (string?)null), ct);
    }

    /// <summary>Everything waiting to be sent, newest first: what a mail or SMS provider would get. For the national team
    /// (MANAGE_PEOPLE nationally) while no provider is configured, so a demo or a test can follow a confirmation link.</summary>
    public Task<List<ActionNotice>> OutboxAsync(int limit, CancellationToken ct) =>
        db.Set<ActionNotice>().AsNoTracking().OrderByDescending(n => n.Id).Take(limit).ToListAsync(ct);
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
        await db.Set<ActionNotice>().Where(n => keys.Contains(n.Key)).ExecuteDeleteAsync(ct);
        return await db.Set<VisitorSignup>().Where(v => stale.Contains(v.Id)).ExecuteDeleteAsync(ct);
    }
}
