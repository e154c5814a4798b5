using System.Net;
using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Coopol.Features.Messaging;

/// <summary>The notices of actions (reminders, cancellations, a freed place, a visitor's confirmation link): rows of the
/// outbox without a message, sent like a message's (marked Sending first, recovered after a crash, consent read again
/// just before they leave), each by its own channel, with a link into the web app.</summary>
public sealed partial class OutboxDispatcher
{
    /// <summary>One dispatcher of notices at a time, whichever process runs it.</summary>
    private const long NoticesLock = 0x4E4F54494345;
    private const int NoticesBatch = 50;

    /// <summary>Sends the notices due now; false when another dispatcher is at it.</summary>
    public async Task<bool> DispatchNoticesAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (!await ScalarAsync<bool>("SELECT pg_try_advisory_lock(@k)", ct, ("k", NoticesLock))) return false;
            try
            {
                await RecoverAsync(db.Set<OutboxMessage>().Where(o => o.MessageId == null), row => SmsText(row.Subject, row.Body, row.Kind), ct);
                while (true)
                {
                    ct.ThrowIfCancellationRequested();
                    var claimed = await ClaimAsync(null, NoticesBatch, ct);
                    if (claimed.Count == 0) break;
                    var outcomes = await ProcessNoticesAsync(claimed, ct);
                    await RecordAsync(claimed, outcomes, ct);
                    // A confirmation link a provider took is its recipient's alone: it is not kept here.
                    var delivered = outcomes.Where(o => o.Status == OutboxStatus.Sent && o.ProviderId != LocalOutbox.ProviderId)
                        .Select(o => o.Id).Intersect(claimed.Where(c => c.Kind == nameof(Actions.NoticeKind.ConfirmSignup)).Select(c => c.Id)).ToList();
                    if (delivered.Count > 0)
                        await db.Set<OutboxMessage>().Where(o => delivered.Contains(o.Id)).ExecuteUpdateAsync(u => u.SetProperty(o => o.Body, (string?)null), ct);
                }
                return true;
            }
            finally
            {
                await ScalarAsync<bool>("SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", NoticesLock));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<Outcome>> ProcessNoticesAsync(List<Claimed> claimed, CancellationToken ct)
    {
        var now = Now();
        var personIds = claimed.Where(c => c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct().ToList();
        var primaries = await people.PrimariesOfAsync(personIds, ct);
        var consenting = new Dictionary<ConsentChannel, IReadOnlySet<Guid>>();
        foreach (var channel in Enum.GetValues<ConsentChannel>())
            consenting[channel] = await consents.StillConsentingAsync(
                claimed.Where(c => c.Channel == channel && c.PersonId is not null).Select(c => c.PersonId!.Value).Distinct().ToList(),
                primaries, ConsentPurpose.Actions, channel, ct);
        var addresses = claimed.Select(c => c.Address).ToList();
        var unusable = (await db.Set<UnusableContact>().AsNoTracking().Where(u => addresses.Contains(u.Address)).Select(u => u.Address).ToListAsync(ct))
            .ToHashSet();
        var silences = await silence.OverlappingAsync(now, now.AddSeconds(1), ct);
        // Where the recipient belongs: a silence over their federation holds a reminder of an action held elsewhere.
        var recipientSections = claimed.Select(c => c.SectionId).OfType<Guid>().Distinct().ToList();
        var federationOf = await db.Sections.AsNoTracking().Where(s => recipientSections.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.FederationCode, ct);
        // A reminder or a freed place waited (quiet hours, a retry): it goes only if the action still runs and the person
        // still holds their place.
        var waitedFor = claimed.Where(c => c.Kind is nameof(Actions.NoticeKind.Reminder) or nameof(Actions.NoticeKind.PlaceFreed) && c.PersonId is not null)
            .Select(c => c.Id).ToHashSet();
        var stillOn = waitedFor.Count == 0 ? new HashSet<long>() : await StillTakingPartAsync(claimed.Where(c => waitedFor.Contains(c.Id)).ToList(), ct);

        var outcomes = new List<Outcome>();
        var toSend = new List<Claimed>();
        foreach (var row in claimed)
        {
            // A visitor's link answers their own request; everything else is told to people who agreed to hear about actions.
            var visitor = row.Kind == nameof(Actions.NoticeKind.ConfirmSignup);
            var campaigning = row.Kind is nameof(Actions.NoticeKind.Reminder) or nameof(Actions.NoticeKind.PlaceFreed);
            if (!visitor && (row.PersonId is not { } p || !consenting[row.Channel].Contains(p)))
                outcomes.Add(new Outcome(row.Id, OutboxStatus.OptedOut, Note: "Consent withdrawn before sending", Code: "NO_CONSENT"));
            else if (unusable.Contains(row.Address))
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Failed, Note: "This address was found unusable", Code: "UNUSABLE_CONTACT"));
            else if (row.Body is null && visitor)
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Failed, Note: "The link was used or expired before it left", Code: "LINK_GONE"));
            else if (waitedFor.Contains(row.Id) && !stillOn.Contains(row.Id))
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Failed, Note: "The action or their place changed before it left", Code: "NO_LONGER_RELEVANT"));
            else if (campaigning && silences.FirstOrDefault(s =>
                         (row.FederationCode is not null && s.Covers(row.FederationCode, row.CommuneCode))
                         || (row.SectionId is { } sid && federationOf.TryGetValue(sid, out var fed) && s.Covers(fed, null))) is { } period)
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Held, Note: $"Electoral silence: {period.Name}", Code: "ELECTORAL_SILENCE"));
            // Quiet hours for every SMS, a sign-up's link too: it lasts 48 hours, and the one who asked for it may not be
            // the one whose phone lights up at night.
            else if (row.Channel == ConsentChannel.Sms
                     && QuietHours.NextAllowed(now, row.TimeZone ?? QuietHours.DefaultZone) is var allowed && allowed > now)
                outcomes.Add(new Outcome(row.Id, OutboxStatus.Queued, Note: "Quiet hours: sent from 8:00 the recipient's time", Code: "QUIET_HOURS",
                    NextAttemptAt: allowed));
            else toSend.Add(row);
        }
        var unsubscribe = new Dictionary<long, string>();
        foreach (var row in toSend.Where(r => r.Channel == ConsentChannel.Email && r.PersonId is not null))
            unsubscribe[row.Id] = (await links.UrlsAsync(row.Id, ct)).OneClick;
        outcomes.AddRange(await HandOverAsync(toSend, Math.Min(email.Parallelism, sms.Parallelism), (row, token) => row.Channel == ConsentChannel.Email
            ? email.SendAsync(NoticeEmail(row, unsubscribe.GetValueOrDefault(row.Id) ?? ""), token)
            : sms.SendAsync(new OutgoingSms(row.Id, row.Address, SmsText(row.Subject, row.Body, row.Kind), row.SectionId), token), ct));
        return outcomes;
    }

    /// <summary>Of these notices, those whose action is still published and whose person still holds a confirmed place.</summary>
    private async Task<HashSet<long>> StillTakingPartAsync(List<Claimed> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        return (await db.Set<OutboxMessage>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Where(o => db.Set<Actions.FieldAction>().Any(a => a.Id == o.ActionId && a.Status == Actions.ActionStatus.Published))
            .Where(o => db.Set<Actions.ActionParticipant>().Any(p => p.ActionId == o.ActionId && p.PersonId == o.PersonId
                && p.Status == Actions.ParticipationStatus.Confirmed))
            .Select(o => o.Id).ToListAsync(ct)).ToHashSet();
    }

    private OutgoingEmail NoticeEmail(Claimed row, string oneClick)
    {
        var link = Link(row.Body);
        var greeting = row.FirstName is { Length: > 0 } first ? $"Bonjour {first},\n\n" : "";
        var text = $"{greeting}{row.Subject}\n\n{link}\n";
        var html = $"""
            <!doctype html><html><head><meta charset="utf-8"></head><body style="font-family:sans-serif;max-width:640px;margin:auto;padding:16px">
            <p>{WebUtility.HtmlEncode(greeting.Trim())}</p><p>{WebUtility.HtmlEncode(row.Subject)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(link)}</a></p>
            {(oneClick.Length > 0 ? $"<p style=\"color:#555;font-size:13px\"><a href=\"{WebUtility.HtmlEncode(oneClick)}\">Se désabonner / Unsubscribe</a></p>" : "")}
            </body></html>
            """;
        return new OutgoingEmail(row.Id, row.Address, "Coopol", row.Subject ?? "", html, text, oneClick);
    }

    /// <summary>The SMS of a notice: its subject and link, and how to stop (a visitor's link is their own request).</summary>
    private string SmsText(string? subject, string? body, string? kind) =>
        $"{subject} {Link(body)}" + (kind == nameof(Actions.NoticeKind.ConfirmSignup) ? "" : " STOP au 36180");

    private string Link(string? path) => path is { Length: > 0 } && path.StartsWith('/') ? links.PublicUrl + path : path ?? "";
}

/// <summary>Sends the notices of actions that are due: enqueued when notices are written, and every minute for those that
/// waited (quiet hours, a retry). A system job: the notices were written under the rules of their action.</summary>
public sealed class SendNoticesJob(OutboxDispatcher dispatcher)
{
    public const string RecurringId = "messaging:notices";

    [Hangfire.AutomaticRetry(Attempts = 0)]
    public Task RunAsync(CancellationToken ct) => dispatcher.DispatchNoticesAsync(ct);
}
