using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json.Nodes;
using Coopol.Access;
using Coopol.Common;
using Coopol.Features.Actions;
using Coopol.Features.Canvassing;
using Coopol.Features.JobRuns;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Coopol.Features.Privacy;
using Coopol.Tests.Features.Actions;
using Coopol.Tests.Features.Membership;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Privacy;

/// <summary>The rights of the person: every table of personal data is covered by the download and by erasure, a person
/// downloads everything Coopol holds about them and erases it, counts survive without a link, and organizers do the same
/// on request, recorded.</summary>
[Collection(ApiCollection.Name)]
public sealed class PersonalDataTests(ApiFixture api) : IDisposable
{
    private readonly GraphQLClient _graphql = new(api.Factory);
    private readonly string _folder = Directory.CreateTempSubdirectory("coopol-privacy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EveryTableOfPersonalDataInTheModelIsDeclaredByAStepForTheDownloadAndForErasure()
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Coopol.Data.CoopolDbContext>();
        var declared = scope.ServiceProvider.GetServices<IPersonalDataStep>().SelectMany(s => s.Tables).ToList();
        var personal = db.Model.GetEntityTypes().Select(e => e.ClrType).Where(t => t.GetCustomAttribute<PersonalDataAttribute>() is not null).ToList();
        personal.Where(t => declared.All(d => d.Entity != t)).Select(t => t.FullName).ShouldBeEmpty("tables of personal data that no step declares");
        declared.ShouldAllBe(d => d.Export.Length > 0 && d.Erasure.Length > 0);
        // A table that points at a person without declaring personal data would escape both.
        db.Model.GetEntityTypes().Where(e => e.GetForeignKeys().Any(k => k.PrincipalEntityType.ClrType == typeof(Person)))
            .Select(e => e.ClrType).Where(t => !personal.Contains(t)).Select(t => t.FullName).ShouldBeEmpty();
    }

    private async Task<(ActionWorld W, string ActionId)> ArrangeMarieEverywhereAsync()
    {
        var w = await ActionWorld.CreateAsync(api, _graphql);
        var world = w.World;
        var marie = world.People[TestWorld.MemberS1];
        var actionId = await w.CreateAsync(ActionWorld.Input(startsAt: DateTime.UtcNow.AddMinutes(-30)));
        (await w.JoinAsync(actionId, TestWorld.MemberS1)).ShouldHaveNoErrors();
        var action = GlobalId.TryDecodeGuid(actionId, "Action")!.Value;
        // The national file lists her (a membership), and she was met at a door by Pierre, and reported a door herself.
        var file = MembershipFiles.Write(_folder, "adherents.csv", MembershipFiles.Header,
            MembershipFiles.Line("290001", "Alpha", last: "Membre", first: "Marie", email: TestWorld.MemberS1));
        await new MembershipImports(api).ImportAsync(file, null, TestWorld.National);
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        await api.WithDbAsync(db => Coopol.Features.Addresses.AddressesDemo.GenerateBrestAsync(db, CancellationToken.None));
        await api.WithDbAsync(async db =>
        {
            var door = await (from d in db.Set<Coopol.Features.Addresses.Door>()
                              join b in db.Set<Coopol.Features.Addresses.Building>() on d.BuildingId equals b.Id
                              select new { DoorId = d.Id, BuildingId = b.Id, b.AddressId }).FirstAsync();
            await db.Set<ActionParticipant>().Where(p => p.PersonId == marie.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.CheckedInAt, DateTime.UtcNow));
            var segment = new Segment
            {
                Name = "Liste", Level = TreeLevel.Section, FederationCode = "29", SectionId = world.S1.Id, CreatedById = marie.Id,
                Definition = new SegmentDefinition { PersonIds = [marie.Id, world.People[TestWorld.OtherS1].Id] }, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Add(segment);
            db.Add(new Message { Channel = ConsentChannel.Email, Level = TreeLevel.Section, FederationCode = "29", SectionId = world.S1.Id, AuthorId = marie.Id, Body = "Bonjour" });
            db.Add(new OutboxMessage { Channel = ConsentChannel.Sms, Address = "+33612345678", Key = "test:" + Guid.NewGuid(), PersonId = marie.Id });
            db.Add(new UnusableContact { Address = "+33612345678", Channel = ConsentChannel.Sms, Reason = "STOP", At = DateTime.UtcNow });
            db.Add(new ConsentRecord { PersonId = marie.Id, Purpose = ConsentPurpose.News, Channel = ConsentChannel.Email, Granted = true, Method = ConsentMethod.WebForm, At = DateTime.UtcNow });
            db.Add(new AccessLogEntry { SubjectId = marie.Id, ActorId = world.People[TestWorld.SecretaryS1].Id, Kind = AccessKind.ViewedPerson, At = DateTime.UtcNow });
            db.Add(new DoorReport
            {
                ClientId = Guid.NewGuid(), ActionId = action, DoorId = door.DoorId, BuildingId = door.BuildingId, AddressId = door.AddressId,
                SectionId = world.S1.Id, FederationCode = "29", ReporterId = marie.Id, Outcome = DoorOutcome.Opened,
                VisitedAt = DateTime.UtcNow, ReceivedAt = DateTime.UtcNow, Note = "Très motivée",
            });
            db.Add(new DoorReport
            {
                ClientId = Guid.NewGuid(), ActionId = action, DoorId = door.DoorId, BuildingId = door.BuildingId, AddressId = door.AddressId,
                SectionId = world.S1.Id, FederationCode = "29", ReporterId = world.People[TestWorld.OtherS1].Id,
                ContactId = marie.Id, Outcome = DoorOutcome.Opened, VisitedAt = DateTime.UtcNow, ReceivedAt = DateTime.UtcNow, Note = "Marie veut aider",
            });
            return await db.SaveChangesAsync();
        });
        return (w, actionId);
    }

