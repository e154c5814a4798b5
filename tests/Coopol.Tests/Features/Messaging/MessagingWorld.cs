using System.Text.Json.Nodes;
using Coopol.Common;
using Coopol.Features.JobRuns;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Messaging;

/// <summary>The test world with a mobile number of its own for each person, consents recorded as given on paper, and
/// helpers to write, send and run a message's jobs in-process (as Hangfire would: a scope per run).</summary>
public sealed class MessagingWorld(ApiFixture api, TestWorld world)
{
    public TestWorld World { get; } = world;
    public GraphQLClient GraphQL { get; } = new(api.Factory);
    public ApiFixture Api { get; } = api;

    public const string Errors = "errors { code message ... on ValidationError { field } }";
    public const string MessageFields = """
        id channel status subject body matched withoutConsent withoutContact duplicates queued stopCode stopReason
        stats { queued held sending sent delivered failed bounced optedOut tests }
        """;

    public static async Task<MessagingWorld> CreateAsync(ApiFixture api, Action<TestWorld>? tweak = null)
    {
        var world = await TestWorld.CreateAsync(api, w =>
        {
            var n = 10;
            foreach (var person in w.People.Values) person.Phone = $"+336120000{n++:00}";
            tweak?.Invoke(w);
        });
        return new MessagingWorld(api, world);
    }

    /// <summary>S1's delegate holds SEND_MESSAGES only (not VIEW_PEOPLE): they send without seeing the people.</summary>
    public static void DelegateSends(TestWorld w)
    {
        var g = w.Grants[TestWorld.DelegateS1];
        w.Grants[TestWorld.DelegateS1] = new Coopol.Access.RoleGrant
        {
            PersonId = g.PersonId, Role = g.Role, Level = g.Level, FederationCode = g.FederationCode, SectionId = g.SectionId,
            Permissions = Coopol.Access.Permission.SendMessages, ParentGrantId = g.ParentGrantId, GrantedById = g.GrantedById, GrantedAt = g.GrantedAt,
        };
    }

    /// <summary>Where test numbers come from: a zone each, awake at different hours (Paris, Martinique, Nouméa, Tokyo:
    /// between them, every hour of the day is covered with an hour to spare). Each number is a valid mobile with that one
    /// zone (<see cref="MessagingWorldTests"/> checks it at any hour).</summary>
    public static readonly (string Zone, Func<int, string> Number)[] TestZones =
    [
        ("Europe/Paris", i => $"+3361299{i:0000}"), ("America/Martinique", i => $"+59669610{i:0000}"),
        ("Pacific/Noumea", i => $"+68775{i:0000}"), ("Asia/Tokyo", i => $"+819012{i:000000}"),
    ];

    /// <summary>Mobile numbers where it is now between 8:00 and 19:00, so that a test's SMS is not held for quiet hours
    /// whatever the hour it runs.</summary>
    public static IReadOnlyList<string> AwakeNumbers(int count)
    {
        var now = DateTime.UtcNow;
        var (_, number) = TestZones.First(z => QuietHours.NextAllowed(now, z.Zone) == now && QuietHours.NextAllowed(now.AddHours(1), z.Zone) == now.AddHours(1));
        return Enumerable.Range(1, count).Select(number).ToList();
    }

    public string PhoneOf(string email) => World.People[email].Phone!;

    /// <summary>Consents as a manager would record them from a paper form.</summary>
    public Task ConsentAsync(ConsentChannel channel, params string[] emails) => ConsentAsync(channel, ConsentPurpose.News, true, emails);

    public async Task ConsentAsync(ConsentChannel channel, ConsentPurpose purpose, bool granted, params string[] emails) =>
        await Api.WithDbAsync(async db =>
        {
            var at = DateTime.UtcNow;
            foreach (var email in emails)
                db.Add(new ConsentRecord
                {
                    PersonId = World.People[email].Id, Purpose = purpose, Channel = channel, Granted = granted,
                    Method = granted ? ConsentMethod.PaperForm : ConsentMethod.Oral, At = at,
                    WordingVersion = granted ? ConsentWordings.Current(purpose, channel).Version : null,
                });
            return await db.SaveChangesAsync();
        });

