using System.Net;
using Coopol.Common;
using Coopol.Features.Membership;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coopol.Tests.Features.Membership.MembershipFiles;
using MembershipRecord = Coopol.Features.Membership.Membership;

namespace Coopol.Tests.Features.Membership;

/// <summary>Who may import for where, whose uploads and reports are whose, and what a federation's file may not reach:
/// people and roles of other federations, the level above, the importer's own appointment, a person's withdrawal.</summary>
[Collection(ApiCollection.Name)]
public sealed class MembershipImportAccessTests(ApiFixture api) : IDisposable
{
    private readonly MembershipImports _imports = new(api);
    private readonly string _folder = Directory.CreateTempSubdirectory("coopol-members-").FullName;
    private static readonly string Fed29 = MembershipImports.Federation("29");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task OnlyThoseWhoManageAFederationsPeopleImportItsFileAndReadItsReports()
    {
        var w = await TestWorld.CreateAsync(api);
        var file = Write(_folder, "a.csv", Header, Line("900001", "Alpha"));
        foreach (var (who, scope) in new[]
        {
            (TestWorld.SecretaryS1, Fed29), (TestWorld.DelegateS1, Fed29), (TestWorld.MemberS1, Fed29),
            (TestWorld.FederationSecretaryA, MembershipImports.Federation("04")), (TestWorld.FederationSecretaryA, (string?)null),
        })
        {
            var (status, body) = await _imports.UploadAsync(file, scope, who);
            status.ShouldBe(HttpStatusCode.Forbidden, $"{who} for {scope}: {body?.ToJsonString()}");
        }
        var (sectionLevel, _) = await _imports.UploadAsync(file, w.S1Id, TestWorld.National);
        sectionLevel.ShouldBe(HttpStatusCode.BadRequest);

        var (dry, _) = await _imports.ImportAsync(file, Fed29, TestWorld.FederationSecretaryA);
        var client = new GraphQLClient(api.Factory);
        const string Reports = "query($s: ID) { membershipImports(scopeId: $s, first: 10) { items { id status } } }";
        (await client.PostAsync(Reports, new { s = Fed29 }, TestWorld.National)).ShouldHaveNoErrors().At("membershipImports.items")!.AsArray().Count.ShouldBe(2);
        (await client.PostAsync(Reports, new { s = Fed29 }, TestWorld.SecretaryS1)).ErrorCodes.ShouldBe(["FORBIDDEN"]);
        var node = await client.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = dry["id"]!.GetValue<string>() }, TestWorld.SecretaryS1);
        node.ShouldHaveNoErrors().At("node").ShouldBeNull();
    }

    [Fact]
    public async Task AnUploadIsUsableByItsUploaderOnlyAndAnApplyNeedsItsDryRunWithTheSameMapping()
    {
        await TestWorld.CreateAsync(api);
        var file = Write(_folder, "a.csv", Header, Line("900001", "Alpha"));
        var (_, upload) = await _imports.UploadAsync(file, null, TestWorld.National);
        var uploadId = upload!["uploadId"]!.GetValue<string>();
        var mapping = MembershipImports.MappingOf(upload);
        (await _imports.RunAsync(TestWorld.FederationSecretaryA, new { uploadId, scopeId = Fed29, mapping, dryRun = true })).Errors.ShouldBe(["UPLOAD_NOT_FOUND"]);
        (await _imports.RunAsync(TestWorld.National, new { uploadId, mapping, dryRun = false })).Errors.ShouldBe(["DRY_RUN_REQUIRED"]);
        var (_, dry, _) = await _imports.RunAsync(TestWorld.National, new { uploadId, mapping, dryRun = true });
        var fewer = mapping.Take(mapping.Length - 1).ToArray();
        (await _imports.RunAsync(TestWorld.National, new { uploadId, mapping = fewer, dryRun = false, dryRunId = dry!["id"]!.GetValue<string>() }))
            .Errors.ShouldBe(["MAPPING_CHANGED"]);
        var noNumber = mapping.Skip(1).ToArray();
        (await _imports.RunAsync(TestWorld.National, new { uploadId, mapping = noNumber, dryRun = true })).Errors.ShouldBe(["MISSING_FIELD"]);
    }

    [Fact]
    public async Task AFederationsFileReachesNoOneElsewhereTellsNothingOfThemAndNeverAppointsAboveItself()
    {
        var w = await TestWorld.CreateAsync(api);
        var pauline = w.People[TestWorld.PersonS3]; // in Gamma, federation 04
        // The national file gives Pauline her membership number.
        var national = Write(_folder, "national.csv", Header, Line("400001", "Gamma", last: "Trois", first: "Pauline", email: TestWorld.PersonS3));
        var (_, nationalApplied) = await _imports.ImportAsync(national, null, TestWorld.National);
        nationalApplied["status"]!.GetValue<string>().ShouldBe("APPLIED", nationalApplied.ToJsonString());

        var file = Write(_folder, "29.csv", Header,
            Line("400001", "Alpha", first: "Pauline", last: "Trois"),
            Line("900002", "Alpha", first: "Pauline", last: "Trois", email: TestWorld.PersonS3),
            Line("900003", "Beta", first: "Fabien", last: "Federal", email: TestWorld.FederationSecretaryA, function: "Secrétaire de section"),
            Line("900004", "Beta", first: "Gwen", last: "Morvan", email: "gwen@exemple.fr", function: "Secrétaire fédérale"),
            Line("900005", "Alpha", first: "Sacha", last: "Sympathisant", email: TestWorld.SupporterS1, emailConsent: "Oui"));
        // Sacha withdrew their consent to news by email in Coopol: the file's "yes" does not override it.
        await api.WithDbAsync(db =>
        {
            db.Add(new ConsentRecord
            {
                PersonId = w.People[TestWorld.SupporterS1].Id, Purpose = ConsentPurpose.News, Channel = ConsentChannel.Email, Granted = false,
                Method = ConsentMethod.WebForm, At = DateTime.UtcNow.AddDays(-1),
            });
            return db.SaveChangesAsync();
        });
        var (dry, applied) = await _imports.ImportAsync(file, Fed29, TestWorld.FederationSecretaryA, skipInvalidRows: true);
        var problems = dry["problems"]!.AsArray().Select(p => (p!["line"]!.GetValue<int>(), p["code"]!.GetValue<string>())).ToList();
        // A number held elsewhere is a problem of its own line (moves between federations are the national team's)...
        problems.ShouldBe([(2, "NUMBER_ELSEWHERE")]);
        // ...but an email known elsewhere reads as any new member: the report says nothing of who is known where.
        dry["changes"]!.AsArray().ShouldContain(c => c!["kind"]!.GetValue<string>() == "NEW_MEMBER" && c["line"]!.GetValue<int>() == 3);
        var notes = dry["changes"]!.AsArray().Where(c => c!["kind"]!.GetValue<string>() == "ROLE_NOT_GRANTED").Select(c => c!["line"]!.GetValue<int>()).ToList();
        notes.ShouldBe([4, 5], ignoreOrder: true);
        applied["status"]!.GetValue<string>().ShouldBe("APPLIED");

        // Pauline's own record is untouched; the federation's record of her is its own, privately linked, and she is asked.
        var records = await api.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.Email == TestWorld.PersonS3).ToListAsync());
        records.Count.ShouldBe(2);
        records.Single(p => p.Id == pauline.Id).SectionId.ShouldBe(w.S3.Id);
        records.Single(p => p.Id != pauline.Id).LinkedToId.ShouldBe(pauline.Id);
        (await api.WithDbAsync(db => db.Set<SectionInvitation>().CountAsync(i => i.PersonId == pauline.Id))).ShouldBe(1);
        (await api.WithDbAsync(db => db.Set<MembershipRecord>().SingleAsync(m => m.Number == "400001"))).PersonId.ShouldBe(pauline.Id);
        // No role above the federation's own, none for the importer.
        (await api.WithDbAsync(db => db.RoleGrants.CountAsync(g => g.ImportId != null))).ShouldBe(0);
        // The file's yes gave what Sacha never decided, and not what they withdrew.
        var sacha = await api.WithDbAsync(db => db.Set<ConsentRecord>().AsNoTracking()
            .Where(c => c.PersonId == w.People[TestWorld.SupporterS1].Id && c.Method == ConsentMethod.Import).ToListAsync());
        sacha.Select(c => (c.Purpose, c.Channel, c.Granted)).ShouldBe([(ConsentPurpose.Actions, ConsentChannel.Email, true)]);
    }
}
