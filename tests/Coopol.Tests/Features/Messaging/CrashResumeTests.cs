using Coopol.Common;
using Coopol.Features.JobRuns;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Messaging;

/// <summary>Never twice: the worker host, a process of its own, is killed in the middle of a batch of SMS (some handed
/// to Twilio, some on their way, some not yet), and the send resumes: every number gets its SMS exactly once.</summary>
[Collection(ApiCollection.Name)]
public sealed class CrashResumeTests(ApiFixture api)
{
    private const int Recipients = 120;

    [Fact]
    public async Task AWorkerKilledInTheMiddleOfABatchResumesWithoutSendingTwice()
    {
        var providers = await api.ProvidersAsync();
        var phones = MessagingWorld.AwakeNumbers(Recipients);
        var emails = Enumerable.Range(0, Recipients).Select(i => $"volunteer{i}@test.coopol.fr").ToArray();
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            for (var i = 0; i < Recipients; i++) w.Add(emails[i], $"Bénévole{i}", "Test", w.S1, PersonKind.Supporter).Phone = phones[i];
        });
        await m.ConsentAsync(ConsentChannel.Sms, emails);
        providers.Twilio.Delay = TimeSpan.FromMilliseconds(40);
        var id = await m.ComposeAsync("SMS", definition: new { kinds = new[] { "SUPPORTER" } });

        using (var worker = WorkerProcess.Start(new Dictionary<string, string>
               {
                   ["Twilio__AccountSid"] = providers.Twilio.AccountSid, ["Twilio__AuthToken"] = providers.Twilio.AuthToken,
                   ["Twilio__BaseUrl"] = providers.Twilio.Url, ["Twilio__From"] = ProviderHost.SmsSender,
               }))
        {
            // Sent through the API: Hangfire hands the job to the worker process.
            await m.SendAsync(id);
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (providers.Twilio.Received.Count < 40)
            {
                if (worker.HasExited) throw new InvalidOperationException("The worker stopped: " + worker.Errors);
                if (DateTime.UtcNow > deadline) throw new TimeoutException("The worker sent nothing within 90 s: " + worker.Errors);
                await Task.Delay(20);
            }
            worker.Kill();
        }
        var rows = await m.OutboxAsync(id);
        var cutShort = rows.Count(r => r.Status == OutboxStatus.Sending);
        cutShort.ShouldBeGreaterThan(0, "the kill should catch rows handed to Twilio and not yet recorded");
        rows.Count(r => r.Status == OutboxStatus.Queued).ShouldBeGreaterThan(0);
        await Task.Delay(200); // Twilio finishes what was on its way when the worker died.

        // The recurring check finds the send cut short and starts a run as its author; it resumes.
        await using (var scope = providers.Services.CreateAsyncScope())
        {
            var resume = scope.ServiceProvider.GetRequiredService<ResumeMessagesJob>();
            (await resume.RunAsync(CancellationToken.None)).ShouldBe(1);
        }
        var deadlineResume = DateTime.UtcNow.AddSeconds(30);
        while ((await m.MessageAsync(id))["status"]!.GetValue<string>() != "SENT")
        {
            // The dead worker's lock goes with its connection; until PostgreSQL has noticed, a run steps aside.
            if (await m.RunSendsAsync(providers.Services) == 0 && await RequeueAsync(id) == 0 && DateTime.UtcNow > deadlineResume)
                throw new TimeoutException("The send did not resume.");
            await Task.Delay(200);
        }

        var received = providers.Twilio.Received.GroupBy(s => s.To).ToDictionary(g => g.Key, g => g.Count());
        received.Count.ShouldBe(Recipients);
        received.Values.ShouldAllBe(count => count == 1, "a number got its SMS twice");
        rows = await m.OutboxAsync(id);
        rows.ShouldAllBe(r => r.Status == OutboxStatus.Sent);
        rows.Select(r => r.ProviderId).ShouldBe(providers.Twilio.Received.Select(s => s.Sid), ignoreOrder: true);
        rows.Count(r => r.Note == "Found at the provider after an interruption").ShouldBeLessThanOrEqualTo(cutShort);
    }

    /// <summary>A run that found the lock still held finished without sending: start another as the recurring check would.</summary>
    private async Task<int> RequeueAsync(string messageId)
    {
        var id = GlobalId.TryDecodeGuid(messageId, MessageService.NodeType)!.Value;
        var message = await api.WithDbAsync(db => db.Set<Message>().AsNoTracking().SingleAsync(x => x.Id == id));
        if (message.Status != MessageStatus.Sending) return 0;
        await using var scope = api.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Coopol.Access.CallerContext>().ActFor(message.SentById!.Value);
        await scope.ServiceProvider.GetRequiredService<MessageService>().StartSendAsync(message, null, CancellationToken.None);
        return 1;
    }

    [Fact]
    public async Task AWithdrawalRecordedWhileABatchIsSentStopsTheSendsThatRemainToThatPerson()
    {
        var providers = await api.ProvidersAsync();
        const int count = 60;
        var phones = MessagingWorld.AwakeNumbers(count);
        var emails = Enumerable.Range(0, count).Select(i => $"volunteer{i}@test.coopol.fr").ToArray();
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            for (var i = 0; i < count; i++) w.Add(emails[i], $"Bénévole{i}", "Test", w.S1, PersonKind.Supporter).Phone = phones[i];
        });
        await m.ConsentAsync(ConsentChannel.Sms, emails);
        // While the first batch is being handed over, the recipient of the last row withdraws (in Coopol, as the person).
        string? last = null;
        providers.Twilio.OnReceived = async _ =>
        {
            if (Interlocked.CompareExchange(ref last, "", null) is not null) return;
            var row = await api.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().OrderByDescending(o => o.Id).FirstAsync());
            last = m.World.People.Single(p => p.Value.Id == row.PersonId).Key;
            await m.ConsentAsync(ConsentChannel.Sms, ConsentPurpose.News, false, last);
        };
        var id = await m.ComposeAsync("SMS", definition: new { kinds = new[] { "SUPPORTER" } });
        await m.SendAsync(id);
        await m.RunSendsAsync(providers.Services);

        last.ShouldNotBeNullOrEmpty();
        providers.Twilio.CountTo(m.PhoneOf(last)).ShouldBe(0);
        providers.Twilio.Received.Count.ShouldBe(count - 1);
        var row = (await m.OutboxAsync(id)).Single(r => r.Address == m.PhoneOf(last));
        row.Status.ShouldBe(OutboxStatus.OptedOut);
        row.ErrorCode.ShouldBe("NO_CONSENT");
    }
}
