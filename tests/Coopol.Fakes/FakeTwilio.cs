using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coopol.Fakes;

/// <summary>A local stand-in for the part of Twilio's REST API that Coopol uses (create a message, list messages),
/// answering as Twilio does (JSON bodies, error codes, Retry-After), so Twilio's own SDK runs its real request path
/// against it. A test scripts answers per number: an error, a delay.</summary>
public sealed class FakeTwilio : IAsyncDisposable
{
    public sealed record Sms(string Sid, string To, string? From, string? MessagingServiceSid, string Body, string? StatusCallback, DateTime CreatedAt);

    /// <summary>What to answer instead of accepting: an HTTP status, a Twilio error code, and Retry-After seconds for a 429.</summary>
    public sealed record Failure(int Status, int Code, string Message, int? RetryAfterSeconds = null);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Sms> _received = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Failure>> _failures = new();
    private int _requests;

    public string AccountSid { get; } = "AC" + Guid.NewGuid().ToString("N");
    public string AuthToken { get; } = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant();
    public string Url { get; private set; } = "";
    /// <summary>Time each accepted message takes (to catch a worker in the middle of a batch).</summary>
    public TimeSpan Delay { get; set; }
    /// <summary>Called once a message is accepted, before Twilio answers (what a person does while a batch is sent).</summary>
    public Func<Sms, Task>? OnReceived { get; set; }
    public IReadOnlyCollection<Sms> Received => _received.ToArray();
    public int Requests => _requests;

    private FakeTwilio()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", CreateAsync);
        _app.MapGet("/2010-04-01/Accounts/{account}/Messages.json", List);
    }

    public static async Task<FakeTwilio> StartAsync()
    {
        var fake = new FakeTwilio();
        await fake._app.StartAsync();
        fake.Url = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The next messages to this number get these answers, in turn; then it is accepted again.</summary>
    public void FailNext(string to, params Failure[] failures)
    {
        var queue = _failures.GetOrAdd(to, _ => new ConcurrentQueue<Failure>());
        foreach (var failure in failures) queue.Enqueue(failure);
    }

    public void Reset()
    {
        _received.Clear();
        _failures.Clear();
        Delay = TimeSpan.Zero;
        OnReceived = null;
        _requests = 0;
    }

    public int CountTo(string to) => _received.Count(m => m.To == to);

    private async Task<IResult> CreateAsync(string account, HttpRequest request)
    {
        Interlocked.Increment(ref _requests);
        if (!Authorized(account, request)) return Error(401, 20003, "Authenticate");
        var form = await request.ReadFormAsync();
        var to = form["To"].ToString();
        if (_failures.TryGetValue(to, out var queue) && queue.TryDequeue(out var failure))
        {
            if (failure.RetryAfterSeconds is { } seconds)
                request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Error(failure.Status, failure.Code, failure.Message);
        }
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
        var sms = new Sms("SM" + Guid.NewGuid().ToString("N"), to, NullIfEmpty(form["From"]), NullIfEmpty(form["MessagingServiceSid"]),
            form["Body"].ToString(), NullIfEmpty(form["StatusCallback"]), DateTime.UtcNow);
        _received.Enqueue(sms);
        if (OnReceived is { } callback) await callback(sms);
        return Results.Json(Resource(sms), statusCode: 201);
    }

    private IResult List(string account, HttpRequest request)
    {
        if (!Authorized(account, request)) return Error(401, 20003, "Authenticate");
        var to = request.Query["To"].ToString();
        var messages = _received.Where(m => to.Length == 0 || m.To == to).OrderByDescending(m => m.CreatedAt).Select(Resource).ToList();
        var uri = $"/2010-04-01/Accounts/{account}/Messages.json";
        return Results.Json(new Dictionary<string, object?>
        {
            ["messages"] = messages, ["first_page_uri"] = uri, ["next_page_uri"] = null, ["previous_page_uri"] = null, ["page"] = 0,
            ["page_size"] = 50, ["start"] = 0, ["end"] = messages.Count, ["uri"] = uri,
        });
    }

    private bool Authorized(string account, HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var expected = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{AccountSid}:{AuthToken}"));
        return account == AccountSid && header == expected;
    }

    private Dictionary<string, object?> Resource(Sms m) => new()
    {
        ["sid"] = m.Sid, ["account_sid"] = AccountSid, ["to"] = m.To, ["from"] = m.From, ["messaging_service_sid"] = m.MessagingServiceSid,
        ["body"] = m.Body, ["status"] = "queued", ["direction"] = "outbound-api", ["num_segments"] = "1", ["num_media"] = "0",
        ["date_created"] = m.CreatedAt.ToString("r", CultureInfo.InvariantCulture), ["date_updated"] = m.CreatedAt.ToString("r", CultureInfo.InvariantCulture),
        ["date_sent"] = m.CreatedAt.ToString("r", CultureInfo.InvariantCulture), ["api_version"] = "2010-04-01", ["price"] = null, ["price_unit"] = "EUR",
        ["error_code"] = null, ["error_message"] = null, ["uri"] = $"/2010-04-01/Accounts/{AccountSid}/Messages/{m.Sid}.json",
    };

    private static IResult Error(int status, int code, string message) => Results.Json(new Dictionary<string, object>
    {
        ["code"] = code, ["message"] = message, ["more_info"] = $"https://www.twilio.com/docs/errors/{code}", ["status"] = status,
    }, statusCode: status);

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 || value.ToString().Length == 0 ? null : value.ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
