using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SmtpServer.Protocol;

namespace Coopol.Tests.Features.Messaging;

/// <summary>Newsletters through a real SMTP exchange: MailKit talks to an SMTP server the test starts on a local port.</summary>
[Collection(ApiCollection.Name)]
public sealed class SmtpTests(ApiFixture api)
{
    [Fact]
    public async Task ANewsletterLeavesBySmtpWithItsTemplateVariablesAndOneClickUnsubscribeHeaders()
    {
        var providers = await api.ProvidersAsync();
        var m = await MessagingWorld.CreateAsync(api, w => w.People[TestWorld.MemberS1].FirstName = "<b>Marie</b>");
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.SupporterS1);
        (await m.GraphQL.PostAsync("mutation($i: SectionMailTemplateInput!) { setSectionMailTemplate(input: $i) { errors { code } } }",
            new { i = new { sectionId = m.World.S1Id, senderName = "Section Alpha", footer = "Section Alpha · 1 place de la Liberté, Brest" } }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("setSectionMailTemplate").ShouldBeEmpty();
        var id = await m.ComposeAsync("EMAIL", "# Samedi\n\nBonjour {{firstName}}, on frappe aux portes à **10h**.\n\n<script>alert(1)</script>");
        await m.SendAsync(id);
        await m.RunSendsAsync(providers.Services);

        providers.Smtp.Received.Count.ShouldBe(2);
        var mail = providers.Smtp.To(TestWorld.MemberS1).ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Nouvelles de Alpha");
        mail.From.Mailboxes.Single().Name.ShouldBe("Section Alpha");
        mail.From.Mailboxes.Single().Address.ShouldBe(ProviderHost.MailFrom);
        mail.Headers["List-Unsubscribe-Post"].ShouldBe("List-Unsubscribe=One-Click");
        var unsubscribe = mail.Headers["List-Unsubscribe"];
        unsubscribe.ShouldStartWith($"<{ProviderHost.PublicUrl}/messaging/unsubscribe/");
        var html = mail.HtmlBody.ShouldNotBeNull();
        html.ShouldContain("<h1");
        html.ShouldContain("<strong>10h</strong>");
        // A first name and raw HTML in the text are shown as text, never run.
        html.ShouldContain("Bonjour &lt;b&gt;Marie&lt;/b&gt;");
        html.ShouldNotContain("<script>");
        html.ShouldContain("Section Alpha · 1 place de la Liberté, Brest");
        html.ShouldContain($"{ProviderHost.PublicUrl}/unsubscribe/");
        mail.TextBody.ShouldNotBeNull().ShouldContain("Bonjour <b>Marie</b>");

        var rows = await m.OutboxAsync(id);
        rows.ShouldAllBe(r => r.Status == OutboxStatus.Sent);
        rows.Single(r => r.Address == TestWorld.MemberS1).ProviderId.ShouldBe(mail.MessageId);

        // The one-click POST of the header records the withdrawal at once.
        var path = new Uri(unsubscribe.Trim('<', '>')).AbsolutePath;
        using var client = providers.Host.CreateClient();
        using var oneClick = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
        (await client.PostAsync(path, oneClick)).IsSuccessStatusCode.ShouldBeTrue();
        (await m.ConsentsOfAsync(TestWorld.MemberS1)).Where(c => c.Channel == ConsentChannel.Email).ShouldAllBe(c => !c.Granted);
    }

    [Fact]
    public async Task AnSmtpRefusalIsRetriedWhenTemporaryAndFailsWhenPermanent()
    {
        var providers = await api.ProvidersAsync();
        var m = await MessagingWorld.CreateAsync(api);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1);
        providers.Smtp.Refuse(TestWorld.MemberS1, (SmtpReplyCode)450); // mailbox busy: try again later
        providers.Smtp.Refuse(TestWorld.SupporterS1, (SmtpReplyCode)553); // mailbox name not allowed
        var id = await m.ComposeAsync();
        await m.SendAsync(id);
        await m.RunSendsAsync(providers.Services);

        var rows = (await m.OutboxAsync(id)).ToDictionary(r => r.Address);
        rows[TestWorld.MemberS1].Status.ShouldBe(OutboxStatus.Queued);
        rows[TestWorld.MemberS1].ErrorCode.ShouldBe("SMTP_450");
        rows[TestWorld.SupporterS1].Status.ShouldBe(OutboxStatus.Failed);
        rows[TestWorld.SupporterS1].ErrorCode.ShouldBe("SMTP_553");
        rows[TestWorld.OtherS1].Status.ShouldBe(OutboxStatus.Sent);

        await api.WithDbAsync(db => db.Set<OutboxMessage>().Where(o => o.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.NextAttemptAt, DateTime.UtcNow.AddSeconds(-1))));
        await m.RunSendsAsync(providers.Services);
        (await m.OutboxAsync(id)).Single(r => r.Address == TestWorld.MemberS1).Status.ShouldBe(OutboxStatus.Sent);
        providers.Smtp.To(TestWorld.MemberS1).Count.ShouldBe(1);
        providers.Smtp.To(TestWorld.SupporterS1).ShouldBeEmpty();
        providers.Smtp.To(TestWorld.OtherS1).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ATestSendGoesToItsAuthorAloneEvenWithoutConsent()
    {
        var providers = await api.ProvidersAsync();
        var m = await MessagingWorld.CreateAsync(api);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1);
        var id = await m.ComposeAsync();
        (await m.GraphQL.PostAsync("mutation($id: ID!) { testSendMessage(messageId: $id) { message { status } errors { code } } }", new { id },
            TestWorld.SecretaryS1)).PayloadErrorCodes("testSendMessage").ShouldBeEmpty();
        await m.RunSendsAsync(providers.Services);

        providers.Smtp.Received.ShouldHaveSingleItem().To.Mailboxes.Single().Address.ShouldBe(TestWorld.SecretaryS1);
        var message = await m.MessageAsync(id);
        message["status"]!.GetValue<string>().ShouldBe("DRAFT");
        message["stats"]!["tests"]!.GetValue<int>().ShouldBe(1);
    }
}
