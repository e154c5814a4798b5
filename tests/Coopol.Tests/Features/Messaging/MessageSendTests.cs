using Coopol.Access;
using Coopol.Common;
using Coopol.Features.Elections;
using Coopol.Features.JobRuns;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Messaging;

/// <summary>Sending through the local outbox (no provider configured, as the run command has it): who gets a message,
/// once; what holds it back; what refuses it.</summary>
[Collection(ApiCollection.Name)]
public sealed class MessageSendTests(ApiFixture api)
{
    [Fact]
    public async Task ANewsletterGoesOnceToEachConsentingPersonOfTheSectionAndStaysInTheLocalOutbox()
    {
        var m = await MessagingWorld.CreateAsync(api);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1, TestWorld.PersonS2);
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.DelegateS1); // another channel: no newsletter
        var id = await m.ComposeAsync();
        await m.SendAsync(id);
        (await m.RunSendsAsync()).ShouldBe(1);
        (await m.RunSendsAsync()).ShouldBe(0);

        var rows = await m.OutboxAsync(id);
        rows.Select(r => r.Address).ShouldBe([TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1], ignoreOrder: true);
        rows.ShouldAllBe(r => r.Status == OutboxStatus.Sent && r.ProviderId == LocalOutbox.ProviderId && r.Attempts == 1);
        var message = await m.MessageAsync(id);
        message["status"]!.GetValue<string>().ShouldBe("SENT");
        var inS1 = m.World.People.Values.Count(p => p.SectionId == m.World.S1.Id);
        message["matched"]!.GetValue<int>().ShouldBe(inS1);
        message["withoutConsent"]!.GetValue<int>().ShouldBe(inS1 - 3);
        message["queued"]!.GetValue<int>().ShouldBe(3);
        message["stats"]!["sent"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task TwoRecordsWithOneMobileGetOneSms()
    {
        var m = await MessagingWorld.CreateAsync(api, w => w.People[TestWorld.OtherS1].Phone = w.People[TestWorld.MemberS1].Phone);
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.MemberS1, TestWorld.OtherS1);
        var id = await m.ComposeAsync("SMS");
        await m.SendAsync(id);
        await m.RunSendsAsync();

        (await m.OutboxAsync(id)).Count.ShouldBe(1);
        var message = await m.MessageAsync(id);
        message["duplicates"]!.GetValue<int>().ShouldBe(1);
        message["queued"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task ARightRevokedBeforeTheSendRunsStopsTheMessageWithItsReasonAndSendsNothing()
    {
        var m = await MessagingWorld.CreateAsync(api, MessagingWorld.DelegateSends);
        // Five at least: a sender who does not see the people sends to no fewer.
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1, TestWorld.SecretaryS1, TestWorld.FederationSecretaryA);
        var id = await m.ComposeAsync(asEmail: TestWorld.DelegateS1);
        await m.SendAsync(id, TestWorld.DelegateS1);
        (await m.GraphQL.PostAsync("mutation($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { errors { code } } }",
            new { input = new { delegationId = m.World.GrantIdOf(TestWorld.DelegateS1) } }, TestWorld.SecretaryS1)).PayloadErrorCodes("revokeDelegation").ShouldBeEmpty();
        await m.RunSendsAsync();

        (await m.OutboxAsync(id)).ShouldBeEmpty();
        var message = await m.MessageAsync(id, TestWorld.SecretaryS1);
        message["status"]!.GetValue<string>().ShouldBe("STOPPED");
        message["stopCode"]!.GetValue<string>().ShouldBe("RIGHT_REVOKED");
        message["stopReason"]!.GetValue<string>().ShouldContain("SEND_MESSAGES");
    }

    [Theory]
    [InlineData("EMAIL", "   ", "Sujet", "EMPTY_MESSAGE")]
    [InlineData("EMAIL", "Bonjour {{prenom}}", "Sujet", "UNKNOWN_VARIABLE")]
    [InlineData("EMAIL", "Bonjour", "Sujet {{name}}", "UNKNOWN_VARIABLE")]
    [InlineData("EMAIL", "Bonjour", "", "SUBJECT_REQUIRED")]
    [InlineData("SMS", "Rendez-vous samedi", null, "STOP_MENTION_REQUIRED")]
    public async Task ABadTextIsRefusedWithItsCodeAndField(string channel, string body, string? subject, string code)
    {
        var m = await MessagingWorld.CreateAsync(api);
        var answer = await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel, subject, body, definition = new { } });
        answer.ShouldHaveNoErrors().PayloadErrorCodes("composeMessage").ShouldContain(code);
        (await api.WithDbAsync(db => db.Set<Message>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnSmsLongerThanSixSegmentsIsRefused()
    {
        var m = await MessagingWorld.CreateAsync(api);
        var answer = await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "SMS", body = new string('ê', 6 * 67 + 1) + " STOP", definition = new { } });
        answer.PayloadErrorCodes("composeMessage").ShouldBe(["TOO_LONG"]);
    }

    [Fact]
    public async Task ASegmentThatReachesNobodyIsRefusedWhenSent()
    {
        var m = await MessagingWorld.CreateAsync(api);
        var id = await m.ComposeAsync(definition: new { kinds = new[] { "SUPPORTER" } });
        var answer = await m.SendRawAsync(id);
        answer.PayloadErrorCodes("sendMessage").ShouldBe(["EMPTY_SEGMENT"]);
        (await api.WithDbAsync(db => db.Set<JobRun>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task OnlyTheNationalTeamSendsSmsOutsideQuietHours()
    {
        var m = await MessagingWorld.CreateAsync(api);
        var answer = await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "SMS", body = "Ce soir ! STOP 36180", definition = new { }, ignoreQuietHours = true });
        answer.PayloadErrorCodes("composeMessage").ShouldBe(["NATIONAL_ONLY"]);
        var national = await m.ComposeRawAsync(new { channel = "SMS", body = "Ce soir ! STOP 36180", definition = new { }, ignoreQuietHours = true }, TestWorld.National);
        national.PayloadErrorCodes("composeMessage").ShouldBeEmpty();
    }

    [Fact]
    public async Task AnSmsWaitsForEightOClockInTheRecipientsTimeZone()
    {
        // Paris (awake 7–19 UTC), Martinique (12–24 UTC) and Nouméa (21–9 UTC): whatever the hour, one of them is asleep.
        // (A Polynesian number would not do: Polynesia spans three zones, so outside its federation it is read at Paris's.)
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            w.People[TestWorld.MemberS1].Phone = "+33612000099";
            w.People[TestWorld.SupporterS1].Phone = "+596696100042";
            w.People[TestWorld.OtherS1].Phone = "+687751234";
        });
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1);
        var id = await m.ComposeAsync("SMS");
        await m.SendAsync(id);
        await m.RunSendsAsync();

        var now = DateTime.UtcNow;
        var rows = await m.OutboxAsync(id);
        rows.Count.ShouldBe(3);
        var asleep = rows.Where(r => QuietHours.NextAllowed(now, r.TimeZone!) > now.AddMinutes(1)).ToList();
        asleep.ShouldNotBeEmpty();
        foreach (var row in rows)
        {
            var opens = QuietHours.NextAllowed(row.CreatedAt, row.TimeZone!);
            if (opens > row.CreatedAt)
            {
                row.Status.ShouldBe(OutboxStatus.Queued, row.TimeZone);
                row.ErrorCode.ShouldBe("QUIET_HOURS");
                row.NextAttemptAt.ShouldBe(opens, TimeSpan.FromSeconds(1));
                TimeZoneInfo.ConvertTimeFromUtc(row.NextAttemptAt, TimeZoneInfo.FindSystemTimeZoneById(row.TimeZone!)).Hour.ShouldBe(8);
            }
            else row.Status.ShouldBe(OutboxStatus.Sent, row.TimeZone);
        }
        // The rest is sent by a run scheduled for the earliest opening.
        var next = await api.WithDbAsync(db => db.Set<JobRun>().CountAsync(r => r.Kind == SendMessageJob.Kind && r.Status == JobRunStatus.Queued));
        next.ShouldBe(1);
        (await m.MessageAsync(id))["status"]!.GetValue<string>().ShouldBe("SENDING");
    }

    [Fact]
    public async Task ACampaignMessageIsRefusedDuringElectoralSilenceOverItsTerritoryAndHeldWhereOnlyPartOfItIsSilent()
    {
        var m = await MessagingWorld.CreateAsync(api);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.PersonS2, TestWorld.PersonS3);
        await api.WithDbAsync(async db =>
        {
            db.Add(new SilencePeriod { Scope = "29", Name = "Législative partielle 29", StartsAt = DateTime.UtcNow.AddHours(-1), EndsAt = DateTime.UtcNow.AddHours(5), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

        var s1 = await m.ComposeAsync();
        var refused = await m.SendRawAsync(s1);
        refused.PayloadErrorCodes("sendMessage").ShouldBe(["ELECTORAL_SILENCE"]);

        // Not campaigning (a meeting of members): it goes.
        var meeting = await m.ComposeAsync(campaign: false, definition: new { kinds = new[] { "MEMBER" } });
        await m.SendAsync(meeting);

        // From the national team to everyone: Finistère's recipients are held with the reason, the others get it.
        var national = await m.ComposeAsync(asEmail: TestWorld.National, national: true);
        await m.SendAsync(national, TestWorld.National);
        await m.RunSendsAsync();

        (await m.OutboxAsync(meeting)).ShouldHaveSingleItem().Status.ShouldBe(OutboxStatus.Sent);
        var rows = await m.OutboxAsync(national);
        rows.Single(r => r.Address == TestWorld.PersonS3).Status.ShouldBe(OutboxStatus.Sent);
        foreach (var held in rows.Where(r => r.Address != TestWorld.PersonS3))
        {
            held.Status.ShouldBe(OutboxStatus.Held);
            held.Note.ShouldBe("Electoral silence: Législative partielle 29");
        }
        (await m.MessageAsync(national, TestWorld.National))["stats"]!["held"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task AScheduledMessageWaitsForItsTimeAndACancelledOneIsNeverSent()
    {
        var m = await MessagingWorld.CreateAsync(api);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1);
        var id = await m.ComposeAsync();
        var scheduled = await m.SendRawAsync(id, at: DateTime.UtcNow.AddHours(3));
        scheduled.PayloadErrorCodes("sendMessage").ShouldBeEmpty();
        scheduled.At("sendMessage.message.status")!.GetValue<string>().ShouldBe("SCHEDULED");
        (await m.SendRawAsync(id)).PayloadErrorCodes("sendMessage").ShouldBe(["MESSAGE_NOT_DRAFT"]);
        (await m.GraphQL.PostAsync("mutation($id: ID!) { cancelMessage(messageId: $id) { message { status } errors { code } } }", new { id }, TestWorld.SecretaryS1))
            .At("cancelMessage.message.status")!.GetValue<string>().ShouldBe("CANCELLED");

        // Its run comes at the planned time and finds it cancelled.
        (await m.RunSendsAsync()).ShouldBe(1);
        (await m.OutboxAsync(id)).ShouldBeEmpty();
        (await m.MessageAsync(id))["status"]!.GetValue<string>().ShouldBe("CANCELLED");
        (await m.SendRawAsync(id, at: DateTime.UtcNow.AddDays(100))).PayloadErrorCodes("sendMessage").ShouldBe(["MESSAGE_NOT_DRAFT"]);
    }

    [Fact]
    public async Task ACommunesOwnSilenceHoldsThoseWhoLiveThereOnly()
    {
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            w.People[TestWorld.MemberS1].Location = new NetTopologySuite.Geometries.Point(-4.486, 48.390) { SRID = 4326 }; // Brest
            w.People[TestWorld.SupporterS1].Location = new NetTopologySuite.Geometries.Point(-4.10, 47.996) { SRID = 4326 }; // Quimper
        });
        (await Importing.RunAsync(api, "communes", SharedData.File("boundaries", "communes-29-finistere.geojson"))).ShouldHaveSucceeded();
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1);
        await api.WithDbAsync(async db =>
        {
            db.Add(new SilencePeriod { Scope = "29019", Name = "Municipale partielle de Brest", StartsAt = DateTime.UtcNow.AddHours(-1), EndsAt = DateTime.UtcNow.AddHours(5), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        var id = await m.ComposeAsync();
        await m.SendAsync(id); // the section's federation is not silent: it goes, but not to Brest
        await m.RunSendsAsync();

        var rows = (await m.OutboxAsync(id)).ToDictionary(r => r.Address);
        rows[TestWorld.MemberS1].CommuneCode.ShouldBe("29019");
        rows[TestWorld.MemberS1].Status.ShouldBe(OutboxStatus.Held);
        rows[TestWorld.SupporterS1].CommuneCode.ShouldBe("29232");
        rows[TestWorld.SupporterS1].Status.ShouldBe(OutboxStatus.Sent);
        rows[TestWorld.OtherS1].Status.ShouldBe(OutboxStatus.Sent); // no known place: their federation decides
    }

    [Fact]
    public async Task AnotherSectionsSecretaryNeitherSeesNorSendsFromTheSection()
    {
        var m = await MessagingWorld.CreateAsync(api);
        var id = await m.ComposeAsync();
        (await m.GraphQL.PostAsync("query($id: ID!) { message(id: $id) { id } node(id: $id) { id } }", new { id }, TestWorld.SecretaryS2))
            .ShouldHaveNoErrors().Data!.ToJsonString().ShouldBe("""{"message":null,"node":null}""");
        (await m.SendRawAsync(id, TestWorld.SecretaryS2)).PayloadErrorCodes("sendMessage").ShouldBe(["MESSAGE_NOT_FOUND"]);
        (await m.ComposeRawAsync(new { sectionId = m.World.S1Id, channel = "EMAIL", subject = "x", body = "x", definition = new { } }, TestWorld.SecretaryS2))
            .PayloadErrorCodes("composeMessage").ShouldBe(["FORBIDDEN"]);
        // A member without the right sees nothing either.
        (await m.GraphQL.PostAsync("query($s: ID) { messages(sectionId: $s) { totalCount } }", new { s = m.World.S1Id }, TestWorld.MemberS1))
            .ErrorCodes.ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task TheOneClickUnsubscribeOfANewsletterRecordsTheWithdrawalAndAGetChangesNothing()
    {
        var m = await MessagingWorld.CreateAsync(api);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1);
        var id = await m.ComposeAsync();
        await m.SendAsync(id);
        await m.RunSendsAsync();
        var row = (await m.OutboxAsync(id)).Single();
        string token;
        await using (var scope = api.Factory.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<UnsubscribeLinks>().TokenAsync(row.Id, CancellationToken.None);
        using var client = api.Factory.CreateClient();

        (await client.GetAsync($"/messaging/unsubscribe/{token}")).IsSuccessStatusCode.ShouldBeFalse();
        (await m.ConsentsOfAsync(TestWorld.MemberS1)).Single(c => c.Channel == ConsentChannel.Email && c.Purpose == ConsentPurpose.News).Granted.ShouldBeTrue();
        var forged = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];
        (await client.PostAsync($"/messaging/unsubscribe/{forged}", null)).StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);

        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        (await client.PostAsync($"/messaging/unsubscribe/{token}", oneClick)).IsSuccessStatusCode.ShouldBeTrue();
        var email = (await m.ConsentsOfAsync(TestWorld.MemberS1)).Single(c => c.Channel == ConsentChannel.Email && c.Purpose == ConsentPurpose.News);
        email.Granted.ShouldBeFalse();
        email.Method.ShouldBe(ConsentMethod.UnsubscribeLink);

        // The next newsletter does not go to them, and a manager cannot give the consent back.
        var next = await m.ComposeAsync();
        (await m.SendRawAsync(next)).PayloadErrorCodes("sendMessage").ShouldBe(["EMPTY_SEGMENT"]);
    }
}