    public async Task<GraphQLAnswer> ComposeRawAsync(object input, string asEmail = TestWorld.SecretaryS1) =>
        await GraphQL.PostAsync($"mutation($i: ComposeMessageInput!) {{ composeMessage(input: $i) {{ message {{ {MessageFields} }} {Errors} }} }}",
            new { i = input }, asEmail);

    /// <summary>A draft to S1's people (or the given filters) by S1's secretary; returns its id.</summary>
    public async Task<string> ComposeAsync(string channel = "EMAIL", string body = "Bonjour {{firstName}}, rendez-vous samedi. STOP au 36180",
        object? definition = null, string? segmentId = null, string asEmail = TestWorld.SecretaryS1, string? sectionId = null, bool campaign = true,
        string? federationCode = null, bool national = false)
    {
        var answer = (await ComposeRawAsync(new
        {
            sectionId = national || federationCode is not null ? null : sectionId ?? World.S1Id, federationCode, channel, subject = channel == "EMAIL" ? "Nouvelles de {{section}}" : null, body,
            definition = segmentId is null ? definition ?? new { } : null, segmentId, campaign,
        }, asEmail)).ShouldHaveNoErrors();
        answer.PayloadErrorCodes("composeMessage").ShouldBeEmpty(answer.Json.ToJsonString());
        return answer.At("composeMessage.message.id")!.GetValue<string>();
    }

    public async Task<GraphQLAnswer> SendRawAsync(string messageId, string asEmail = TestWorld.SecretaryS1, DateTime? at = null) =>
        await GraphQL.PostAsync($"mutation($i: SendMessageInput!) {{ sendMessage(input: $i) {{ message {{ {MessageFields} }} {Errors} }} }}",
            new { i = new { messageId, at = at?.ToString("O") } }, asEmail);

    public async Task SendAsync(string messageId, string asEmail = TestWorld.SecretaryS1)
    {
        var answer = (await SendRawAsync(messageId, asEmail)).ShouldHaveNoErrors();
        answer.PayloadErrorCodes("sendMessage").ShouldBeEmpty(answer.Json.ToJsonString());
    }

    public async Task<JsonNode> MessageAsync(string messageId, string asEmail = TestWorld.SecretaryS1) =>
        (await GraphQL.PostAsync($"query($id: ID!) {{ message(id: $id) {{ {MessageFields} }} }}", new { id = messageId }, asEmail))
        .ShouldHaveNoErrors().At("message")!;

    /// <summary>Runs the message-send jobs queued so far (not those they queue in turn), each in a scope of its own, with
    /// the services of the given host (one configured with Twilio or SMTP, or the tests' API).</summary>
    public async Task<int> RunSendsAsync(IServiceProvider? services = null)
    {
        services ??= Api.Factory.Services;
        var runs = await Api.WithDbAsync(db => db.Set<JobRun>().AsNoTracking()
            .Where(r => r.Kind == SendMessageJob.Kind && r.Status == JobRunStatus.Queued).OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync());
        foreach (var run in runs)
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SendMessageJob>().RunAsync(run, CancellationToken.None);
        }
        return runs.Count;
    }

    public Task<List<OutboxMessage>> OutboxAsync(string messageId)
    {
        var id = GlobalId.TryDecodeGuid(messageId, MessageService.NodeType)!.Value;
        return Api.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(o => o.MessageId == id).OrderBy(o => o.Id).ToListAsync());
    }

    public Task<List<CurrentConsent>> ConsentsOfAsync(string email) => Api.WithDbAsync(async db =>
    {
        var id = World.People[email].Id;
        var lines = await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.PersonId == id).ToListAsync();
        return lines.GroupBy(c => (c.Purpose, c.Channel)).Select(g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First())
            .Select(c => new CurrentConsent(id, c.Purpose, c.Channel, c.Granted, c.Method, c.At)).ToList();
    });
}
