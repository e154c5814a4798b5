using System.Globalization;
using System.Net;
using System.Text;
using Coopol.Data;
using Coopol.Features.People;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Twilio.Security;

namespace Coopol.Features.Messaging;

/// <summary>What Twilio calls: replies to our SMS (STOP / ARRET / START / HELP, answered in TwiML) and delivery
/// statuses. Each request must carry Twilio's signature for the auth token (X-Twilio-Signature), else 403.</summary>
public sealed class TwilioWebhooks(CoopolDbContext db, PeopleAccess people, ConsentService consents, IOptions<TwilioOptions> options,
    TimeProvider clock)
{
    public const string InboundPath = "/messaging/twilio/inbound";
    private const string RepliedStop = "Replied STOP";
    public const string StatusPath = "/messaging/twilio/status";

    private static readonly string[] StopWords = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "DESABONNER"];
    private static readonly string[] StartWords = ["START", "UNSTOP", "YES"];
    private static readonly string[] HelpWords = ["HELP", "AIDE", "INFO"];

    public const string StopReply = "Vous ne recevrez plus nos SMS. Répondez START pour les recevoir à nouveau. / You will get no more SMS from us. Reply START to receive them again.";
    public const string StartReply = "Vous recevrez à nouveau nos SMS. Répondez STOP pour arrêter. / You will receive our SMS again. Reply STOP to stop.";
    public const string HelpReply = "SMS de votre section (Coopol). Répondez STOP pour ne plus les recevoir. / SMS from your section (Coopol). Reply STOP to stop them.";

    public async Task<IResult> InboundAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await SignedFormAsync(request, InboundPath, ct);
        if (form is null) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var from = MobilePhone.ToE164(form.GetValueOrDefault("From")) ?? form.GetValueOrDefault("From");
        var word = Keyword(form.GetValueOrDefault("Body"));
        if (string.IsNullOrEmpty(from) || word is null) return TwiML(null);
        var records = await people.RecordsWithContactAsync(null, from, ct);
        if (StopWords.Contains(word))
        {
            await consents.WithdrawAsync(records, Enum.GetValues<ConsentPurpose>(), ConsentChannel.Sms, ConsentMethod.SmsReply, ct);
            // The number itself is not texted again, even by a new sign-up someone makes with it, until START.
            var at = clock.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "UnusableContacts" ("Address", "Channel", "Reason", "At") VALUES ({from}, 'Sms', {RepliedStop}, {at})
                ON CONFLICT ("Address") DO NOTHING
                """, ct);
            // Whatever is still queued for this number is not sent (the dispatcher checks consent again, this is sooner).
            await db.Set<OutboxMessage>().Where(o => o.Address == from && o.Channel == ConsentChannel.Sms && o.Status == OutboxStatus.Queued && !o.IsTest)
                .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.OptedOut).SetProperty(o => o.Note, "Replied STOP")
                    .SetProperty(o => o.ErrorCode, "STOP"), ct);
            return TwiML(StopReply);
        }
        if (StartWords.Contains(word))
        {
            await consents.RegrantByReplyAsync(records, ConsentChannel.Sms, ConsentMethod.SmsReply, ct);
            await db.Set<UnusableContact>().Where(u => u.Address == from && u.Reason == RepliedStop).ExecuteDeleteAsync(ct);
            return TwiML(StartReply);
        }
        return HelpWords.Contains(word) ? TwiML(HelpReply) : TwiML(null);
    }

    public async Task<IResult> StatusAsync(HttpRequest request, CancellationToken ct)
    {
        var form = await SignedFormAsync(request, StatusPath, ct);
        if (form is null) return Results.StatusCode(StatusCodes.Status403Forbidden);
        var sid = form.GetValueOrDefault("MessageSid");
        var status = form.GetValueOrDefault("MessageStatus");
        if (string.IsNullOrEmpty(sid) || sid.Length > 64) return Results.NoContent();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = db.Set<OutboxMessage>().Where(o => o.ProviderId == sid && o.Channel == ConsentChannel.Sms);
        switch (status)
        {
            case "delivered":
                await rows.Where(o => o.Status == OutboxStatus.Sent)
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Delivered).SetProperty(o => o.DeliveredAt, now), ct);
                break;
            case "undelivered" or "failed":
                var code = int.TryParse(form.GetValueOrDefault("ErrorCode"), out var c) ? c : 0;
                var note = code switch
                {
                    30007 => "Filtered by the carrier as spam (30007): review the text with your sender registration.",
                    30003 => "The phone was unreachable (30003).",
                    30005 or 30006 => $"Not a reachable mobile ({code}): the number is marked unusable.",
                    _ => $"Not delivered ({(code == 0 ? status : code.ToString(CultureInfo.InvariantCulture))}).",
                };
                await rows.Where(o => o.Status == OutboxStatus.Sent || o.Status == OutboxStatus.Sending)
                    .ExecuteUpdateAsync(u => u.SetProperty(o => o.Status, OutboxStatus.Failed).SetProperty(o => o.Note, note)
                        .SetProperty(o => o.ErrorCode, code == 0 ? "UNDELIVERED" : $"TWILIO_{code}"), ct);
                if (code is 30005 or 30006)
                    foreach (var address in await rows.Select(o => o.Address).Distinct().ToListAsync(ct))
                        await db.Database.ExecuteSqlAsync($"""
                            INSERT INTO "UnusableContacts" ("Address", "Channel", "Reason", "At") VALUES ({address}, 'Sms', {note}, {now})
                            ON CONFLICT ("Address") DO NOTHING
                            """, ct);
                break;
        }
        return Results.NoContent();
    }

    /// <summary>The form Twilio posted, if its signature holds for the address Twilio called.</summary>
    private async Task<Dictionary<string, string>?> SignedFormAsync(HttpRequest request, string path, CancellationToken ct)
    {
        var settings = options.Value;
        if (!settings.IsConfigured || !request.HasFormContentType) return null;
        var form = await request.ReadFormAsync(ct);
        var values = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        var signature = request.Headers["X-Twilio-Signature"].ToString();
        // Behind a proxy the address Twilio called is the public one, which configuration gives.
        var url = string.IsNullOrWhiteSpace(settings.CallbackBaseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}"
            : settings.CallbackBaseUrl.TrimEnd('/') + path + request.QueryString;
        return signature.Length > 0 && new RequestValidator(settings.AuthToken).Validate(url, values, signature) ? values : null;
    }

    /// <summary>The reply's first word, upper-case and without accents ("Arrêt" is ARRET).</summary>
    public static string? Keyword(string? body)
    {
        var first = body?.Trim().Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null) return null;
        var folded = new string(first.Normalize(NormalizationForm.FormD).Where(ch => CharUnicodeInfo.GetUnicodeCategory(ch) != UnicodeCategory.NonSpacingMark)
            .ToArray()).ToUpperInvariant().TrimEnd('.', '!');
        return folded;
    }

    private static IResult TwiML(string? reply) => Results.Content(
        reply is null ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"
            : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{WebUtility.HtmlEncode(reply)}</Message></Response>",
        "application/xml", Encoding.UTF8);
}

/// <summary>The unsubscribe link of a newsletter: a POST (the page's button, or the mail client's one-click of RFC 8058)
/// records the withdrawal in the consent ledger at once. A GET changes nothing: mail scanners open links.</summary>
public sealed class Unsubscribe(CoopolDbContext db, UnsubscribeLinks links, ConsentService consents, PeopleAccess people)
{
    public const string Path = "/messaging/unsubscribe/{token}";

    public async Task<IResult> PostAsync(string token, CancellationToken ct)
    {
        if (token.Length > 64 || await links.ReadAsync(token, ct) is not { } outboxId) return Results.NotFound();
        var row = await db.Set<OutboxMessage>().AsNoTracking().Where(o => o.Id == outboxId && o.Channel == ConsentChannel.Email)
            .Select(o => new { o.PersonId, o.Address }).FirstOrDefaultAsync(ct);
        if (row is null) return Results.NotFound();
        // Every record holding this address (a section's record of the person and their own), for every email purpose:
        // "unsubscribe" means no more mail from the party, whichever record this one went to.
        var records = await people.RecordsWithContactAsync(row.Address, null, ct);
        if (row.PersonId is { } personId && !records.Contains(personId)) records.Add(personId);
        await consents.WithdrawAsync(records, Enum.GetValues<ConsentPurpose>(), ConsentChannel.Email, ConsentMethod.UnsubscribeLink, ct);
        return Results.Text("Vous êtes désabonné·e : vous ne recevrez plus d'emails de notre part. / You are unsubscribed: you will get no more email from us.",
            "text/plain; charset=utf-8");
    }
}
