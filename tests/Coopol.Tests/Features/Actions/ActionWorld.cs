using System.Text.Json.Nodes;
using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Actions;

/// <summary>What the action tests start from: the test world, Finistère's communes with their boundaries (so Brest's
/// postcode has a point), and S1's territory = Brest.</summary>
public sealed class ActionWorld(GraphQLClient graphql, TestWorld world)
{
    /// <summary>Place de la Liberté, Brest.</summary>
    public const double BrestLat = 48.3897, BrestLon = -4.4861;

    public TestWorld World { get; } = world;
    public GraphQLClient GraphQL { get; } = graphql;

    public const string ActionFields = """
        id title status visibility kind startsAt endsAt meetingAddress meetingPoint { latitude longitude }
        approximatePoint { latitude longitude } viewerManages viewerOrganizes viewerParticipation
        attendance { confirmed waiting checkedIn target capacity placesLeft }
        """;

    public const string Errors = "errors { code message ... on ValidationError { field } }";

    public static async Task<ActionWorld> CreateAsync(ApiFixture api, GraphQLClient graphql)
    {
        var world = await TestWorld.CreateAsync(api);
        (await Importing.RunAsync(api, "communes", SharedData.File("boundaries", "communes-29-finistere.geojson"))).ShouldHaveSucceeded();
        await api.WithDbAsync(async db =>
        {
            db.Add(new SectionArea { SectionId = world.S1.Id, CommuneCode = "29019" });
            await db.SaveChangesAsync();
            await new TerritoryService(db).RefreshAsync(null, CancellationToken.None);
            return 0;
        });
        return new ActionWorld(graphql, world);
    }

    public static object Input(string title = "Porte-à-porte Siam", string visibility = "PUBLIC", int target = 5, int? capacity = 10,
        double lat = BrestLat, double lon = BrestLon, DateTime? startsAt = null, TimeSpan? duration = null, string kind = "DOOR_TO_DOOR")
    {
        var starts = startsAt ?? DateTime.UtcNow.Date.AddDays(3).AddHours(9);
        return new
        {
            kind, title, description = "On frappe aux portes.", startsAt = starts.ToString("O"),
            endsAt = (starts + (duration ?? TimeSpan.FromHours(2))).ToString("O"),
            meetingAddress = "Place de la Liberté, 29200 Brest", meetingPoint = new { latitude = lat, longitude = lon },
            attendanceTarget = target, capacity, visibility,
        };
    }

    public async Task<GraphQLAnswer> CreateRawAsync(object input, string asEmail, string? sectionId = null, bool publish = true) =>
        await GraphQL.PostAsync($"mutation($i: CreateActionInput!) {{ createAction(input: $i) {{ action {{ {ActionFields} }} {Errors} }} }}",
            new { i = new { sectionId = sectionId ?? World.S1Id, action = input, publish } }, asEmail);

    /// <summary>Creates (and publishes) an action as S1's secretary; returns its id.</summary>
    public async Task<string> CreateAsync(object? input = null, bool publish = true, string asEmail = TestWorld.SecretaryS1, string? sectionId = null)
    {
        var answer = (await CreateRawAsync(input ?? Input(), asEmail, sectionId, publish)).ShouldHaveNoErrors();
        answer.PayloadErrorCodes("createAction").ShouldBeEmpty(answer.Json.ToJsonString());
        return answer.At("createAction.action.id")!.GetValue<string>();
    }

    public async Task<JsonNode?> ActionAsync(string id, string? asEmail) =>
        (await GraphQL.PostAsync($"query($id: ID!) {{ action(id: $id) {{ {ActionFields} }} }}", new { id }, asEmail)).ShouldHaveNoErrors().At("action");

    public async Task<GraphQLAnswer> JoinAsync(string id, string asEmail, bool waitIfFull = true) =>
        (await GraphQL.PostAsync($"mutation($id: ID!, $w: Boolean) {{ joinAction(actionId: $id, waitIfFull: $w) {{ action {{ {ActionFields} }} {Errors} }} }}",
            new { id, w = waitIfFull }, asEmail)).ShouldHaveNoErrors();

    public const string VisitorFields = $"joined {{ status confirmationSentTo action {{ {ActionFields} }} }} {Errors}";

    /// <summary>A visitor's request: nothing is created until they follow the link sent to them.</summary>
    public async Task<GraphQLAnswer> RequestVisitorAsync(string id, string? email, string first = "Yann", string last = "Le Gall", string? phone = null,
        bool consentEmail = true, bool consentSms = false, object? near = null) =>
        (await GraphQL.PostAsync($"mutation($i: JoinActionAsVisitorInput!) {{ joinActionAsVisitor(input: $i) {{ {VisitorFields} }} }}",
            new { i = new { actionId = id, firstName = first, lastName = last, email, phone, consentEmail, consentSms, near = near ?? new { place = "29200" } } }))
        .ShouldHaveNoErrors();

    /// <summary>The token of the newest confirmation sent to this contact, read from the outbox as the national team.</summary>
    public async Task<string?> TokenSentToAsync(string contact)
    {
        var outbox = (await GraphQL.PostAsync("{ actionOutbox(first: 200) { kind recipient body } }", asEmail: TestWorld.National)).ShouldHaveNoErrors();
        var body = outbox.At("actionOutbox")!.AsArray().FirstOrDefault(n => n!["kind"]!.GetValue<string>() == "CONFIRM_SIGNUP"
            && n["recipient"]!.GetValue<string>() == contact)?["body"]?.GetValue<string>();
        return body?[(body.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..];
    }

    public async Task<GraphQLAnswer> ConfirmAsync(string token) =>
        (await GraphQL.PostAsync($"mutation($t: String!) {{ confirmVisitorSignup(token: $t) {{ {VisitorFields} }} }}", new { t = token })).ShouldHaveNoErrors();

    /// <summary>Request and confirm: the answer of the confirmation (joined under confirmVisitorSignup).</summary>
    public async Task<GraphQLAnswer> JoinAsVisitorAsync(string id, string email, string first = "Yann", string last = "Le Gall", string? phone = null,
        bool consentEmail = true, bool consentSms = false, object? near = null)
    {
        var request = await RequestVisitorAsync(id, email, first, last, phone, consentEmail, consentSms, near);
        if (request.PayloadErrorCodes("joinActionAsVisitor").Count > 0) return request;
        var token = await TokenSentToAsync(email.Trim().ToLowerInvariant());
        token.ShouldNotBeNull("a confirmation link went to the outbox");
        return await ConfirmAsync(token);
    }

    public async Task<JsonArray> NearbyAsync(object near, string? asEmail, double radiusKm = 10, string extra = "") =>
        (await GraphQL.PostAsync($"query($n: NearInput!, $r: Float) {{ nearbyActions(near: $n, radiusKm: $r{extra}) {{ place {{ label communeCode }} actions {{ edges {{ node {{ distanceMeters action {{ {ActionFields} }} }} }} }} }} }}",
            new { n = near, r = radiusKm }, asEmail)).ShouldHaveNoErrors().At("nearbyActions.actions.edges")!.AsArray();
}
