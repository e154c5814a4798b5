using System.Net;
using Coopol.Features.Elections;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Messaging;

/// <summary>What an attacker's review of messaging found, each shut and kept shut: texts that cost the server, test sends
/// used as a free SMS gun, unsubscribes that did not stick, a START that granted more than STOP took, provider texts that
/// quoted addresses, a section's segment widened to a federation, "not campaigning" as a way round the silence.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessagingAbuseTests(ApiFixture api)
{
    [Fact(Timeout = 20_000)]
    public async Task APathologicalTextIsReadInLinearTimeAndOnlyForSenders()
    {
        // "{{" then spaces without end: a backtracking pattern would take minutes on this.
        var text = "{{" + new string(' ', 1_000_000);
        MessageRules.UnknownVariables(text).ShouldBeEmpty();
        MessageRules.UnknownVariables("{{ firstName }} {{  nom }}").ShouldBe(["nom"]);

        var m = await MessagingWorld.CreateAsync(api);
        var body = "{{" + new string(' ', 200_000);
        var anonymous = await m.GraphQL.PostAsync("mutation($i: ComposeMessageInput!) { composeMessage(input: $i) { errors { code } } }",
            new { i = new { sectionId = m.World.S1Id, channel = "EMAIL", subject = "x", body } });
        anonymous.ErrorCodes.ShouldBe(["UNAUTHENTICATED"]);
        (await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "EMAIL", subject = "x", body }, TestWorld.MemberS1))
            .PayloadErrorCodes("composeMessage").ShouldBe(["FORBIDDEN"]);
        (await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "EMAIL", subject = "x", body }))
            .PayloadErrorCodes("composeMessage").ShouldBe(["TOO_LONG"]);
    }

    [Fact]
    public async Task ATestSendIsForDraftsAFewADayAndHeldByElectoralSilence()
    {
        var m = await MessagingWorld.CreateAsync(api);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1);
        const string Test = "mutation($id: ID!) { testSendMessage(messageId: $id) { errors { code } } }";

        var scheduled = await m.ComposeAsync();
        (await m.SendRawAsync(scheduled, at: DateTime.UtcNow.AddDays(2))).PayloadErrorCodes("sendMessage").ShouldBeEmpty();
        (await m.GraphQL.PostAsync(Test, new { id = scheduled }, TestWorld.SecretaryS1)).PayloadErrorCodes("testSendMessage").ShouldBe(["MESSAGE_NOT_DRAFT"]);

        var draft = await m.ComposeAsync();
        for (var i = 0; i < MessageService.MaxTestsPerDay; i++)
            (await m.GraphQL.PostAsync(Test, new { id = draft }, TestWorld.SecretaryS1)).PayloadErrorCodes("testSendMessage").ShouldBeEmpty();
        (await m.GraphQL.PostAsync(Test, new { id = draft }, TestWorld.SecretaryS1)).PayloadErrorCodes("testSendMessage").ShouldBe(["TOO_MANY_TESTS"]);

        await api.WithDbAsync(async db =>
        {
            db.Add(new SilencePeriod { Scope = "29", Name = "Silence 29", StartsAt = DateTime.UtcNow.AddHours(-1), EndsAt = DateTime.UtcNow.AddHours(2), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await m.RunSendsAsync();
        // The scheduled message was not sent early by the test runs; the tests themselves are held by the silence.
        (await m.OutboxAsync(scheduled)).ShouldBeEmpty();
        (await m.MessageAsync(scheduled))["status"]!.GetValue<string>().ShouldBe("SCHEDULED");
        (await m.OutboxAsync(draft)).ShouldAllBe(r => r.IsTest && r.Status == OutboxStatus.Held);
    }

    [Fact]
    public async Task UnsubscribingStopsMailToEveryRecordWithTheAddressForEveryPurposeAndIsWrittenOnce()
    {
        // The member's own record, and another section's record of them linked to it (same address).
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            var own = w.People[TestWorld.MemberS1];
            var copy = w.Add("copy@test.coopol.fr", own.FirstName, own.LastName, w.S2);
            copy.Email = own.Email;
            copy.LinkedToId = own.Id;
        });
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, "copy@test.coopol.fr");
        await m.ConsentAsync(ConsentChannel.Email, ConsentPurpose.Actions, true, TestWorld.MemberS1);
        var id = await m.ComposeAsync(asEmail: TestWorld.SecretaryS2, sectionId: m.World.S2Id);
        await m.SendAsync(id, TestWorld.SecretaryS2);
        await m.RunSendsAsync();
        var row = (await m.OutboxAsync(id)).Single(r => r.Address == TestWorld.MemberS1);
        string token;
        await using (var scope = api.Factory.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<UnsubscribeLinks>().TokenAsync(row.Id, CancellationToken.None);
        using var client = api.Factory.CreateClient();
        (await client.PostAsync($"/messaging/unsubscribe/{token}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsync($"/messaging/unsubscribe/{token}", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var email in new[] { TestWorld.MemberS1, "copy@test.coopol.fr" })
            (await m.ConsentsOfAsync(email)).Where(c => c.Channel == ConsentChannel.Email).ShouldAllBe(c => !c.Granted, email);
        var lines = await api.WithDbAsync(db => db.Set<ConsentRecord>().CountAsync(c => c.Method == ConsentMethod.UnsubscribeLink));
        lines.ShouldBe(4); // two records × two purposes, once
        var next = await m.ComposeAsync();
        (await m.SendRawAsync(next)).PayloadErrorCodes("sendMessage").ShouldBe(["EMPTY_SEGMENT"]);
    }

    [Fact]
    public async Task StartGivesBackOnlyWhatStopTook()
    {
        var providers = await api.ProvidersAsync();
        var phone = MessagingWorld.AwakeNumbers(1)[0];
        var m = await MessagingWorld.CreateAsync(api, w => w.People[TestWorld.MemberS1].Phone = phone);
        await m.ConsentAsync(ConsentChannel.Sms, ConsentPurpose.News, true, TestWorld.MemberS1);
        var hooks = new TwilioTestClient(providers);
        await hooks.InboundAsync(phone, "STOP");
        (await m.ConsentsOfAsync(TestWorld.MemberS1)).Where(c => c.Channel == ConsentChannel.Sms).ShouldAllBe(c => !c.Granted);
        await hooks.InboundAsync(phone, "STOP"); // twice: nothing more written
        await hooks.InboundAsync(phone, "START");

        var sms = (await m.ConsentsOfAsync(TestWorld.MemberS1)).Where(c => c.Channel == ConsentChannel.Sms).ToDictionary(c => c.Purpose);
        sms[ConsentPurpose.News].Granted.ShouldBeTrue();
        sms[ConsentPurpose.Actions].Granted.ShouldBeFalse("never given: START does not give it");
    }

    [Fact]
    public async Task WhatASenderWhoDoesNotSeeThePersonIsShownOfARowIsNeitherTheAddressNorTheProvidersWords()
    {
        var providers = await api.ProvidersAsync();
        var phones = MessagingWorld.AwakeNumbers(5);
        var emails = new[] { TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1, TestWorld.SecretaryS1, TestWorld.FederationSecretaryA };
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            MessagingWorld.DelegateSends(w);
            for (var i = 0; i < emails.Length; i++) w.People[emails[i]].Phone = phones[i];
        });
        await m.ConsentAsync(ConsentChannel.Sms, emails);
        providers.Twilio.FailNext(phones[0], new Fakes.FakeTwilio.Failure(400, 21211, $"The 'To' number {phones[0]} is not a valid phone number."));
        var id = await m.ComposeAsync("SMS", asEmail: TestWorld.DelegateS1);
        await m.SendAsync(id, TestWorld.DelegateS1);
        await m.RunSendsAsync(providers.Services);

        var rows = (await m.GraphQL.PostAsync("query($id: ID!) { message(id: $id) { outbox(first: 10) { items { recipient recipientName note errorCode } } } }",
            new { id }, TestWorld.DelegateS1)).ShouldHaveNoErrors().At("message.outbox.items")!.AsArray();
        rows.Count.ShouldBe(5);
        var text = rows.ToJsonString();
        foreach (var phone in phones) text.ShouldNotContain(phone[^4..]);
        rows.ShouldAllBe(r => r!["recipientName"] == null);
        rows.Single(r => r!["errorCode"]?.GetValue<string>() == "TWILIO_21211")!["note"]!.GetValue<string>().ShouldNotContain("+");
    }

    [Fact]
    public async Task ASectionsSegmentServesThatSectionOnly()
    {
        var m = await MessagingWorld.CreateAsync(api);
        var saved = await m.GraphQL.PostAsync("mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { id } errors { code } } }",
            new { i = new { sectionId = m.World.S1Id, name = "Adhérents", definition = new { kinds = new[] { "MEMBER" } } } }, TestWorld.SecretaryS1);
        var segmentId = saved.At("saveSegment.segment.id")!.GetValue<string>();
        (await m.ComposeRawAsync(new { federationCode = "29", channel = "EMAIL", subject = "x", body = "x", segmentId }, TestWorld.FederationSecretaryA))
            .PayloadErrorCodes("composeMessage").ShouldBe(["SEGMENT_NOT_FOUND"]);
    }

    [Fact]
    public async Task OnlyAMessageToMembersAloneIsNotCampaigningAndOnlyTheNationalTeamSendsAtNight()
    {
        var m = await MessagingWorld.CreateAsync(api);
        (await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "EMAIL", subject = "x", body = "x", definition = new { }, campaign = false }))
            .PayloadErrorCodes("composeMessage").ShouldBe(["CAMPAIGN_REQUIRED"]);
        (await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "EMAIL", subject = "x", body = "x", definition = new { kinds = new[] { "MEMBER" } }, campaign = false }))
            .PayloadErrorCodes("composeMessage").ShouldBeEmpty();
        (await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "EMAIL", subject = "Ligne\r\nBcc: x@y.z", body = "x", definition = new { } }))
            .PayloadErrorCodes("composeMessage").ShouldBe(["INVALID_CHARACTERS"]);

        // Written by the national team with the override, sent by the section: the section may not send it at night.
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.MemberS1);
        var night = await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "SMS", body = "Ce soir 21h ! STOP 36180", definition = new { }, ignoreQuietHours = true },
            TestWorld.National);
        var id = night.At("composeMessage.message.id")!.GetValue<string>();
        (await m.SendRawAsync(id, TestWorld.SecretaryS1)).PayloadErrorCodes("sendMessage").ShouldBe(["NATIONAL_ONLY"]);
    }

    [Fact]
    public void ANewsletterLinksOnlyToTheWebMailAndPhone()
    {
        var html = Newsletter.ToHtml("[a](javascript:alert(1)) [b](https://example.org) [c](mailto:x@example.org) ![i](data:image/png;base64,AAAA) "
            + "<img src=x onerror=alert(1)> *x*{onclick=alert(1)}");
        html.ShouldNotContain("javascript:");
        html.ShouldNotContain("data:image");
        html.ShouldNotContain("<img src=x");
        System.Text.RegularExpressions.Regex.IsMatch(html, "<[^>]*onclick").ShouldBeFalse(html);
        html.ShouldContain("href=\"https://example.org\"");
        html.ShouldContain("href=\"mailto:x@example.org\"");
    }
}
