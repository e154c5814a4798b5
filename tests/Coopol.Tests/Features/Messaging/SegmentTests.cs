using Coopol.Features.Geography;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Tests.Features.Actions;
using Coopol.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace Coopol.Tests.Features.Messaging;

/// <summary>Segments: their filters, their live counts, and what a sender may name in them (only their node's sections,
/// actions and people).</summary>
[Collection(ApiCollection.Name)]
public sealed class SegmentTests(ApiFixture api)
{
    private const string Count = "query($s: ID, $f: String, $d: SegmentDefinitionInput!) { segmentCount(sectionId: $s, federationCode: $f, definition: $d) { matched emailReachable smsReachable smallCountsHidden } }";
    private const string Save = "mutation($i: SaveSegmentInput!) { saveSegment(input: $i) { segment { id name count { matched emailReachable smsReachable } } errors { code message ... on ValidationError { field } } } }";

    /// <summary>A square of about 2 km around Brest's town hall.</summary>
    private const string BrestSquare = """{"type":"Polygon","coordinates":[[[-4.50,48.38],[-4.47,48.38],[-4.47,48.40],[-4.50,48.40],[-4.50,48.38]]]}""";

    [Fact]
    public async Task TheLiveCountSaysWhomTheFiltersMatchAndWhoMayReceiveEachChannel()
    {
        var m = await MessagingWorld.CreateAsync(api, w => w.People[TestWorld.OtherS1].Tags = ["tractage", "jeunes"]);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.SupporterS1, TestWorld.OtherS1);
        await m.ConsentAsync(ConsentChannel.Sms, TestWorld.OtherS1);
        var inS1 = m.World.People.Values.Count(p => p.SectionId == m.World.S1.Id);

        async Task<System.Text.Json.Nodes.JsonNode> CountAsync(object definition, string asEmail = TestWorld.SecretaryS1, string? section = null, string? federation = null) =>
            (await m.GraphQL.PostAsync(Count, new { s = federation is null ? section ?? m.World.S1Id : null, f = federation, d = definition }, asEmail))
            .ShouldHaveNoErrors().At("segmentCount")!;