    private async Task<ZipArchive> DownloadAsync(string? personId, string asEmail)
    {
        var started = (await _graphql.PostAsync("mutation($p: ID) { exportPersonalData(personId: $p) { run { id } errors { code } } }", new { p = personId }, asEmail))
            .ShouldHaveNoErrors();
        started.PayloadErrorCodes("exportPersonalData").ShouldBeEmpty();
        var runId = GlobalId.TryDecodeGuid(started.At("exportPersonalData.run.id")!.GetValue<string>(), JobRunService.NodeType)!.Value;
        await using (var scope = api.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExportPersonalDataJob>().RunAsync(runId, CancellationToken.None);
        var run = await api.WithDbAsync(db => db.Set<JobRun>().SingleAsync(r => r.Id == runId));
        run.Status.ShouldBe(JobRunStatus.Succeeded, run.StopReason);
        using var client = api.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, run.ResultUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/zip");
        return new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
    }

    private static JsonArray Table(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name + ".json").ShouldNotBeNull($"{name}.json is missing").Open());
        return JsonNode.Parse(reader.ReadToEnd())!.AsArray();
    }

    [Fact]
    public async Task APersonDownloadsEverythingCoopolHoldsAboutThemThenErasesItAndOnlyCountsRemainLinkedToNoOne()
    {
        var (w, actionId) = await ArrangeMarieEverywhereAsync();
        var marie = w.World.People[TestWorld.MemberS1];

        using (var zip = await DownloadAsync(null, TestWorld.MemberS1))
        {
            zip.GetEntry("README.txt").ShouldNotBeNull();
            Table(zip, "people").Single()!["Email"]!.GetValue<string>().ShouldBe(TestWorld.MemberS1);
            zip.GetEntry("people.csv").ShouldNotBeNull();
            Table(zip, "membership").Single()!["Number"]!.GetValue<string>().ShouldBe("290001");
            Table(zip, "consents").Count.ShouldBeGreaterThan(0);
            Table(zip, "access-log").Count.ShouldBe(1);
            Table(zip, "action-participations").Single()!["CheckedInAt"].ShouldNotBeNull();
            // What she reported of a household is that household's, not hers: the outcome only.
            Table(zip, "door-reports-made").Single()!.AsObject().ShouldSatisfyAllConditions(
                r => r.ContainsKey("Note").ShouldBeFalse(), r => r.ContainsKey("ContactId").ShouldBeFalse(), r => r["Outcome"]!.GetValue<string>().ShouldBe("Opened"));
            Table(zip, "door-reports-about").Single()!["Note"]!.GetValue<string>().ShouldBe("Marie veut aider");
            Table(zip, "messages-written").Count.ShouldBe(1);
            Table(zip, "segments-made").Count.ShouldBe(1);
            Table(zip, "messages-received").Count.ShouldBe(1);
            Table(zip, "unusable-contacts").Count.ShouldBe(1);
        }
        var checkedIn = await CheckedInAsync(actionId);
        checkedIn.ShouldBe(1);

        var refused = await EraseAsync(null, "erase", TestWorld.MemberS1);
        refused.PayloadErrorCodes("erasePersonalData").ShouldBe(["CONFIRMATION_REQUIRED"]);
        var erased = await EraseAsync(null, PersonalDataService.Confirmation, TestWorld.MemberS1);
        erased.PayloadErrorCodes("erasePersonalData").ShouldBeEmpty();
        erased.At("erasePersonalData.erasure.byThemselves")!.GetValue<bool>().ShouldBeTrue();

        // Nothing points at her any more, in any table of the model.
        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Coopol.Data.CoopolDbContext>();
            foreach (var entity in db.Model.GetEntityTypes())
                foreach (var key in entity.GetForeignKeys().Where(k => k.PrincipalEntityType.ClrType == typeof(Person)))
                {
                    var column = key.Properties.Single().GetColumnName();
                    // Table and column names come from the model, never from input.
                    var sql = "SELECT count(*)::int AS \"Value\" FROM \"" + entity.GetTableName() + "\" WHERE \"" + column + "\" = {0}";
                    var count = await db.Database.SqlQueryRaw<int>(sql, marie.Id).SingleAsync();
                    count.ShouldBe(0, $"{entity.GetTableName()}.{column}");
                }
            (await db.Set<OutboxMessage>().CountAsync(o => o.Address == "+33612345678")).ShouldBe(0);
            (await db.Set<Segment>().SingleAsync()).Definition.PersonIds.ShouldBe([w.World.People[TestWorld.OtherS1].Id]);
            // What counts need stays, linked to no one: both door reports, the message (from a former user), the action's attendance.
            var reports = await db.Set<DoorReport>().AsNoTracking().ToListAsync();
            reports.Count.ShouldBe(2);
            reports.Single(r => r.ReporterId == null).Note.ShouldBe("Très motivée");
            reports.Single(r => r.ReporterId != null).ShouldSatisfyAllConditions(r => r.ContactId.ShouldBeNull(), r => r.Note.ShouldBeNull());
            (await db.Set<Message>().SingleAsync()).AuthorId.ShouldBeNull();
            // A STOP stays honoured.
            (await db.Set<UnusableContact>().CountAsync()).ShouldBe(1);
            var record = await db.Set<ErasureRecord>().AsNoTracking().SingleAsync();
            (record.ByThemselves, record.ActorId).ShouldBe((true, (Guid?)null));
            record.Rows["People"].ShouldBe(1);
            System.Text.Json.JsonSerializer.Serialize(record).ShouldNotContain(marie.Id.ToString());
        }
        (await CheckedInAsync(actionId)).ShouldBe(checkedIn);
        // Signing in again finds no one.
        (await _graphql.PostAsync("{ me { person { id } } }", null, TestWorld.MemberS1)).ShouldHaveNoErrors().At("me.person").ShouldBeNull();
    }

    private async Task<int> CheckedInAsync(string actionId) =>
        (await _graphql.PostAsync("query($id: ID!) { action(id: $id) { attendance { checkedIn } } }", new { id = actionId }, TestWorld.SecretaryS1))
            .ShouldHaveNoErrors().At("action.attendance.checkedIn")!.GetValue<int>();

    private Task<GraphQLAnswer> EraseAsync(string? personId, string confirmation, string asEmail) =>
        _graphql.PostAsync("mutation($i: ErasePersonalDataInput!) { erasePersonalData(input: $i) { erasure { at byThemselves rows } errors { code } } }",
            new { i = new { personId, confirmation } }, asEmail);

    [Fact]
    public async Task AnOrganizersRequestReachesTheirSectionsRecordOnlyAndADelegateNeverErases()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            // Pauline (federation 04) is known to Alpha as well: Alpha keeps its own record of her, linked to hers.
            var linked = world.Add("pauline.alpha@test.coopol.fr", "Pauline", "Trois", world.S1);
            linked.Email = TestWorld.PersonS3;
            linked.LinkedToId = world.People[TestWorld.PersonS3].Id;
            world.Grants["manager-delegate"] = new Coopol.Access.RoleGrant
            {
                PersonId = world.People[TestWorld.MemberS1].Id, Role = Role.Delegate, Level = TreeLevel.Section, FederationCode = "29", SectionId = world.S1.Id,
                Permissions = Permission.ManagePeople, ParentGrantId = world.Grants[TestWorld.SecretaryS1].Id, GrantedById = world.People[TestWorld.SecretaryS1].Id,
                GrantedAt = DateTime.UtcNow,
            };
        });
        var alphasRecord = w.People["pauline.alpha@test.coopol.fr"];
        var alphasId = GlobalId.Encode(PersonService.NodeType, alphasRecord.Id);
        // A delegate managing Alpha's people may not erase (it cannot be undone): the secretaries do.
        (await EraseAsync(alphasId, PersonalDataService.Confirmation, TestWorld.MemberS1)).PayloadErrorCodes("erasePersonalData").ShouldBe(["FORBIDDEN"]);
        // Alpha's secretary downloads Alpha's record only, without a word about the record federation 04 keeps.
        using (var zip = await DownloadAsync(alphasId, TestWorld.SecretaryS1))
            Table(zip, "people").Select(p => p!["Id"]!.GetValue<string>()).ShouldBe([alphasRecord.Id.ToString()]);
        (await EraseAsync(alphasId, PersonalDataService.Confirmation, TestWorld.SecretaryS1)).PayloadErrorCodes("erasePersonalData").ShouldBeEmpty();
        var left = await api.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.Email == TestWorld.PersonS3).ToListAsync());
        left.Select(p => p.Id).ShouldBe([w.People[TestWorld.PersonS3].Id]);

        // The other way round: Alpha erases its member Pierre, whom Gamma also keeps a record of; Gamma's record becomes his own.
        await api.WithDbAsync(db =>
        {
            db.People.Add(new Person
            {
                Kind = PersonKind.Supporter, FirstName = "Pierre", LastName = "Un", Email = TestWorld.OtherS1, LinkedToId = w.People[TestWorld.OtherS1].Id,
                SectionId = w.S3.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        (await EraseAsync(w.IdOf(TestWorld.OtherS1), PersonalDataService.Confirmation, TestWorld.SecretaryS1)).PayloadErrorCodes("erasePersonalData").ShouldBeEmpty();
        var gammas = await api.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == TestWorld.OtherS1));
        (gammas.SectionId, gammas.LinkedToId).ShouldBe((w.S3.Id, (Guid?)null));
    }

    [Fact]
    public async Task AnOrganizerDownloadsAndErasesOnRequestForThePeopleTheyManageOnlyAndItIsRecorded()
    {
        var w = await TestWorld.CreateAsync(api);
        var pierre = w.IdOf(TestWorld.OtherS1);
        // Another section's secretary and a delegate who only views do not; a person holding a delegation is not erased by others.
        (await EraseAsync(pierre, PersonalDataService.Confirmation, TestWorld.SecretaryS2)).PayloadErrorCodes("erasePersonalData").ShouldBe(["PERSON_NOT_FOUND"]);
        (await EraseAsync(pierre, PersonalDataService.Confirmation, TestWorld.DelegateS1)).PayloadErrorCodes("erasePersonalData").ShouldBe(["FORBIDDEN"]);
        (await EraseAsync(w.IdOf(TestWorld.DelegateS1), PersonalDataService.Confirmation, TestWorld.SecretaryS1)).PayloadErrorCodes("erasePersonalData")
            .ShouldBe(["ROLES_HELD"]);

        using (var zip = await DownloadAsync(pierre, TestWorld.SecretaryS1))
            Table(zip, "people").Single()!["Email"]!.GetValue<string>().ShouldBe(TestWorld.OtherS1);
        (await api.WithDbAsync(db => db.Set<AccessLogEntry>().CountAsync(a => a.SubjectId == w.People[TestWorld.OtherS1].Id && a.Kind == AccessKind.ExportedPersonalData)))
            .ShouldBe(1);
        // The download is the organizer's alone.
        var run = await api.WithDbAsync(db => db.Set<JobRun>().SingleAsync(r => r.Kind == PersonalDataService.ExportKind));
        using (var client = api.Factory.CreateClient())
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, run.ResultUrl);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(TestWorld.OtherS1));
            (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        (await EraseAsync(pierre, PersonalDataService.Confirmation, TestWorld.SecretaryS1)).ShouldHaveNoErrors().PayloadErrorCodes("erasePersonalData").ShouldBeEmpty();
        var record = await api.WithDbAsync(db => db.Set<ErasureRecord>().SingleAsync());
        (record.ByThemselves, record.ActorId, record.SectionId).ShouldBe((false, w.People[TestWorld.SecretaryS1].Id, w.S1.Id));
        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Email == TestWorld.OtherS1))).ShouldBe(0);
    }
}
