using System.Collections.Concurrent;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Coopol.Features.Messaging;

/// <summary>SMTP settings (section "Smtp"); without a Host, mail stays in the local outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@coopol.local";
    /// <summary>Open connections used at once.</summary>
    public int Connections { get; set; } = 4;
}

/// <summary>Newsletters through SMTP with MailKit, over a few kept-open connections. An SMTP 4xx answer or a broken
/// connection is retried later; a 5xx fails the message, and a refused recipient marks the address unusable.</summary>
public sealed class SmtpEmailSender(SmtpOptions options) : IEmailSender, IDisposable
{
    private readonly ConcurrentBag<SmtpClient> _idle = [];

    public bool IsLocal => false;
    public int Parallelism => Math.Max(1, options.Connections);

    public async Task<SendResult> SendAsync(OutgoingEmail email, CancellationToken ct)
    {
        var message = Build(email);
        if (!_idle.TryTake(out var client)) client = new SmtpClient();
        var keep = true;
        try
        {
            if (!client.IsConnected)
            {
                await client.ConnectAsync(options.Host!, options.Port, options.Security, ct);
                if (!string.IsNullOrEmpty(options.UserName)) await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            }
            await client.SendAsync(message, ct);
            return new SendResult.Accepted(message.MessageId ?? $"outbox-{email.OutboxId}");
        }
        catch (SmtpCommandException e)
        {
            // The server's own words often quote the address: the sender gets fixed wording and the code.
            var code = (int)e.StatusCode;
            if (code is >= 400 and < 500) return new SendResult.Retry(TimeSpan.FromMinutes(5), $"SMTP_{code}", $"The mail server asked to try again later (SMTP {code}).");
            return e.ErrorCode == SmtpErrorCode.RecipientNotAccepted
                ? new SendResult.Unusable($"SMTP_{code}", $"The mail server refused this address (SMTP {code}): it is not used again.")
                : new SendResult.Failed($"SMTP_{code}", $"The mail server refused the message (SMTP {code}).");
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or IOException or System.Net.Sockets.SocketException
                                       or AuthenticationException or SslHandshakeException)
        {
            keep = false;
            return new SendResult.Retry(TimeSpan.FromMinutes(2), "SMTP_UNREACHABLE", "The mail server could not be reached.");
        }
        finally
        {
            if (keep && client.IsConnected) _idle.Add(client);
            else client.Dispose();
        }
    }

    /// <summary>The message, with the one-click unsubscribe headers of RFC 8058 and a Message-ID of its outbox row.</summary>
    public MimeMessage Build(OutgoingEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(email.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(email.To));
        message.Subject = email.Subject;
        var domain = options.FromAddress.Contains('@') ? options.FromAddress[(options.FromAddress.IndexOf('@') + 1)..] : "coopol.local";
        message.MessageId = $"outbox-{email.OutboxId}@{domain}";
        // A visitor's confirmation link answers their own request: nothing to unsubscribe from.
        if (email.UnsubscribeUrl.Length > 0)
        {
            message.Headers.Add("List-Unsubscribe", $"<{email.UnsubscribeUrl}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        message.Body = new BodyBuilder { HtmlBody = email.Html, TextBody = email.Text }.ToMessageBody();
        return message;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var client)) client.Dispose();
    }
}