        var all = await CountAsync(new { });
        (all["matched"]!.GetValue<int>(), all["emailReachable"]!.GetValue<int>(), all["smsReachable"]!.GetValue<int>()).ShouldBe((inS1, 3, 1));
        (await CountAsync(new { kinds = new[] { "SUPPORTER" } }))["matched"]!.GetValue<int>().ShouldBe(1);
        var tagged = await CountAsync(new { tags = new[] { "TRACTAGE", "absent" } });
        (tagged["matched"]!.GetValue<int>(), tagged["smsReachable"]!.GetValue<int>()).ShouldBe((1, 1));
        (await CountAsync(new { consentFor = "EMAIL" }))["matched"]!.GetValue<int>().ShouldBe(3);
        // The federation's secretary counts both of its sections; the party counts everyone.
        var inFederation = m.World.People.Values.Count(p => p.SectionId != m.World.S3.Id);
        (await CountAsync(new { }, TestWorld.FederationSecretaryA, federation: "29"))["matched"]!.GetValue<int>().ShouldBe(inFederation);
        (await CountAsync(new { sectionIds = new[] { m.World.S2Id } }, TestWorld.FederationSecretaryA, federation: "29"))["matched"]!.GetValue<int>()
            .ShouldBe(m.World.People.Values.Count(p => p.SectionId == m.World.S2.Id));
        (await m.GraphQL.PostAsync(Count, new { d = new { } }, TestWorld.National)).At("segmentCount.matched")!.GetValue<int>().ShouldBe(m.World.People.Count);
    }

    [Fact]
    public async Task ASenderWhoDoesNotSeeEveryoneGetsNoCountUnderFiveFiltersOnlyByKindSectionAndConsentAndSendsToNoFewer()
    {
        var m = await MessagingWorld.CreateAsync(api, MessagingWorld.DelegateSends);
        var query = new { s = m.World.S1Id, f = (string?)null, d = new { kinds = new[] { "SUPPORTER" } } };
        var hidden = (await m.GraphQL.PostAsync(Count, query, TestWorld.DelegateS1)).ShouldHaveNoErrors().At("segmentCount")!;
        hidden["matched"].ShouldBeNull();
        hidden["smallCountsHidden"]!.GetValue<bool>().ShouldBeTrue();
        (await m.GraphQL.PostAsync(Count, query, TestWorld.SecretaryS1)).At("segmentCount.matched")!.GetValue<int>().ShouldBe(1);
        // Zero is withheld too: "0 or hidden" would tell a 1 from a 0.
        (await m.GraphQL.PostAsync(Count, new { s = m.World.S1Id, d = new { kinds = new[] { "MEMBER" }, consentFor = "SMS" } }, TestWorld.DelegateS1))
            .At("segmentCount.matched").ShouldBeNull();
        // A place, a tag, an action or a name would single someone out (or, by difference, two counts would).
        foreach (var (narrow, field) in new (object, string)[]
                 {
                     (new { area = BrestSquare }, "area"), (new { tags = new[] { "test" } }, "tags"),
                     (new { stationIds = new[] { "29019_0001" } }, "stationIds"), (new { personIds = new[] { m.World.IdOf(TestWorld.MemberS1) } }, "personIds"),
                 })
        {
            var refused = await m.GraphQL.PostAsync(Count, new { s = m.World.S1Id, d = narrow }, TestWorld.DelegateS1);
            refused.Errors[0]!["extensions"]!["data"]!["fields"]![0]!["code"]!.GetValue<string>().ShouldBe("FILTER_NOT_ALLOWED", field);
        }
        // A saved segment of the secretary's, narrower than five: the delegate may not send it.
        var saved = await m.GraphQL.PostAsync(Save, new { i = new { sectionId = m.World.S1Id, name = "Tractage", definition = new { tags = new[] { "test" }, kinds = new[] { "SUPPORTER" } } } },
            TestWorld.SecretaryS1);
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.SupporterS1);
        var id = await m.ComposeAsync(segmentId: saved.At("saveSegment.segment.id")!.GetValue<string>(), asEmail: TestWorld.DelegateS1);
        (await m.SendRawAsync(id, TestWorld.DelegateS1)).PayloadErrorCodes("sendMessage").ShouldBe(["SEGMENT_TOO_SMALL"]);
    }

    [Fact]
    public async Task AGeographicGroupReachesThePeopleLivingInItsAreaOrInItsPollingStations()
    {
        var m = await MessagingWorld.CreateAsync(api, w =>
        {
            w.People[TestWorld.MemberS1].Location = new Point(-4.486, 48.390) { SRID = 4326 };
            w.People[TestWorld.SupporterS1].Location = new Point(-4.30, 48.45) { SRID = 4326 };
        });
        await m.ConsentAsync(ConsentChannel.Email, TestWorld.MemberS1, TestWorld.SupporterS1);
        var saved = (await m.GraphQL.PostAsync(Save, new { i = new { sectionId = m.World.S1Id, name = "Centre-ville", definition = new { area = BrestSquare } } },
            TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        saved.PayloadErrorCodes("saveSegment").ShouldBeEmpty();
        saved.At("saveSegment.segment.count.matched")!.GetValue<int>().ShouldBe(1);
        var segmentId = saved.At("saveSegment.segment.id")!.GetValue<string>();

        var id = await m.ComposeAsync(segmentId: segmentId);
        // Deleting (or redrawing) the segment afterwards does not widen the message: it keeps the area it was written for.
        (await m.GraphQL.PostAsync("mutation($id: ID!) { deleteSegment(id: $id) { errors { code } } }", new { id = segmentId }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("deleteSegment").ShouldBeEmpty();
        await m.SendAsync(id);
        await m.RunSendsAsync();
        (await m.OutboxAsync(id)).ShouldHaveSingleItem().Address.ShouldBe(TestWorld.MemberS1);

        // The same people through a polling station's contour.
        await api.WithDbAsync(async db =>
        {
            var square = (Polygon)new NetTopologySuite.IO.WKTReader().Read("POLYGON((-4.50 48.38, -4.47 48.38, -4.47 48.40, -4.50 48.40, -4.50 48.38))");
            db.Add(new PollingStation
            {
                Id = "29019_0001", CommuneCode = "29019", DepartementCode = "29", Code = "0001", Name = "Hôtel de ville",
                Contour = new MultiPolygon([square]) { SRID = 4326 },
            });
            return await db.SaveChangesAsync();
        });
        (await m.GraphQL.PostAsync(Count, new { s = m.World.S1Id, d = new { stationIds = new[] { "29019_0001" } } }, TestWorld.SecretaryS1))
            .ShouldHaveNoErrors().At("segmentCount.matched")!.GetValue<int>().ShouldBe(1);
        var unknown = await m.GraphQL.PostAsync(Count, new { s = m.World.S1Id, d = new { stationIds = new[] { "29019_9999" } } }, TestWorld.SecretaryS1);
        unknown.ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
        // A query has no payload: the refused field and its own code are in the error's extensions.
        var field = unknown.Errors[0]!["extensions"]?["data"]?["fields"]?[0] ?? throw new ShouldAssertException(unknown.Json.ToJsonString());
        (field["field"]!.GetValue<string>(), field["code"]!.GetValue<string>()).ShouldBe(("definition.stationIds.0", "STATION_NOT_FOUND"));

        var crossing = """{"type":"Polygon","coordinates":[[[-4.5,48.38],[-4.47,48.40],[-4.47,48.38],[-4.5,48.40],[-4.5,48.38]]]}""";
        (await m.GraphQL.PostAsync(Save, new { i = new { sectionId = m.World.S1Id, name = "Noeud", definition = new { area = crossing } } }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("saveSegment").ShouldBe(["INVALID_GEOMETRY"]);
    }

    [Fact]
    public async Task ASegmentOfThePeopleWhoTookPartInAnAction()
    {
        var graphql = new GraphQLClient(api.Factory);
        var actions = await ActionWorld.CreateAsync(api, graphql);
        var action = await actions.CreateAsync();
        (await actions.JoinAsync(action, TestWorld.MemberS1)).PayloadErrorCodes("joinAction").ShouldBeEmpty();
        var count = await graphql.PostAsync(Count, new { s = actions.World.S1Id, d = new { actionIds = new[] { action } } }, TestWorld.SecretaryS1);
        count.ShouldHaveNoErrors().At("segmentCount.matched")!.GetValue<int>().ShouldBe(1);

        // Another section's secretary cannot name it (nor learn who took part).
        (await graphql.PostAsync(Count, new { s = actions.World.S2Id, d = new { actionIds = new[] { action } } }, TestWorld.SecretaryS2))
            .ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
    }

    [Fact]
    public async Task AnotherSectionsSenderCannotNameThisSectionsPeopleSectionsOrSegments()
    {
        var m = await MessagingWorld.CreateAsync(api);
        var saved = await m.GraphQL.PostAsync(Save, new { i = new { sectionId = m.World.S1Id, name = "Liste", definition = new { personIds = new[] { m.World.IdOf(TestWorld.MemberS1) } } } },
            TestWorld.SecretaryS1);
        saved.PayloadErrorCodes("saveSegment").ShouldBeEmpty();
        var segmentId = saved.At("saveSegment.segment.id")!.GetValue<string>();
        const string Ids = "query($id: ID!) { segment(id: $id) { definition { personCount personIds } } }";
        (await m.GraphQL.PostAsync(Ids, new { id = segmentId }, TestWorld.SecretaryS1)).At("segment.definition.personIds")!.AsArray()
            .Select(x => x!.GetValue<string>()).ShouldBe([m.World.IdOf(TestWorld.MemberS1)]);

        (await m.GraphQL.PostAsync(Save, new { i = new { sectionId = m.World.S2Id, name = "Vol", definition = new { personIds = new[] { m.World.IdOf(TestWorld.MemberS1) } } } },
            TestWorld.SecretaryS2)).PayloadErrorCodes("saveSegment").ShouldBe(["PERSON_NOT_FOUND"]);
        (await m.GraphQL.PostAsync(Save, new { i = new { sectionId = m.World.S2Id, name = "Vol", definition = new { sectionIds = new[] { m.World.S1Id } } } },
            TestWorld.SecretaryS2)).PayloadErrorCodes("saveSegment").ShouldBe(["SECTION_NOT_FOUND"]);
        (await m.GraphQL.PostAsync("query($id: ID!) { segment(id: $id) { id } node(id: $id) { id } }", new { id = segmentId }, TestWorld.SecretaryS2))
            .ShouldHaveNoErrors().Data!.ToJsonString().ShouldBe("""{"segment":null,"node":null}""");
        (await m.GraphQL.PostAsync("query($s: ID) { segments(sectionId: $s) { totalCount } }", new { s = m.World.S1Id }, TestWorld.SecretaryS2))
            .ErrorCodes.ShouldBe(["FORBIDDEN"]);
        (await m.GraphQL.PostAsync("mutation($id: ID!) { deleteSegment(id: $id) { errors { code } } }", new { id = segmentId }, TestWorld.SecretaryS2))
            .PayloadErrorCodes("deleteSegment").ShouldBe(["SEGMENT_NOT_FOUND"]);
        (await m.ComposeRawAsync(new { sectionId = m.World.S2Id, channel = "EMAIL", subject = "x", body = "x", segmentId }, TestWorld.SecretaryS2))
            .PayloadErrorCodes("composeMessage").ShouldBe(["SEGMENT_NOT_FOUND"]);
        // A delegate who may send but not see the people cannot pick them one by one.
        var d = await MessagingWorld.CreateAsync(api, MessagingWorld.DelegateSends);
        (await d.GraphQL.PostAsync(Save, new { i = new { sectionId = d.World.S1Id, name = "Liste", definition = new { personIds = new[] { d.World.IdOf(TestWorld.MemberS1) } } } },
            TestWorld.DelegateS1)).PayloadErrorCodes("saveSegment").ShouldBe(["FILTER_NOT_ALLOWED"]);
    }
}
