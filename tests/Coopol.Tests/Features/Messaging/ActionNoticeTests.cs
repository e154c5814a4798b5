using Coopol.Features.Actions;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Features.Actions;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Messaging;

/// <summary>One outbox: the notices of actions (a visitor's confirmation link, a cancellation) leave through the same
/// outbox and providers as messages, by the channel the person agreed to, with a link into the web app.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActionNoticeTests(ApiFixture api)
{
    [Fact]
    public async Task AVisitorsConfirmationLinkLeavesByMailAndConfirmsTheirSignUp()
    {
        var providers = await api.ProvidersAsync();
        var graphql = new GraphQLClient(api.Factory);
        var w = await ActionWorld.CreateAsync(api, graphql);
        var id = await w.CreateAsync();
        (await w.RequestVisitorAsync(id, "yann@example.org")).PayloadErrorCodes("joinActionAsVisitor").ShouldBeEmpty();
        await SendNoticesAsync(providers);

        var mail = providers.Smtp.To("yann@example.org").ShouldHaveSingleItem();
        mail.Subject.ShouldStartWith("Confirmez votre inscription / Confirm your sign-up");
        var text = mail.TextBody.ShouldNotBeNull();
        var start = text.IndexOf($"{ProviderHost.PublicUrl}/actions/confirm?token=", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, text);
        mail.Headers["List-Unsubscribe"].ShouldBeNull(); // their own request: nothing to unsubscribe from
        var token = text[(text.IndexOf("token=", start, StringComparison.Ordinal) + 6)..].Split('\n', ' ', '\r')[0];
        // Taken by a real provider, the link is its recipient's alone: not kept, and the national list is not shown then.
        var row = await api.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(o => o.Address == "yann@example.org"));
        row.Status.ShouldBe(OutboxStatus.Sent);
        row.Body.ShouldBeNull();
        (await new GraphQLClient(api.Factory).PostAsync("{ actionOutbox { kind } }", asEmail: TestWorld.National)).ShouldHaveNoErrors();
        using var client = providers.Host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ actionOutbox { kind } }" }) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            providers.Services.GetRequiredService<Coopol.Api.Auth.LocalTokenIssuer>().Issue(TestWorld.National, TestWorld.National).Token);
        (await (await client.SendAsync(request)).Content.ReadAsStringAsync()).ShouldContain("\"FORBIDDEN\"");
        (await w.ConfirmAsync(token)).At("confirmVisitorSignup.joined.status")!.GetValue<string>().ShouldBe("CONFIRMED");
    }

    [Fact]
    public async Task ACancellationGoesBySmsToThoseWhoAgreedAndNotToWhoWithdrewMeanwhile()
    {
        var providers = await api.ProvidersAsync();
        var graphql = new GraphQLClient(api.Factory);
        var w = await ActionWorld.CreateAsync(api, graphql);
        var phones = MessagingWorld.AwakeNumbers(2);
        var member = w.World.People[TestWorld.MemberS1].Id;
        var other = w.World.People[TestWorld.OtherS1].Id;
        await api.WithDbAsync(async db =>
        {
            await db.People.Where(p => p.Id == member).ExecuteUpdateAsync(u => u.SetProperty(p => p.Phone, phones[0]));
            await db.People.Where(p => p.Id == other).ExecuteUpdateAsync(u => u.SetProperty(p => p.Phone, phones[1]));
            foreach (var person in new[] { member, other })
                db.Add(new ConsentRecord
                {
                    PersonId = person, Purpose = ConsentPurpose.Actions, Channel = ConsentChannel.Sms, Granted = true, Method = ConsentMethod.PaperForm,
                    At = DateTime.UtcNow, WordingVersion = ConsentWordings.Current(ConsentPurpose.Actions, ConsentChannel.Sms).Version,
                });
            return await db.SaveChangesAsync();
        });
        var id = await w.CreateAsync();
        await w.JoinAsync(id, TestWorld.MemberS1);
        await w.JoinAsync(id, TestWorld.OtherS1);
        (await graphql.PostAsync("mutation($i: CancelActionInput!) { cancelAction(input: $i) { errors { code } } }",
            new { i = new { actionId = id, reason = "Pluie" } }, TestWorld.SecretaryS1)).PayloadErrorCodes("cancelAction").ShouldBeEmpty();
        // Between the cancellation and its notice leaving, one of them withdraws.
        await api.WithDbAsync(async db =>
        {
            db.Add(new ConsentRecord
            {
                PersonId = other, Purpose = ConsentPurpose.Actions, Channel = ConsentChannel.Sms, Granted = false, Method = ConsentMethod.WebForm,
                At = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await SendNoticesAsync(providers);

        var sms = providers.Twilio.Received.ShouldHaveSingleItem();
        sms.To.ShouldBe(phones[0]);
        sms.Body.ShouldStartWith("Annulé / Cancelled: Porte-à-porte Siam");
        sms.Body.ShouldContain($"{ProviderHost.PublicUrl}/actions/");
        sms.Body.ShouldEndWith("STOP au 36180");
        var rows = await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(o => o.Kind == nameof(NoticeKind.Cancelled)).ToListAsync());
        rows.Single(r => r.PersonId == member).Status.ShouldBe(OutboxStatus.Sent);
        rows.Single(r => r.PersonId == other).Status.ShouldBe(OutboxStatus.OptedOut);

        // Those who run the action see what was told, and how it went.
        var notices = (await graphql.PostAsync("query($id: ID!) { action(id: $id) { notices { kind status } } }", new { id }, TestWorld.SecretaryS1))
            .ShouldHaveNoErrors().At("action.notices")!.AsArray().Select(n => n!["status"]!.GetValue<string>()).ToList();
        // Not why it did not go for the other: a withdrawal is theirs.
        notices.ShouldBe(["NOT_SENT", "SENT"], ignoreOrder: true);
    }

    [Fact]
    public async Task TheSignUpFormCannotBeUsedToFloodAnInboxOrTextAbroad()
    {
        var providers = await api.ProvidersAsync();
        var graphql = new GraphQLClient(api.Factory);
        var w = await ActionWorld.CreateAsync(api, graphql);
        var first = await w.CreateAsync();
        var second = await w.CreateAsync(ActionWorld.Input(title: "Tractage Saint-Louis"));
        // Three an hour to one inbox, over every action and its "+tag" variants: the fourth is answered alike, and held.
        foreach (var (action, email) in new[] { (first, "victim@example.org"), (first, "victim+1@example.org"), (second, "victim+2@example.org"),
                     (second, "victim+3@example.org") })
            (await w.RequestVisitorAsync(action, email)).PayloadErrorCodes("joinActionAsVisitor").ShouldBeEmpty();
        var rows = await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(o => o.Address.StartsWith("victim")).OrderBy(o => o.Id).ToListAsync());
        rows.Select(r => r.Status).ShouldBe([OutboxStatus.Queued, OutboxStatus.Queued, OutboxStatus.Queued, OutboxStatus.Held]);

        (await w.RequestVisitorAsync(first, null, phone: "+447911123456", consentEmail: false, consentSms: true))
            .PayloadErrorCodes("joinActionAsVisitor").ShouldBe(["MOBILE_NOT_FRENCH"]);
    }

    [Fact]
    public async Task ANumberThatRepliedStopIsNotTextedBySomeoneElsesSignUpUntilStart()
    {
        var providers = await api.ProvidersAsync();
        var graphql = new GraphQLClient(api.Factory);
        var w = await ActionWorld.CreateAsync(api, graphql);
        var id = await w.CreateAsync();
        const string phone = "+33612999001";
        var hooks = new TwilioTestClient(providers);
        await hooks.InboundAsync(phone, "STOP");
        (await w.RequestVisitorAsync(id, null, phone: phone, consentEmail: false, consentSms: true)).PayloadErrorCodes("joinActionAsVisitor").ShouldBeEmpty();
        await SendNoticesAsync(providers);
        providers.Twilio.Received.ShouldBeEmpty();
        (await api.WithDbAsync(db => db.Set<OutboxMessage>().SingleAsync(o => o.Address == phone))).ErrorCode.ShouldBe("UNUSABLE_CONTACT");

        await hooks.InboundAsync(phone, "START");
        (await api.WithDbAsync(db => db.Set<UnusableContact>().AnyAsync(u => u.Address == phone))).ShouldBeFalse();
    }

    [Fact]
    public async Task AReminderGoesOnlyIfThePersonStillTakesPartAndNotIntoASilenceWhereTheyLive()
    {
        var providers = await api.ProvidersAsync();
        var graphql = new GraphQLClient(api.Factory);
        var w = await ActionWorld.CreateAsync(api, graphql);
        var member = w.World.People[TestWorld.MemberS1].Id;
        var elsewhere = w.World.People[TestWorld.PersonS3].Id; // federation 04
        await api.WithDbAsync(async db =>
        {
            foreach (var person in new[] { member, elsewhere })
                db.Add(new ConsentRecord
                {
                    PersonId = person, Purpose = ConsentPurpose.Actions, Channel = ConsentChannel.Email, Granted = true, Method = ConsentMethod.PaperForm,
                    At = DateTime.UtcNow, WordingVersion = ConsentWordings.Current(ConsentPurpose.Actions, ConsentChannel.Email).Version,
                });
            return await db.SaveChangesAsync();
        });
        var id = await w.CreateAsync(ActionWorld.Input(startsAt: DateTime.UtcNow.AddHours(6)));
        await w.JoinAsync(id, TestWorld.MemberS1);
        await w.JoinAsync(id, TestWorld.PersonS3);
        using (var scope = api.Factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<ActionRemindersJob>().RunAsync(CancellationToken.None)).ShouldBe(2);
        // Before the reminders leave: the member gives up their place, and a silence starts where the other one lives.
        (await graphql.PostAsync("mutation($id: ID!) { leaveAction(actionId: $id) { action { id } } }", new { id }, TestWorld.MemberS1)).ShouldHaveNoErrors();
        await api.WithDbAsync(async db =>
        {
            db.Add(new Coopol.Features.Elections.SilencePeriod { Scope = "04", Name = "Silence 04", StartsAt = DateTime.UtcNow.AddHours(-1), EndsAt = DateTime.UtcNow.AddHours(3), CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await SendNoticesAsync(providers);

        providers.Smtp.Received.ShouldBeEmpty();
        var rows = await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(o => o.Kind == nameof(NoticeKind.Reminder)).ToListAsync());
        rows.Single(r => r.PersonId == member).ErrorCode.ShouldBe("NO_LONGER_RELEVANT");
        rows.Single(r => r.PersonId == elsewhere).Status.ShouldBe(OutboxStatus.Held);
    }

    private static async Task SendNoticesAsync(ProviderHost providers)
    {
        await using var scope = providers.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().DispatchNoticesAsync(CancellationToken.None)).ShouldBeTrue();
    }
}
