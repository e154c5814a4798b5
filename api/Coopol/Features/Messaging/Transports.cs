namespace Coopol.Features.Messaging;

/// <summary>What a provider answered for one message.</summary>
public abstract record SendResult
{
    /// <summary>Accepted; the provider's id for it (a Twilio SID, an SMTP Message-ID, "local" for the local outbox).</summary>
    public sealed record Accepted(string ProviderId) : SendResult;

    /// <summary>Worth trying again later (a rate limit, a provider's 5xx, an SMTP 4xx, a network failure).</summary>
    public sealed record Retry(TimeSpan After, string Code, string Note) : SendResult;

    /// <summary>Refused for good for this message.</summary>
    public sealed record Failed(string Code, string Note) : SendResult;

    /// <summary>The address itself is unusable (an invalid or landline number, a mailbox that does not exist): not tried again.</summary>
    public sealed record Unusable(string Code, string Note) : SendResult;

    /// <summary>The provider says the recipient opted out (Twilio 21610): recorded as their withdrawal.</summary>
    public sealed record OptedOut(string Code, string Note) : SendResult;
}

public sealed record OutgoingEmail(long OutboxId, string To, string FromName, string Subject, string Html, string Text, string UnsubscribeUrl);

public sealed record OutgoingSms(long OutboxId, string To, string Body, Guid? SectionId);

/// <summary>Sends newsletters: SMTP when configured, else the local outbox (nothing leaves, the web client shows them).</summary>
public interface IEmailSender
{
    bool IsLocal { get; }
    /// <summary>How many messages may be in flight at once.</summary>
    int Parallelism { get; }
    Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken ct);
}

/// <summary>Sends SMS: Twilio when configured, else the local outbox.</summary>
public interface ISmsSender
{
    bool IsLocal { get; }
    int Parallelism { get; }
    Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken ct);

    /// <summary>After a crash, whether a message with this text already went to this number since then (its id), so that a
    /// message the provider accepted just before the crash is not sent again.</summary>
    Task<string?> FindSentAsync(string to, string body, DateTime since, CancellationToken ct);
}

/// <summary>No provider configured: the message is kept in the outbox, where the web client shows it.</summary>
public sealed class LocalOutbox : IEmailSender, ISmsSender
{
    public const string ProviderId = "local";

    public bool IsLocal => true;
    public int Parallelism => 1;

    public Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken ct) => Task.FromResult<SendResult>(new SendResult.Accepted(ProviderId));

    public Task<SendResult> SendAsync(OutgoingSms sms, CancellationToken ct) => Task.FromResult<SendResult>(new SendResult.Accepted(ProviderId));

    /// <summary>Nothing left: a message marked as being sent was not, so it may be kept again.</summary>
    public Task<string?> FindSentAsync(string to, string body, DateTime since, CancellationToken ct) => Task.FromResult<string?>(null);
}
