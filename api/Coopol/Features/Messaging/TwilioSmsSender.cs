using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Coopol.Features.Messaging;

/// <summary>Twilio settings (section "Twilio"); without an AccountSid and AuthToken, SMS stay in the local outbox.</summary>
public sealed class TwilioOptions
{
    public string? AccountSid { get; set; }
    public string? AuthToken { get; set; }
    /// <summary>The default sender: a messaging service ("MG…") or a number ("+33…", or an alphanumeric sender id).</summary>
    public string? From { get; set; }
    /// <summary>A section's own sender, by the section's id (a Guid), overriding <see cref="From"/>.</summary>
    public Dictionary<string, string> Senders { get; set; } = [];
    /// <summary>Where Twilio's API is (tests and the bench point it at a local fake); Twilio's own by default.</summary>
    public string? BaseUrl { get; set; }
    /// <summary>The API's public address, for status callbacks ("https://coopol.example.org"); none when absent.</summary>
    public string? CallbackBaseUrl { get; set; }
    public int Parallelism { get; set; } = 8;
    /// <summary>Price of one SMS segment, for the estimate the composer shows.</summary>
    public decimal PricePerSegment { get; set; } = 0.0725m;
    public string Currency { get; set; } = "EUR";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(AccountSid) && !string.IsNullOrWhiteSpace(AuthToken);

    public string? SenderFor(Guid? sectionId) =>
        sectionId is { } id && Senders.TryGetValue(id.ToString(), out var own) && !string.IsNullOrWhiteSpace(own) ? own : From;
}

/// <summary>SMS through Twilio's SDK. Its error codes are mapped rather than retried blindly: an invalid or landline
/// number is unusable, 21610 is the recipient's opt-out, 30007 (carrier filtering) is reported, 429 and 5xx are retried
/// after the Retry-After Twilio gives (else a backoff).</summary>
public sealed class TwilioSmsSender(TwilioOptions options, HttpClient http) : ISmsSender
{
    private readonly TwilioRestClient _client = new(options.AccountSid, options.AuthToken,
        httpClient: new Twilio.Http.SystemNetHttpClient(http));

    public bool IsLocal => false;
    public int Parallelism => Math.Max(1, options.Parallelism);

    /// <summary>Invalid "To" number, not a mobile (landline), not a valid phone number, unreachable destination.</summary>
    private static readonly int[] UnusableCodes = [21211, 21614, 21217, 21401, 21612];

    public async Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken ct)
    {
        var sender = options.SenderFor(sms.SectionId);
        if (string.IsNullOrWhiteSpace(sender)) return new SendResult.Failed("NO_SENDER", "No SMS sender is configured (Twilio:From or Twilio:Senders).");
        var create = new CreateMessageOptions(new PhoneNumber(sms.To)) { Body = sms.Body };
        if (sender.StartsWith("MG", StringComparison.Ordinal)) create.MessagingServiceSid = sender;
        else create.From = new PhoneNumber(sender);
        if (!string.IsNullOrWhiteSpace(options.CallbackBaseUrl))
            create.StatusCallback = new Uri(options.CallbackBaseUrl.TrimEnd('/') + TwilioWebhooks.StatusPath);
        var retryAfter = new RetryAfterHandler.Holder();
        RetryAfterHandler.Current.Value = retryAfter;
        try
        {
            var message = await MessageResource.CreateAsync(create, _client);
            return new SendResult.Accepted(message.Sid);
        }
        catch (ApiException e)
        {
            // Twilio's own words quote the number: the sender gets fixed wording and the code.
            var code = e.Code != 0 ? e.Code : e.Status;
            if (e.Status == 429 || e.Status >= 500)
                return new SendResult.Retry(retryAfter.Value ?? TimeSpan.FromSeconds(30), $"TWILIO_{code}", $"Twilio asked to try again later ({code}).");
            if (e.Code == 21610) return new SendResult.OptedOut("TWILIO_21610", "The recipient replied STOP to this sender.");
            if (UnusableCodes.Contains(e.Code))
                return new SendResult.Unusable($"TWILIO_{code}", $"Twilio refused the number ({code}): not a reachable mobile; it is not used again.");
            return new SendResult.Failed($"TWILIO_{code}", $"Twilio refused the message ({code}).");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ApiConnectionException)
        {
            return new SendResult.Retry(TimeSpan.FromSeconds(30), "TWILIO_UNREACHABLE", "Twilio could not be reached.");
        }
    }

    public async Task<string?> FindSentAsync(string to, string body, DateTime since, CancellationToken ct)
    {
        // Twilio filters by the day sent; the exact instant and the text are compared here.
        var read = new ReadMessageOptions { To = new PhoneNumber(to), DateSentAfter = since.Date.AddDays(-1), PageSize = 50, Limit = 200 };
        var messages = await MessageResource.ReadAsync(read, _client);
        return messages.FirstOrDefault(m => m.Body == body && (m.DateCreated ?? DateTime.MaxValue) >= since.AddMinutes(-1))?.Sid;
    }

}

/// <summary>Reads Twilio's Retry-After into the holder the caller set, and sends Twilio's requests to
/// <see cref="TwilioOptions.BaseUrl"/> when one is set (a local fake: the SDK and the HTTP exchange stay real).</summary>
public sealed class RetryAfterHandler(string? baseUrl) : DelegatingHandler
{
    public sealed class Holder
    {
        public TimeSpan? Value { get; set; }
    }

    public static readonly AsyncLocal<Holder?> Current = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(baseUrl) && request.RequestUri is { } uri)
        {
            var target = new Uri(baseUrl);
            request.RequestUri = new UriBuilder(uri) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
        }
        var response = await base.SendAsync(request, ct);
        if (Current.Value is { } holder && response.Headers.RetryAfter is { } retry)
            holder.Value = retry.Delta ?? (retry.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return response;
    }
}
