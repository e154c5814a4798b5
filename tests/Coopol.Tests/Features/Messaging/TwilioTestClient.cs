using System.Net;
using System.Security.Cryptography;
using System.Text;
using Coopol.Features.Messaging;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Messaging;

/// <summary>Calls the API's Twilio webhooks as Twilio does, signed with the fake account's token.</summary>
public sealed class TwilioTestClient(ProviderHost providers)
{
    public async Task<(HttpStatusCode Status, string Body)> PostSignedAsync(string path, Dictionary<string, string> form, string? signedUrl = null,
        string? token = null)
    {
        using var client = providers.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", Sign(token ?? providers.Twilio.AuthToken, signedUrl ?? ProviderHost.PublicUrl + path, form));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> InboundAsync(string from, string body)
    {
        var (status, reply) = await PostSignedAsync(TwilioWebhooks.InboundPath, new() { ["From"] = from, ["To"] = "+33757000000", ["Body"] = body });
        status.ShouldBe(HttpStatusCode.OK);
        return reply;
    }

    /// <summary>Twilio's signature, computed here from its documentation (not with the SDK that checks it): HMAC-SHA1 of
    /// the URL followed by each parameter's name and value, sorted by name, keyed with the auth token, in Base64.</summary>
    public static string Sign(string token, string url, Dictionary<string, string> form)
    {
        var data = url + string.Concat(form.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(data)));
    }
}
