using System.Text.Json.Nodes;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.Canvassing;
using Coopol.Features.People;
using Coopol.Tests.Features.Actions;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Canvassing;

/// <summary>The findings of the second review (of the first review's fixes), one test each.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReReviewedFieldWorkTests(ApiFixture api)
{
    private readonly GraphQLClient _graphql = new(api.Factory);

    [Fact]
    public async Task F2_F13_AConfirmationIsAllOrNothingAndAClaimedLinkWorksOnceEvenInParallel()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var id = await w.CreateAsync();
        await w.RequestVisitorAsync(id, "anne@example.org");
        var token = (await w.TokenSentToAsync("anne@example.org"))!;
        var people = await api.WithDbAsync(db => db.People.CountAsync());
        // Made members-only since the request: the visitor is not joined, nothing is created, the link stays unused.
        await api.WithDbAsync(db => db.Set<FieldAction>().ExecuteUpdateAsync(u => u.SetProperty(a => a.Visibility, ActionVisibility.MembersAndSupporters)));
        (await w.ConfirmAsync(token)).PayloadErrorCodes("confirmVisitorSignup").ShouldBe(["ACTION_NOT_FOUND"]);
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(people);
        await api.WithDbAsync(db => db.Set<FieldAction>().ExecuteUpdateAsync(u => u.SetProperty(a => a.Visibility, ActionVisibility.Public)));
        // Five clicks at once: one place, one person.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => w.ConfirmAsync(token)));
        answers.Count(a => a.PayloadErrorCodes("confirmVisitorSignup").Count == 0).ShouldBe(1);
        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Email == "anne@example.org"))).ShouldBe(1);
        (await w.ActionAsync(id, TestWorld.SecretaryS1))!["attendance"]!["confirmed"]!.GetValue<int>().ShouldBe(1);
        // The used link is wiped from the outbox.
        (await w.TokenSentToAsync("anne@example.org")).ShouldBeNull();
    }

    [Fact]
    public async Task F4_UnconfirmedSignUpsAreDeletedTwoDaysAfterTheirLinkExpired()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var id = await w.CreateAsync();
        await w.RequestVisitorAsync(id, "stale@example.org");
        await w.RequestVisitorAsync(id, "fresh@example.org");
        await api.WithDbAsync(db => db.Set<VisitorSignup>().Where(v => v.Email == "stale@example.org")
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.ExpiresAt, DateTime.UtcNow.AddDays(-3))));
        using (var scope = api.Factory.Services.CreateScope())
            (await scope.ServiceProvider.GetRequiredService<PurgeVisitorSignupsJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        (await api.WithDbAsync(db => db.Set<VisitorSignup>().Select(v => v.Email).ToListAsync())).ShouldBe(["fresh@example.org"]);
        (await api.WithDbAsync(db => db.Set<Coopol.Features.Messaging.OutboxMessage>().CountAsync(n => n.Address == "stale@example.org"))).ShouldBe(0);
    }

    [Fact]
    public async Task F7_F8_F16_ADoorContactAsksNobodyDoorCountsCloseWithTheActionAndCancellingGivesSharesBack()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        await api.WithDbAsync(db => AddressesDemo.GenerateBrestAsync(db, CancellationToken.None));
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ActionWorld.Input(startsAt: DateTime.UtcNow.AddMinutes(-30))))!.AsObject();
        input["turfStationIds"] = new JsonArray("29019_1");
        var id = await w.CreateAsync(input);
        await w.JoinAsync(id, TestWorld.MemberS1);
        (await _graphql.PostAsync("mutation($a: ID!) { splitTurf(actionId: $a, shares: 1) { errors { code } } }", new { a = id }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("splitTurf").ShouldBeEmpty();
        var share = (await _graphql.PostAsync("mutation($a: ID!) { checkOutTurfShare(actionId: $a) { share { addresses { buildings { id doors { id } } } } } }",
            new { a = id }, TestWorld.MemberS1)).ShouldHaveNoErrors().At("checkOutTurfShare.share.addresses.0.buildings.0")!;
        var door = share["doors"]!.AsArray()[0]!["id"]!.GetValue<string>();
        var report = await _graphql.PostAsync("mutation($i: SubmitDoorReportsInput!) { submitDoorReports(input: $i) { submitted { results { status } } } }",
            new { i = new { actionId = id, reports = new[] { new { clientId = Guid.NewGuid(), doorId = door, outcome = "INTERESTED", visitedAt = DateTime.UtcNow.ToString("O"),
                contact = new { firstName = "Paul", lastName = "Deux", email = TestWorld.PersonS2, consentGiven = true } } } } }, TestWorld.MemberS1);
        report.At("submitDoorReports.submitted.results.0.status")!.GetValue<string>().ShouldBe("ACCEPTED");
        // Details typed at the door make a record of the section, linked; the known person is not asked to move.
        (await api.WithDbAsync(db => db.Set<SectionInvitation>().CountAsync())).ShouldBe(0);

        (await _graphql.PostAsync("mutation($i: CancelActionInput!) { cancelAction(input: $i) { errors { code } } }",
            new { i = new { actionId = id } }, TestWorld.SecretaryS1)).PayloadErrorCodes("cancelAction").ShouldBeEmpty();
        (await api.WithDbAsync(db => db.Set<TurfShare>().CountAsync(s => s.CheckedOutById != null))).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<CanvassedBuilding>().CountAsync(b => b.Progress == BuildingProgress.Ongoing))).ShouldBe(0);
        var count = await _graphql.PostAsync("mutation($a: ID!, $b: ID!) { setBuildingDoorCount(actionId: $a, buildingId: $b, count: 4) { errors { code } } }",
            new { a = id, b = share["id"]!.GetValue<string>() }, TestWorld.SecretaryS1);
        count.PayloadErrorCodes("setBuildingDoorCount").ShouldBe(["ACTION_CANCELLED"]);
    }

    [Fact]
    public async Task F9_F11_ASilenceOverTheCommuneOfADrawnTurfCountsAndAnOrganizerWhoMovedAwayNoLongerSeesTheDraft()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var organizer = w.World.IdOf(TestWorld.MemberS1);
        var input = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(ActionWorld.Input(startsAt: DateTime.UtcNow.AddDays(3))))!.AsObject();
        // Meets in Brest, canvasses a few streets of Guilers (29069).
        input["turfArea"] = """{"type":"Polygon","coordinates":[[[-4.56,48.42],[-4.555,48.42],[-4.555,48.425],[-4.56,48.425],[-4.56,48.42]]]}""";
        input["organizerIds"] = new JsonArray(organizer);
        var draft = await w.CreateAsync(input, publish: false);
        (await _graphql.PostAsync("mutation($i: SetElectoralSilenceInput!) { setElectoralSilence(input: $i) { errors { code } } }",
            new { i = new { scope = "29069", name = "Municipale partielle", startsAt = DateTime.UtcNow.AddDays(-1).ToString("O"), endsAt = DateTime.UtcNow.AddDays(5).ToString("O") } },
            TestWorld.National)).PayloadErrorCodes("setElectoralSilence").ShouldBeEmpty();
        (await _graphql.PostAsync("mutation($id: ID!) { publishAction(actionId: $id) { errors { code } } }", new { id = draft }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("publishAction").ShouldBe(["ELECTORAL_SILENCE"]);

        (await w.ActionAsync(draft, TestWorld.MemberS1)).ShouldNotBeNull();
        await api.WithDbAsync(db => db.People.Where(p => p.Email == TestWorld.MemberS1).ExecuteUpdateAsync(u => u.SetProperty(p => p.SectionId, w.World.S2.Id)));
        (await w.ActionAsync(draft, TestWorld.MemberS1)).ShouldBeNull();
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData(null, "unknown")]
    public void F6_AnIPv6SubscriberCountsAsOneAddressForTheSignUpLimit(string? address, string partition) =>
        VisitorLimits.PartitionOf(address).ShouldBe(partition);
}
