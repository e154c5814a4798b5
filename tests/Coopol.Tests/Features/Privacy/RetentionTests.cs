using Coopol.Features.Canvassing;
using Coopol.Features.Elections;
using Coopol.Features.People;
using Coopol.Features.Privacy;
using Coopol.Tests.Features.Actions;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MembershipRecord = Coopol.Features.Membership.Membership;

namespace Coopol.Tests.Features.Privacy;

/// <summary>The nightly retention job, run with a controlled clock: a dry run reports and changes nothing; applied, it
/// erases inactive supporters and former members past their time and purges canvassing data about people after the
/// election it served, keeping the counts.</summary>
[Collection(ApiCollection.Name)]
public sealed class RetentionTests(ApiFixture api)
{
    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }

    private async Task<RetentionRun> RunJobAsync(DateTime now, bool apply)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var job = ActivatorUtilities.CreateInstance<RetentionJob>(scope.ServiceProvider, new FixedClock(now),
            Options.Create(new RetentionOptions { Apply = apply }));
        return await job.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InactiveSupportersAndFormerMembersPastTheirTimeAreReportedByADryRunThenErasedWhenApplied()
    {
        var today = DateTime.UtcNow;
        var w = await TestWorld.CreateAsync(api, world =>
        {
            world.Add("renewed@test.coopol.fr", "Rita", "Renouvelée", world.S1, PersonKind.Supporter);
            world.Add("ancien@test.coopol.fr", "Alain", "Ancien", world.S1, PersonKind.FormerMember);
            world.Add("recent@test.coopol.fr", "Rémi", "Récent", world.S2, PersonKind.FormerMember);
            // A former member here who is a member in another federation (a record Gamma keeps of her) is kept.
            world.Add("ailleurs@test.coopol.fr", "Anne", "Ailleurs", world.S1, PersonKind.FormerMember);
            var elsewhere = world.Add("ailleurs-gamma@test.coopol.fr", "Anne", "Ailleurs", world.S3, PersonKind.Member);
            elsewhere.Email = "ailleurs@test.coopol.fr";
            elsewhere.LinkedToId = world.People["ailleurs@test.coopol.fr"].Id;
        });
        var later = today.AddYears(4);
        await api.WithDbAsync(db =>
        {
            db.Add(new ConsentRecord
            {
                PersonId = w.People["renewed@test.coopol.fr"].Id, Purpose = ConsentPurpose.News, Channel = ConsentChannel.Email, Granted = true,
                Method = ConsentMethod.WebForm, At = today.AddYears(2),
            });
            db.Add(new MembershipRecord { PersonId = w.People["ancien@test.coopol.fr"].Id, Number = "1", Scope = "29", EndedAt = today });
            db.Add(new MembershipRecord { PersonId = w.People["recent@test.coopol.fr"].Id, Number = "2", Scope = "29", EndedAt = today.AddYears(3) });
            db.Add(new MembershipRecord { PersonId = w.People["ailleurs@test.coopol.fr"].Id, Number = "3", Scope = "29", EndedAt = today });
            return db.SaveChangesAsync();
        });
        var peopleBefore = await api.WithDbAsync(db => db.People.CountAsync());

        var dry = await RunJobAsync(later, apply: false);
        (dry.DryRun, dry.InactiveSupporters, dry.FormerMembers).ShouldBe((true, 1, 1));
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(peopleBefore);
        // Before their time, nothing is due.
        (await RunJobAsync(today.AddYears(1), apply: false)).ShouldSatisfyAllConditions(r => r.InactiveSupporters.ShouldBe(0), r => r.FormerMembers.ShouldBe(0));

        var applied = await RunJobAsync(later, apply: true);
        (applied.DryRun, applied.InactiveSupporters, applied.FormerMembers).ShouldBe((false, 1, 1));
        var left = await api.WithDbAsync(db => db.People.Select(p => p.Email).ToListAsync());
        left.ShouldNotContain(TestWorld.SupporterS1);
        left.ShouldNotContain("ancien@test.coopol.fr");
        left.ShouldContain("renewed@test.coopol.fr");
        left.ShouldContain("recent@test.coopol.fr");
        left.Count(e => e == "ailleurs@test.coopol.fr").ShouldBe(2);
        left.ShouldContain(TestWorld.MemberS1);
        (await api.WithDbAsync(db => db.Set<ErasureRecord>().Select(e => e.Reason).ToListAsync()))
            .ShouldBe(["retention: inactive supporter", "retention: former member"], ignoreOrder: true);
        (await api.WithDbAsync(db => db.Set<RetentionRun>().CountAsync())).ShouldBe(3);
        // The national team reads the reports.
        var reports = await new GraphQLClient(api.Factory).PostAsync("{ retentionRuns(first: 5) { items { dryRun inactiveSupporters formerMembers } } }", null, TestWorld.National);
        reports.ShouldHaveNoErrors().At("retentionRuns.items")!.AsArray().Count.ShouldBe(3);
        (await new GraphQLClient(api.Factory).PostAsync("{ retentionRuns(first: 5) { items { dryRun } } }", null, TestWorld.FederationSecretaryA))
            .ErrorCodes.ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task CanvassingDataAboutPeopleIsPurgedAfterTheElectionTheActionServedAndTheOutcomesStay()
    {
        var graphql = new GraphQLClient(api.Factory);
        var w = await ActionWorld.CreateAsync(api, graphql);
        var actionId = await w.CreateAsync(ActionWorld.Input(startsAt: DateTime.UtcNow.AddMinutes(-30)));
        var action = Coopol.Common.GlobalId.TryDecodeGuid(actionId, "Action")!.Value;
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        await api.WithDbAsync(db => Coopol.Features.Addresses.AddressesDemo.GenerateBrestAsync(db, CancellationToken.None));
        var vote = DateTime.UtcNow.AddDays(20);
        await api.WithDbAsync(async db =>
        {
            var door = await (from d in db.Set<Coopol.Features.Addresses.Door>()
                              join b in db.Set<Coopol.Features.Addresses.Building>() on d.BuildingId equals b.Id
                              select new { DoorId = d.Id, BuildingId = b.Id, b.AddressId }).FirstAsync();
            db.Add(new SilencePeriod { Scope = "29", Name = "Municipales", StartsAt = vote.AddHours(-44), EndsAt = vote, CreatedAt = DateTime.UtcNow });
            foreach (var outcome in new[] { DoorOutcome.WantsToHelp, DoorOutcome.NotHome })
                db.Add(new DoorReport
                {
                    ClientId = Guid.NewGuid(), ActionId = action, DoorId = door.DoorId, BuildingId = door.BuildingId, AddressId = door.AddressId,
                    SectionId = w.World.S1.Id, FederationCode = "29", ReporterId = w.World.People[TestWorld.SecretaryS1].Id,
                    ContactId = outcome == DoorOutcome.WantsToHelp ? w.World.People[TestWorld.OtherS1].Id : null, Outcome = outcome,
                    Note = outcome == DoorOutcome.WantsToHelp ? "Veut tracter" : null, VisitedAt = DateTime.UtcNow, ReceivedAt = DateTime.UtcNow,
                });
            return await db.SaveChangesAsync();
        });

        // 183 days after the vote by default: not yet 100 days after it, due 200 days after.
        (await RunJobAsync(vote.AddDays(100), apply: true)).CanvassingReports.ShouldBe(0);
        (await RunJobAsync(vote.AddDays(200), apply: false)).CanvassingReports.ShouldBe(1);
        (await api.WithDbAsync(db => db.Set<DoorReport>().CountAsync(r => r.ContactId != null))).ShouldBe(1);
        (await RunJobAsync(vote.AddDays(200), apply: true)).CanvassingReports.ShouldBe(1);
        var reports = await api.WithDbAsync(db => db.Set<DoorReport>().AsNoTracking().ToListAsync());
        reports.Select(r => r.Outcome).ShouldBe([DoorOutcome.WantsToHelp, DoorOutcome.NotHome], ignoreOrder: true);
        reports.ShouldAllBe(r => r.ContactId == null && r.Note == null && r.Answers.Count == 0);
        // The person met is kept: only what the report said about them goes.
        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Id == w.World.People[TestWorld.OtherS1].Id))).ShouldBe(1);
    }
}
