using System.Net;
using System.Text.Json.Nodes;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.Canvassing;
using Coopol.Features.People;
using Coopol.Tests.Features.Actions;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Canvassing;

/// <summary>The findings of the attacker's review of actions and door-to-door, one test each (see the closing note).</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewedFieldWorkTests(ApiFixture api)
{
    private readonly GraphQLClient _graphql = new(api.Factory);

    private static string Square(double lon, double lat, double size) => JsonSerializer(new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { lon, lat }, new[] { lon + size, lat }, new[] { lon + size, lat + size }, new[] { lon, lat + size }, new[] { lon, lat } } },
    });

    private static string JsonSerializer(object o) => System.Text.Json.JsonSerializer.Serialize(o);

    private static JsonObject InputWith(Action<JsonObject> tweak, DateTime? startsAt = null)
    {
        var input = JsonNode.Parse(JsonSerializer(ActionWorld.Input(startsAt: startsAt)))!.AsObject();
        tweak(input);
        return input;
    }

    [Fact]
    public async Task M5_ADrawnTurfStaysInTheFederationAndWalkable()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        async Task<string?> Code(string area) => (await w.CreateRawAsync(InputWith(i => i["turfArea"] = area), TestWorld.SecretaryS1))
            .ShouldHaveNoErrors().PayloadErrorCodes("createAction").SingleOrDefault();
        // Over Digne-les-Bains (04) for a section of the Finistère federation.
        (await Code(Square(6.22, 44.08, 0.02))).ShouldBe("TURF_OUTSIDE_FEDERATION");
        // Half of Brittany.
        (await Code(Square(-4.6, 48.2, 0.6))).ShouldBe("TURF_TOO_LARGE");
        // A few streets of Brest.
        (await Code(Square(-4.49, 48.39, 0.005))).ShouldBeNull();
    }

    [Fact]
    public async Task M6_AnActionSetDuringAFutureSilenceIsNotPublished()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var voteDay = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(6));
        (await _graphql.PostAsync("mutation($i: SetElectoralSilenceInput!) { setElectoralSilence(input: $i) { errors { code } } }",
            new { i = new { scope = "29019", voteDate = voteDay.ToString("yyyy-MM-dd") } }, TestWorld.National)).PayloadErrorCodes("setElectoralSilence").ShouldBeEmpty();
        var onTheDay = voteDay.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
        var refused = await w.CreateRawAsync(ActionWorld.Input(startsAt: onTheDay), TestWorld.SecretaryS1);
        refused.PayloadErrorCodes("createAction").ShouldBe(["ELECTORAL_SILENCE"]);
        // The day before the eve is fine.
        (await w.CreateRawAsync(ActionWorld.Input(startsAt: onTheDay.AddDays(-2)), TestWorld.SecretaryS1)).PayloadErrorCodes("createAction").ShouldBeEmpty();
    }

    [Fact]
    public async Task M7_ThoseWhoLeftAreNotListedAndAnOrganizerWhoMovedAwayNoLongerRunsTheAction()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var id = await w.CreateAsync(InputWith(i => i["organizerIds"] = new JsonArray(w.World.IdOf(TestWorld.MemberS1))));
        var left = await _graphql.PostAsync("query($id: ID!) { action(id: $id) { participants(status: LEFT) { edges { node { email } } } } }",
            new { id }, TestWorld.SecretaryS1);
        left.ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
        // Someone of another section cannot be named organizer.
        var outsider = await w.CreateRawAsync(InputWith(i => i["organizerIds"] = new JsonArray(w.World.IdOf(TestWorld.PersonS2))), TestWorld.FederationSecretaryA);
        outsider.At("createAction.errors.0.code")!.GetValue<string>().ShouldBe("PERSON_NOT_FOUND");

        const string query = "query($id: ID!) { action(id: $id) { viewerOrganizes } }";
        (await _graphql.PostAsync(query, new { id }, TestWorld.MemberS1)).At("action.viewerOrganizes")!.GetValue<bool>().ShouldBeTrue();
        await api.WithDbAsync(db => db.People.Where(p => p.Email == TestWorld.MemberS1).ExecuteUpdateAsync(u => u.SetProperty(p => p.SectionId, w.World.S2.Id)));
        (await _graphql.PostAsync(query, new { id }, TestWorld.MemberS1)).At("action.viewerOrganizes")!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task M8_AVisitorWhoAcceptsToJoinTheirOwnRecordKeepsTheirPlace()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var id = await w.CreateAsync();
        await w.JoinAsVisitorAsync(id, TestWorld.PersonS2);
        var invitation = await api.WithDbAsync(db => db.Set<SectionInvitation>().SingleAsync());
        (await _graphql.PostAsync("mutation($i: AnswerSectionInvitationInput!) { answerSectionInvitation(input: $i) { errors { code } } }",
            new { i = new { invitationId = Coopol.Common.GlobalId.Encode(SectionInvitationType.NodeType, invitation.Id), accept = true } }, TestWorld.PersonS2))
            .PayloadErrorCodes("answerSectionInvitation").ShouldBeEmpty();
        (await w.ActionAsync(id, TestWorld.PersonS2))!["viewerParticipation"]!.GetValue<string>().ShouldBe("CONFIRMED");
        (await w.ActionAsync(id, TestWorld.SecretaryS1))!["attendance"]!["confirmed"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task L10_L11_M4_LeavingGivesTheShareBackReportsCloseAWeekAfterAndADoorContactsConsentIsOralByTheVolunteer()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        await api.WithDbAsync(db => AddressesDemo.GenerateBrestAsync(db, CancellationToken.None));
        var id = await w.CreateAsync(InputWith(i => i["turfStationIds"] = new JsonArray("29019_1"), DateTime.UtcNow.AddMinutes(-30)));
        await w.JoinAsync(id, TestWorld.MemberS1);
        (await _graphql.PostAsync("mutation($a: ID!) { splitTurf(actionId: $a, shares: 1) { errors { code } } }", new { a = id }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("splitTurf").ShouldBeEmpty();
        var share = (await _graphql.PostAsync("mutation($a: ID!) { checkOutTurfShare(actionId: $a) { share { id addresses { buildings { doors { id } } } } } }",
            new { a = id }, TestWorld.MemberS1)).ShouldHaveNoErrors().At("checkOutTurfShare.share")!;
        var door = share["addresses"]!.AsArray()[0]!["buildings"]!.AsArray()[0]!["doors"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var report = (await _graphql.PostAsync("mutation($i: SubmitDoorReportsInput!) { submitDoorReports(input: $i) { submitted { results { status } } } }",
            new { i = new { actionId = id, reports = new[] { new { clientId = Guid.NewGuid(), doorId = door, outcome = "WANTS_TO_HELP", visitedAt = DateTime.UtcNow.ToString("O"),
                contact = new { firstName = "Anne", lastName = "K", phone = "0612345678", consentGiven = true } } } } }, TestWorld.MemberS1)).ShouldHaveNoErrors();
        report.At("submitDoorReports.submitted.results.0.status")!.GetValue<string>().ShouldBe("ACCEPTED");
        var anne = await api.WithDbAsync(db => db.People.SingleAsync(p => p.FirstName == "Anne"));
        var consent = await api.WithDbAsync(db => db.Set<ConsentRecord>().SingleAsync(c => c.PersonId == anne.Id));
        (consent.Method, consent.RecordedById).ShouldBe((ConsentMethod.Oral, w.World.People[TestWorld.MemberS1].Id));

        (await _graphql.PostAsync("mutation($id: ID!) { leaveAction(actionId: $id) { errors { code } } }", new { id }, TestWorld.MemberS1))
            .PayloadErrorCodes("leaveAction").ShouldBeEmpty();
        (await api.WithDbAsync(db => db.Set<TurfShare>().SingleAsync())).CheckedOutById.ShouldBeNull();
        (await _graphql.PostAsync("query($s: ID!) { turfShare(id: $s) { id } }", new { s = share["id"]!.GetValue<string>() }, TestWorld.MemberS1))
            .ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);

        await api.WithDbAsync(db => db.Set<FieldAction>().ExecuteUpdateAsync(u => u.SetProperty(a => a.EndsAt, DateTime.UtcNow.AddDays(-8))
            .SetProperty(a => a.StartsAt, DateTime.UtcNow.AddDays(-8).AddHours(-2))));
        var late = await _graphql.PostAsync("mutation($i: SubmitDoorReportsInput!) { submitDoorReports(input: $i) { errors { code } } }",
            new { i = new { actionId = id, reports = new[] { new { clientId = Guid.NewGuid(), doorId = door, outcome = "NOT_HOME", visitedAt = DateTime.UtcNow.ToString("O") } } } },
            TestWorld.SecretaryS1);
        late.PayloadErrorCodes("submitDoorReports").ShouldBe(["REPORTS_CLOSED"]);
    }

    [Fact]
    public async Task L14_L15_FieldTilesAreNotCachedAndACopyCannotBeSetCenturiesAhead()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var id = await w.CreateAsync();
        var far = await _graphql.PostAsync("mutation($i: DuplicateActionInput!) { duplicateAction(input: $i) { errors { code } } }",
            new { i = new { actionId = id, startsAt = "9999-12-31T00:00:00Z" } }, TestWorld.SecretaryS1);
        far.PayloadErrorCodes("duplicateAction").ShouldBe(["TOO_FAR"]);
        var (x, y) = Coopol.Tests.Features.Maps.BrestResults.TileOf(-4.49, 48.39, 10);
        using var tile = await Coopol.Tests.Features.Maps.BrestResults.GetAsync(api, $"/tiles/field.doors/10/{x}/{y}.mvt", TestWorld.SecretaryS1);
        tile.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.NoContent);
        tile.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }
}
