using Coopol.Fakes;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Coopol.Tests.Infrastructure;

/// <summary>The API once more, configured with a fake Twilio and a local SMTP server (the real SDKs talk to them), on the
/// same database. Made once per run and kept to its end: Hangfire holds process-wide state (its log provider) that a host
/// disposed in the middle of the run would leave pointing at a disposed logger.</summary>
public sealed class ProviderHost : IAsyncDisposable
{
    public const string PublicUrl = "https://coopol.example.org";
    public const string SmsSender = "MG0123456789abcdef0123456789abcdef";
    public const string MailFrom = "section@coopol.example.org";

    public required FakeTwilio Twilio { get; init; }
    public required LocalSmtpServer Smtp { get; init; }
    public required WebApplicationFactory<Program> Host { get; init; }
    public IServiceProvider Services => Host.Services;

    public static async Task<ProviderHost> StartAsync(CoopolFactory api)
    {
        var twilio = await FakeTwilio.StartAsync();
        var smtp = LocalSmtpServer.Start();
        var host = api.WithWebHostBuilder(b =>
        {
            b.UseSetting("Twilio:AccountSid", twilio.AccountSid);
            b.UseSetting("Twilio:AuthToken", twilio.AuthToken);
            b.UseSetting("Twilio:BaseUrl", twilio.Url);
            b.UseSetting("Twilio:From", SmsSender);
            b.UseSetting("Twilio:CallbackBaseUrl", PublicUrl);
            b.UseSetting("Smtp:Host", "127.0.0.1");
            b.UseSetting("Smtp:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.UseSetting("Smtp:Security", "None");
            b.UseSetting("Smtp:FromAddress", MailFrom);
            b.UseSetting("Web:PublicUrl", PublicUrl);
        });
        _ = host.Server;
        return new ProviderHost { Twilio = twilio, Smtp = smtp, Host = host };
    }

    /// <summary>Each test starts with nothing received and nothing scripted.</summary>
    public void Reset()
    {
        Twilio.Reset();
        Smtp.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Twilio.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
