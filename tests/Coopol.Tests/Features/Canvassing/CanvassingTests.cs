using System.Net;
using System.Text.Json.Nodes;
using Coopol.Features.Addresses;
using Coopol.Features.Canvassing;
using Coopol.Tests.Features.Actions;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Canvassing;

/// <summary>Door-to-door on generated Brest addresses: a turf of two stations split into shares, checked out by one
/// volunteer at a time, door reports that are never counted twice, and reviews that withhold small counts.</summary>
[Collection(ApiCollection.Name)]
public sealed class CanvassingTests(ApiFixture api)
{
    private readonly GraphQLClient _graphql = new(api.Factory);
    private static readonly string[] Turf = ["29019_1", "29019_2"];

    private const string ShareFields = "id number doors doorsReported heldByViewer checkedOut holderName addresses { label buildings { id doorCount doors { id label outcome } } }";

    private async Task<(ActionWorld W, string ActionId)> ArrangeAsync(object? questions = null)
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        await api.WithDbAsync(db => AddressesDemo.GenerateBrestAsync(db, CancellationToken.None));
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ActionWorld.Input(startsAt: DateTime.UtcNow.AddMinutes(-30))))!.AsObject();
        input["turfStationIds"] = new JsonArray(Turf.Select(t => (JsonNode)t).ToArray());
        input["campaign"] = "Test 2027";
        input["questions"] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(questions ?? new[]
        {
            new { label = "Irez-vous voter ?", kind = "YES_NO", choices = Array.Empty<string>() },
        }));
        var id = await w.CreateAsync(input);
        await w.JoinAsync(id, TestWorld.MemberS1);
        await w.JoinAsync(id, TestWorld.OtherS1);
        return (w, id);
    }

    private async Task<GraphQLAnswer> SplitAsync(string actionId, int shares, string asEmail = TestWorld.SecretaryS1) =>
        (await _graphql.PostAsync("mutation($a: ID!, $n: Int!) { splitTurf(actionId: $a, shares: $n) { split { shares { id number doors addresses } } errors { code } } }",
            new { a = actionId, n = shares }, asEmail)).ShouldHaveNoErrors();

    private async Task<GraphQLAnswer> CheckOutAsync(string actionId, string asEmail, string? shareId = null) =>
        (await _graphql.PostAsync($"mutation($a: ID!, $s: ID) {{ checkOutTurfShare(actionId: $a, shareId: $s) {{ share {{ {ShareFields} }} errors {{ code }} }} }}",
            new { a = actionId, s = shareId }, asEmail)).ShouldHaveNoErrors();

    private async Task<GraphQLAnswer> ReportAsync(string actionId, string asEmail, params object[] reports) =>
        (await _graphql.PostAsync("mutation($i: SubmitDoorReportsInput!) { submitDoorReports(input: $i) { submitted { results { clientId status code } } errors { code } } }",
            new { i = new { actionId, reports } }, asEmail)).ShouldHaveNoErrors();

    private static object Report(string doorId, string outcome = "OPENED", Guid? clientId = null, object? answers = null, object? contact = null) =>
        new { clientId = clientId ?? Guid.NewGuid(), doorId, outcome, answers, contact, visitedAt = DateTime.UtcNow.ToString("O"), note = "RAS" };

    private static List<string> DoorIds(JsonNode share) =>
        share["addresses"]!.AsArray().SelectMany(a => a!["buildings"]!.AsArray()).SelectMany(b => b!["doors"]!.AsArray()).Select(d => d!["id"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task TheTurfIsSplitAlongTheStreetsAndEachShareGoesToOneVolunteerAtATime()
    {
        var (_, id) = await ArrangeAsync();
        var split = await SplitAsync(id, 2);
        var shares = split.At("splitTurf.split.shares")!.AsArray();
        shares.Count.ShouldBe(2);
        var addresses = await api.WithDbAsync(db => db.Set<Address>().CountAsync(a => a.StationId == "29019_1" || a.StationId == "29019_2"));
        shares.Sum(s => s!["addresses"]!.GetValue<int>()).ShouldBe(addresses);
        (await SplitAsync(id, 2, TestWorld.MemberS1)).PayloadErrorCodes("splitTurf").ShouldBe(["FORBIDDEN"]);

        var first = await CheckOutAsync(id, TestWorld.MemberS1);
        var mine = first.At("checkOutTurfShare.share")!;
        mine["heldByViewer"]!.GetValue<bool>().ShouldBeTrue();
        var taken = mine["id"]!.GetValue<string>();
        // The same share cannot go to a second volunteer; they get the other one.
        (await CheckOutAsync(id, TestWorld.OtherS1, taken)).PayloadErrorCodes("checkOutTurfShare").ShouldBe(["SHARE_TAKEN"]);
        var second = (await CheckOutAsync(id, TestWorld.OtherS1)).At("checkOutTurfShare.share")!;
        second["id"]!.GetValue<string>().ShouldNotBe(taken);
        DoorIds(second).Intersect(DoorIds(mine)).ShouldBeEmpty();
        // Someone who did not join gets nothing; a re-split waits until the shares are given back.
        (await CheckOutAsync(id, TestWorld.PersonS2)).PayloadErrorCodes("checkOutTurfShare").ShouldBe(["FORBIDDEN"]);
        (await SplitAsync(id, 3)).PayloadErrorCodes("splitTurf").ShouldBe(["SHARES_IN_USE"]);
        // The secretary sees who holds which share; the walk list of another's share is not for a volunteer.
        var bySecretary = (await _graphql.PostAsync($"query($s: ID!) {{ turfShare(id: $s) {{ {ShareFields} }} }}", new { s = taken }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        bySecretary.At("turfShare.holderName")!.GetValue<string>().ShouldBe("Marie Membre");
        (await _graphql.PostAsync($"query($s: ID!) {{ turfShare(id: $s) {{ id }} }}", new { s = taken }, TestWorld.OtherS1)).ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
    }

    [Fact]
    public async Task DoorReportsAreCountedOnceOutsideTheTurfRefusedAndDoneBuildingsLeaveTheNextSplit()
    {
        var (w, id) = await ArrangeAsync();
        await SplitAsync(id, 1);
        var share = (await CheckOutAsync(id, TestWorld.MemberS1)).At("checkOutTurfShare.share")!;
        var doors = DoorIds(share);
        var outsider = await api.WithDbAsync(db => db.Set<Door>().Where(d => db.Set<Building>().Any(b => b.Id == d.BuildingId
            && db.Set<Address>().Any(a => a.Id == b.AddressId && a.StationId == "29019_50"))).Select(d => d.Id).FirstAsync());
        var clientId = Guid.NewGuid();
        var batch = new[]
        {
            Report(doors[0], clientId: clientId, answers: new[] { new { questionId = "q1", value = "yes" } }),
            Report(doors[1], "NOT_HOME"),
            Report(Coopol.Common.GlobalId.Encode("Door", outsider.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Report(doors[2], answers: new[] { new { questionId = "q1", value = "peut-être" } }),
            Report(doors[3], "WANTS_TO_HELP", contact: new { firstName = "Anne", lastName = "Kerouac", phone = "06 12 34 56 78", consentGiven = false }),
        };
        var results = (await ReportAsync(id, TestWorld.MemberS1, batch)).At("submitDoorReports.submitted.results")!.AsArray();
        results.Select(r => r!["status"]!.GetValue<string>()).ShouldBe(["ACCEPTED", "ACCEPTED", "REJECTED", "REJECTED", "REJECTED"]);
        results.Select(r => r!["code"]?.GetValue<string>()).ShouldBe([null, null, "DOOR_OUTSIDE_TURF", "INVALID_ANSWER", "CONSENT_REQUIRED"]);

        // The phone resends the whole queue after a lost answer: nothing is counted twice.
        var again = (await ReportAsync(id, TestWorld.MemberS1, batch[0])).At("submitDoorReports.submitted.results.0.status")!.GetValue<string>();
        again.ShouldBe("DUPLICATE");
        // Another volunteer cannot reuse someone's report id.
        var reused = await ReportAsync(id, TestWorld.OtherS1, Report(doors[5], clientId: clientId));
        reused.At("submitDoorReports.submitted.results.0.code")!.GetValue<string>().ShouldBe("INVALID_CLIENT_ID");
        // A household that agrees becomes a supporter of the section holding the door.
        var contact = await ReportAsync(id, TestWorld.MemberS1,
            Report(doors[4], "WANTS_TO_HELP", contact: new { firstName = "Anne", lastName = "Kerouac", phone = "06 12 34 56 78", consentGiven = true }));
        contact.At("submitDoorReports.submitted.results.0.status")!.GetValue<string>().ShouldBe("ACCEPTED");
        var anne = await api.WithDbAsync(db => db.People.SingleAsync(p => p.FirstName == "Anne"));
        anne.Phone.ShouldBe("+33612345678");
        anne.Email.ShouldBeNull();
        anne.SectionId.ShouldBe(w.World.S1.Id);
        (await api.WithDbAsync(db => db.Set<DoorReport>().CountAsync())).ShouldBe(3);
        // Someone who did not join cannot report.
        (await ReportAsync(id, TestWorld.PersonS2, Report(doors[6]))).PayloadErrorCodes("submitDoorReports").ShouldBe(["FORBIDDEN"]);

        // Given back, the reported buildings are done for the campaign: a new split leaves them out.
        var release = (await _graphql.PostAsync("mutation($s: ID!) { releaseTurfShare(shareId: $s) { share { checkedOut } errors { code } } }",
            new { s = share["id"]!.GetValue<string>() }, TestWorld.MemberS1)).ShouldHaveNoErrors();
        release.At("releaseTurfShare.share.checkedOut")!.GetValue<bool>().ShouldBeFalse();
        var done = await api.WithDbAsync(db => db.Set<CanvassedBuilding>().CountAsync(b => b.Progress == BuildingProgress.Done));
        done.ShouldBeInRange(1, 3);
        var before = share["addresses"]!.AsArray().Count;
        var after = (await SplitAsync(id, 1)).At("splitTurf.split.shares.0.addresses")!.GetValue<int>();
        after.ShouldBeLessThan(before);
    }

    [Fact]
    public async Task TheReviewCountsDoorsByStationAndWithholdsSmallCounts()
    {
        var (_, id) = await ArrangeAsync();
        await SplitAsync(id, 1);
        var share = (await CheckOutAsync(id, TestWorld.MemberS1)).At("checkOutTurfShare.share")!;
        var doors = DoorIds(share);
        await ReportAsync(id, TestWorld.MemberS1, doors.Take(7).Select(d => Report(d)).ToArray());
        const string query = "query($l: ReviewLevel!) { fieldReview(level: $l) { key label doorsKnocked contacts volunteers withheld actionsHeld } }";
        var byStation = (await _graphql.PostAsync(query, new { l = "STATION" }, TestWorld.National)).ShouldHaveNoErrors().At("fieldReview")!.AsArray();
        byStation.Select(r => r!["key"]!.GetValue<string>()).ShouldBeSubsetOf(Turf);
        var total = byStation.Sum(r => r!["doorsKnocked"]?.GetValue<int>() ?? 0);
        // One volunteer: always withheld; station counts below 5 are withheld too.
        byStation.ShouldAllBe(r => r!["volunteers"] == null && r["withheld"]!.GetValue<bool>());
        byStation.ShouldAllBe(r => r!["doorsKnocked"] == null || r["doorsKnocked"]!.GetValue<int>() >= 5);
        total.ShouldBeLessThanOrEqualTo(7);
        var nation = (await _graphql.PostAsync(query, new { l = "NATION" }, TestWorld.National)).ShouldHaveNoErrors().At("fieldReview.0")!;
        nation["doorsKnocked"]!.GetValue<int>().ShouldBe(7);
        nation["contacts"]!.GetValue<int>().ShouldBe(7);
        // A federation sees its own; a member without MANAGE_ACTIONS sees nothing.
        (await _graphql.PostAsync(query, new { l = "FEDERATION" }, TestWorld.FederationSecretaryA)).ShouldHaveNoErrors()
            .At("fieldReview.0.key")!.GetValue<string>().ShouldBe("29");
        (await _graphql.PostAsync(query, new { l = "SECTION" }, TestWorld.MemberS1)).ErrorCodes.ShouldBe(["FORBIDDEN"]);

        // The minimum is the party's setting (Privacy:SmallCountMinimum): at 2, one volunteer is still withheld, seven doors are not.
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var national = await api.WithDbAsync(db => db.People.Where(p => p.Email == TestWorld.National).Select(p => p.Id).SingleAsync());
        scope.ServiceProvider.GetRequiredService<Coopol.Access.CallerContext>().ActFor(national);
        var review = ActivatorUtilities.CreateInstance<FieldReview>(scope.ServiceProvider,
            Microsoft.Extensions.Options.Options.Create(new Coopol.Features.Privacy.PrivacyOptions { SmallCountMinimum = 2 }));
        var rows = await review.ReadAsync(new FieldReviewQuery { Level = ReviewLevel.Station }, CancellationToken.None);
        rows.Sum(r => r.DoorsKnocked ?? 0).ShouldBe(7);
        rows.ShouldAllBe(r => r.Volunteers == null);
    }

    [Fact]
    public async Task AWalkListPdfIsForItsHolderAndThoseWhoRunTheAction()
    {
        var (_, id) = await ArrangeAsync();
        await SplitAsync(id, 2);
        var shareId = (await CheckOutAsync(id, TestWorld.MemberS1)).At("checkOutTurfShare.share.id")!.GetValue<string>();
        using var holder = await BrestPdfAsync(shareId, TestWorld.MemberS1);
        holder.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await holder.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());
        using var secretary = await BrestPdfAsync(shareId, TestWorld.SecretaryS1);
        secretary.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = await BrestPdfAsync(shareId, TestWorld.OtherS1);
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var anonymous = await BrestPdfAsync(shareId, null);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private Task<HttpResponseMessage> BrestPdfAsync(string shareId, string? asEmail) =>
        Coopol.Tests.Features.Maps.BrestResults.GetAsync(api, $"/walk-lists/{Uri.EscapeDataString(shareId)}.pdf", asEmail);

    [Fact]
    public async Task TheDoorsLayerShowsStationsWithEnoughDoorsToThoseWhoOrganizeAndWithholdsTheOthers()
    {
        var (_, id) = await ArrangeAsync();
        await SplitAsync(id, 1);
        await CheckOutAsync(id, TestWorld.MemberS1);
        // 6 reports in station 29019_1, 2 in 29019_2.
        var doors1 = await api.WithDbAsync(db => db.Set<Door>().Where(d => db.Set<Building>().Any(b => b.Id == d.BuildingId
            && db.Set<Address>().Any(a => a.Id == b.AddressId && a.StationId == "29019_1"))).Select(d => d.Id).Take(6).ToListAsync());
        var doors2 = await api.WithDbAsync(db => db.Set<Door>().Where(d => db.Set<Building>().Any(b => b.Id == d.BuildingId
            && db.Set<Address>().Any(a => a.Id == b.AddressId && a.StationId == "29019_2"))).Select(d => d.Id).Take(2).ToListAsync());
        string Door(long d) => Coopol.Common.GlobalId.Encode("Door", d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ReportAsync(id, TestWorld.MemberS1, doors1.Concat(doors2).Select(d => Report(Door(d))).ToArray());

        var (x, y) = Coopol.Tests.Features.Maps.BrestResults.TileOf(-4.4903, 48.4085, 12);
        using var tile = await Coopol.Tests.Features.Maps.BrestResults.GetAsync(api, $"/tiles/field.doors/12/{x}/{y}.mvt", TestWorld.SecretaryS1);
        tile.StatusCode.ShouldBe(HttpStatusCode.OK);
        var info = (await _graphql.PostAsync("{ mapLayer(layer: \"field.doors\") { zones max unit } }", asEmail: TestWorld.National)).ShouldHaveNoErrors();
        // Only 29019_1 has a value (6); 29019_2's 2 doors are withheld, the other stations are 0.
        info.At("mapLayer.max")!.GetValue<double>().ShouldBe(6);
        info.At("mapLayer.unit")!.GetValue<string>().ShouldBe("doors");
        var geo = await Coopol.Tests.Features.Maps.BrestResults.GetAsync(api, "/geojson/field.doors?within=commune:29019", TestWorld.National);
        var features = JsonNode.Parse(await geo.Content.ReadAsStringAsync())!["features"]!.AsArray();
        features.Single(f => f!["id"]!.GetValue<string>() == "29019_1")!["properties"]!["value"]!.GetValue<double>().ShouldBe(6);
        features.Single(f => f!["id"]!.GetValue<string>() == "29019_2")!["properties"]!["value"].ShouldBeNull();
        using var member = await Coopol.Tests.Features.Maps.BrestResults.GetAsync(api, $"/tiles/field.doors/12/{x}/{y}.mvt", TestWorld.MemberS1);
        member.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AVolunteerCountsTheDoorsOfABuildingOfTheirShareAndNeverDropsAReportedOne()
    {
        var (_, id) = await ArrangeAsync();
        await SplitAsync(id, 2);
        var share = (await CheckOutAsync(id, TestWorld.MemberS1)).At("checkOutTurfShare.share")!;
        var building = share["addresses"]!.AsArray().SelectMany(a => a!["buildings"]!.AsArray()).First(b => b!["doors"]!.AsArray().Count == 1)!;
        const string mutation = "mutation($a: ID!, $b: ID!, $n: Int!) { setBuildingDoorCount(actionId: $a, buildingId: $b, count: $n) { building { doorCount doors { id label } } errors { code } } }";
        var set = (await _graphql.PostAsync(mutation, new { a = id, b = building["id"]!.GetValue<string>(), n = 3 }, TestWorld.MemberS1)).ShouldHaveNoErrors();
        var doors = set.At("setBuildingDoorCount.building.doors")!.AsArray();
        doors.Select(d => d!["label"]!.GetValue<string>()).ShouldBe(["1", "2", "3"]);
        await ReportAsync(id, TestWorld.MemberS1, Report(doors[2]!["id"]!.GetValue<string>()));
        (await _graphql.PostAsync(mutation, new { a = id, b = building["id"]!.GetValue<string>(), n = 2 }, TestWorld.MemberS1))
            .PayloadErrorCodes("setBuildingDoorCount").ShouldBe(["DOORS_REPORTED"]);
        (await _graphql.PostAsync(mutation, new { a = id, b = building["id"]!.GetValue<string>(), n = 501 }, TestWorld.MemberS1))
            .PayloadErrorCodes("setBuildingDoorCount").ShouldBe(["DOOR_COUNT_OUT_OF_RANGE"]);
        // A building of the other share is not this volunteer's to count.
        var other = (await CheckOutAsync(id, TestWorld.OtherS1)).At("checkOutTurfShare.share.addresses.0.buildings.0.id")!.GetValue<string>();
        (await _graphql.PostAsync(mutation, new { a = id, b = other, n = 4 }, TestWorld.MemberS1))
            .PayloadErrorCodes("setBuildingDoorCount").ShouldBe(["BUILDING_NOT_IN_SHARE"]);
    }
}
