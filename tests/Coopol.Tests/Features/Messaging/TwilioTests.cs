using System.Net;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Fakes;
using Coopol.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Messaging;

/// <summary>SMS through Twilio's own SDK, against a local fake of Twilio's REST API (the SDK's HTTP exchange is real),
/// and Twilio's signed webhooks: replies (STOP, ARRÊT, START, HELP) and delivery statuses.</summary>
[Collection(ApiCollection.Name)]
public sealed class TwilioTests(ApiFixture api) : IAsyncLifetime
{
    private const string PublicUrl = ProviderHost.PublicUrl;
    private const string Service = ProviderHost.SmsSender;
    private ProviderHost _providers = null!;
    private FakeTwilio _twilio = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        _providers = await api.ProvidersAsync();
        _twilio = _providers.Twilio;
        _host = _providers.Host;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AnSmsGoesThroughTwilioFromTheConfiguredSenderWithEachFirstNameAndKeepsItsSid()
    {
        var phones = MessagingWorld.AwakeNumbers(2);
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            w.People[TestWorld.MemberS1].Phone = phones[0];
            w.People[TestWorld.SupporterS1].Phone = phones[1];
        });
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.MemberS1, TestWorld.SupporterS1);
        var id = await m.ComposeAsync("SMS", "Salut {{firstName}} ! Porte-à-porte samedi 10h. STOP au 36180");
        await m.SendAsync(id);
        await m.RunSendsAsync(_host.Services);

        _twilio.Received.Select(s => (s.To, s.Body)).ShouldBe([
            (phones[0], "Salut Marie ! Porte-à-porte samedi 10h. STOP au 36180"),
            (phones[1], "Salut Sacha ! Porte-à-porte samedi 10h. STOP au 36180"),
        ], ignoreOrder: true);
        _twilio.Received.ShouldAllBe(s => s.MessagingServiceSid == Service && s.StatusCallback == PublicUrl + TwilioWebhooks.StatusPath);
        var rows = await m.OutboxAsync(id);
        rows.ShouldAllBe(r => r.Status == OutboxStatus.Sent);
        rows.Select(r => r.ProviderId).ShouldBe(_twilio.Received.Select(s => s.Sid), ignoreOrder: true);
    }

    [Fact]
    public async Task TwilioErrorsAreMappedInsteadOfRetriedBlindly()
    {
        var phones = MessagingWorld.AwakeNumbers(4);
        var emails = new[] { TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1, TestWorld.DelegateS1 };
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            for (var i = 0; i < emails.Length; i++) w.People[emails[i]].Phone = phones[i];
        });
        await m.ConsentAsync(ConsentChannel.Sms, emails);
        _twilio.FailNext(phones[0], new FakeTwilio.Failure(400, 21211, "The 'To' number is not a valid phone number."));
        _twilio.FailNext(phones[1], new FakeTwilio.Failure(400, 21610, "Attempt to send to unsubscribed recipient"));
        _twilio.FailNext(phones[2], new FakeTwilio.Failure(429, 20429, "Too Many Requests", RetryAfterSeconds: 120));
        _twilio.FailNext(phones[3], new FakeTwilio.Failure(503, 20500, "Service unavailable"));
        var id = await m.ComposeAsync("SMS");
        await m.SendAsync(id);
        var before = DateTime.UtcNow;
        await m.RunSendsAsync(_host.Services);

        var rows = (await m.OutboxAsync(id)).ToDictionary(r => r.Address);
        rows[phones[0]].Status.ShouldBe(OutboxStatus.Failed);
        rows[phones[0]].ErrorCode.ShouldBe("TWILIO_21211");
        (await api.WithDbAsync(db => db.Set<UnusableContact>().AnyAsync(u => u.Address == phones[0]))).ShouldBeTrue();
        rows[phones[1]].Status.ShouldBe(OutboxStatus.OptedOut);
        var sms = (await m.ConsentsOfAsync(TestWorld.SupporterS1)).Where(c => c.Channel == ConsentChannel.Sms).ToList();
        sms.ShouldAllBe(c => !c.Granted && c.Method == ConsentMethod.SmsReply);
        rows[phones[2]].Status.ShouldBe(OutboxStatus.Queued);
        rows[phones[2]].NextAttemptAt.ShouldBeGreaterThanOrEqualTo(before.AddSeconds(119));
        rows[phones[3]].Status.ShouldBe(OutboxStatus.Queued);
        rows[phones[3]].NextAttemptAt.ShouldBeGreaterThan(before);
        (await m.MessageAsync(id))["status"]!.GetValue<string>().ShouldBe("SENDING");

        // Time passes: the retries go, once each; the unusable number and the opt-out are not tried again.
        await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(o => o.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        await m.RunSendsAsync(_host.Services);
        rows = (await m.OutboxAsync(id)).ToDictionary(r => r.Address);
        rows[phones[2]].Status.ShouldBe(OutboxStatus.Sent);
        rows[phones[2]].Attempts.ShouldBe(2);
        rows[phones[3]].Status.ShouldBe(OutboxStatus.Sent);
        _twilio.Received.Select(s => s.To).ShouldBe([phones[2], phones[3]], ignoreOrder: true);
        (await m.MessageAsync(id))["status"]!.GetValue<string>().ShouldBe("SENT");

        // The unusable number is left out of the next message.
        var next = await m.ComposeAsync("SMS");
        await m.SendAsync(next);
        await m.RunSendsAsync(_host.Services);
        (await m.OutboxAsync(next)).Select(r => r.Address).ShouldBe([phones[2], phones[3]], ignoreOrder: true);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("Arrêt")]
    [InlineData("stop ")]
    public async Task ASignedStopReplyWithdrawsSmsConsentAndStopsTheNextSend(string reply)
    {
        var phones = MessagingWorld.AwakeNumbers(2);
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            w.People[TestWorld.MemberS1].Phone = phones[0];
            w.People[TestWorld.SupporterS1].Phone = phones[1];
        });
        await m.ConsentAsync(ConsentChannel.Sms, ConsentPurpose.News, true, TestWorld.MemberS1, TestWorld.SupporterS1);
        await m.ConsentAsync(ConsentChannel.Sms, ConsentPurpose.Actions, true, TestWorld.MemberS1);

        var (status, body) = await PostSignedAsync(TwilioWebhooks.InboundPath, new() { ["From"] = phones[0], ["To"] = "+33757000000", ["Body"] = reply, ["MessageSid"] = "SM1" });
        status.ShouldBe(HttpStatusCode.OK);
        body.ShouldContain("<Response><Message>");
        body.ShouldContain("START");
        (await m.ConsentsOfAsync(TestWorld.MemberS1)).Where(c => c.Channel == ConsentChannel.Sms)
            .ShouldAllBe(c => !c.Granted && c.Method == ConsentMethod.SmsReply);

        var id = await m.ComposeAsync("SMS");
        await m.SendAsync(id);
        await m.RunSendsAsync(_host.Services);
        _twilio.Received.Select(s => s.To).ShouldBe([phones[1]]);

        // The section cannot give it back; only the person can (START).
        (await m.GraphQL.PostAsync("mutation($i: RecordConsentInput!) { recordConsent(input: $i) { errors { code } } }",
            new { i = new { personId = m.World.IdOf(TestWorld.MemberS1), purpose = "NEWS", channel = "SMS", granted = true, method = "PAPER_FORM",
                wordingVersion = ConsentWordings.Current(ConsentPurpose.News, ConsentChannel.Sms).Version } }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("recordConsent").ShouldBe(["CONSENT_WITHDRAWN_BY_PERSON"]);
        var (_, started) = await PostSignedAsync(TwilioWebhooks.InboundPath, new() { ["From"] = phones[0], ["Body"] = "START" });
        started.ShouldContain("STOP");
        (await m.ConsentsOfAsync(TestWorld.MemberS1)).Where(c => c.Channel == ConsentChannel.Sms).ShouldAllBe(c => c.Granted);
    }

    [Fact]
    public async Task AWebhookWithoutTwiliosSignatureIsRefusedAndChangesNothing()
    {
        var phones = MessagingWorld.AwakeNumbers(1);
        var m = await MessagingWorld.CreateAsync(api, w => w.People[TestWorld.MemberS1].Phone = phones[0]);
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.MemberS1);
        var form = new Dictionary<string, string> { ["From"] = phones[0], ["Body"] = "STOP" };

        using var client = _host.CreateClient();
        using var unsigned = new FormUrlEncodedContent(form);
        (await client.PostAsync(TwilioWebhooks.InboundPath, unsigned)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var forged = new HttpRequestMessage(HttpMethod.Post, TwilioWebhooks.InboundPath) { Content = new FormUrlEncodedContent(form) };
        forged.Headers.Add("X-Twilio-Signature", Sign("not-the-token", PublicUrl + TwilioWebhooks.InboundPath, form));
        (await client.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Signed for another address (replayed elsewhere): refused too.
        var (status, _) = await PostSignedAsync(TwilioWebhooks.InboundPath, form, signedUrl: PublicUrl + TwilioWebhooks.StatusPath);
        status.ShouldBe(HttpStatusCode.Forbidden);
        (await m.ConsentsOfAsync(TestWorld.MemberS1)).Single(c => c.Channel == ConsentChannel.Sms).Granted.ShouldBeTrue();

        // Without Twilio configured (the tests' API), there is no webhook to call.
        using var plain = api.Factory.CreateClient();
        using var none = new FormUrlEncodedContent(form);
        (await plain.PostAsync(TwilioWebhooks.InboundPath, none)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HelpIsAnsweredAndOtherRepliesAreNot()
    {
        var (_, help) = await PostSignedAsync(TwilioWebhooks.InboundPath, new() { ["From"] = "+33612000001", ["Body"] = "aide" });
        help.ShouldContain(WebUtility.HtmlEncode(TwilioWebhooks.HelpReply));
        var (_, chat) = await PostSignedAsync(TwilioWebhooks.InboundPath, new() { ["From"] = "+33612000001", ["Body"] = "Merci, à samedi !" });
        chat.ShouldEndWith("<Response></Response>");
    }

    [Fact]
    public async Task DeliveryStatusesUpdateTheOutboxAndCarrierFilteringIsReportedToTheSender()
    {
        var phones = MessagingWorld.AwakeNumbers(2);
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            w.People[TestWorld.MemberS1].Phone = phones[0];
            w.People[TestWorld.SupporterS1].Phone = phones[1];
        });
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.MemberS1, TestWorld.SupporterS1);
        var id = await m.ComposeAsync("SMS");
        await m.SendAsync(id);
        await m.RunSendsAsync(_host.Services);
        var sids = _twilio.Received.ToDictionary(s => s.To, s => s.Sid);

        (await PostSignedAsync(TwilioWebhooks.StatusPath, new() { ["MessageSid"] = sids[phones[0]], ["MessageStatus"] = "delivered" })).Status
            .ShouldBe(HttpStatusCode.NoContent);
        await PostSignedAsync(TwilioWebhooks.StatusPath, new() { ["MessageSid"] = sids[phones[1]], ["MessageStatus"] = "undelivered", ["ErrorCode"] = "30007" });

        var rows = (await m.OutboxAsync(id)).ToDictionary(r => r.Address);
        rows[phones[0]].Status.ShouldBe(OutboxStatus.Delivered);
        rows[phones[0]].DeliveredAt.ShouldNotBeNull();
        rows[phones[1]].Status.ShouldBe(OutboxStatus.Failed);
        rows[phones[1]].ErrorCode.ShouldBe("TWILIO_30007");
        rows[phones[1]].Note!.ShouldContain("carrier");
        var stats = (await m.MessageAsync(id))["stats"]!;
        stats["delivered"]!.GetValue<int>().ShouldBe(1);
        stats["failed"]!.GetValue<int>().ShouldBe(1);
    }

    private Task<(HttpStatusCode Status, string Body)> PostSignedAsync(string path, Dictionary<string, string> form, string? signedUrl = null) =>
        new TwilioTestClient(_providers).PostSignedAsync(path, form, signedUrl);

    private static string Sign(string token, string url, Dictionary<string, string> form) => TwilioTestClient.Sign(token, url, form);
}
