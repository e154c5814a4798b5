using System.Net;
using Coopol.Features.Privacy;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coopol.Tests.Features.Membership.MembershipFiles;

namespace Coopol.Tests.Features.Membership;

/// <summary>What an attacker's review of the import found, each held by a test: a file never re-addresses someone who
/// signs in or holds rights, never brings back someone erased, tells nothing of records linked elsewhere, a dry run serves
/// one apply, and invisible characters or absurd widths are refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class MembershipImportHardeningTests(ApiFixture api) : IDisposable
{
    private readonly MembershipImports _imports = new(api);
    private readonly string _folder = Directory.CreateTempSubdirectory("coopol-members-").FullName;
    private static readonly string Fed29 = MembershipImports.Federation("29");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<System.Text.Json.Nodes.JsonNode> DryRunAsync(string file, string asEmail = TestWorld.FederationSecretaryA)
    {
        var (_, upload) = await _imports.UploadAsync(file, Fed29, asEmail);
        var (_, dry, _) = await _imports.RunAsync(asEmail, new { uploadId = upload!["uploadId"]!.GetValue<string>(), scopeId = Fed29, mapping = MembershipImports.MappingOf(upload), dryRun = true });
        return dry!;
    }

    private static List<(int Line, string Code)> Problems(System.Text.Json.Nodes.JsonNode report) =>
        report["problems"]!.AsArray().Select(p => (p!["line"]!.GetValue<int>(), p["code"]!.GetValue<string>())).ToList();

    [Fact]
    public async Task AFileNeverChangesTheEmailOfSomeoneWhoSignsInOrHoldsRights()
    {
        await TestWorld.CreateAsync(api);
        // Sonia (Alpha's secretary) and Marie (who has signed in) get their membership numbers from a first file.
        await new GraphQLClient(api.Factory).PostAsync("{ me { person { id } } }", null, TestWorld.MemberS1);
        var first = Write(_folder, "1.csv", Header, Line("900001", "Alpha", email: TestWorld.SecretaryS1), Line("900002", "Alpha", email: TestWorld.MemberS1),
            Line("900003", "Alpha", email: TestWorld.OtherS1));
        await _imports.ImportAsync(first, Fed29, TestWorld.FederationSecretaryA);
        // The next file gives them addresses the importer chose: refused for both; Pierre (no account, no rights) may change.
        var second = Write(_folder, "2.csv", Header, Line("900001", "Alpha", email: "attacker@exemple.fr"), Line("900002", "Alpha", email: "attacker2@exemple.fr"),
            Line("900003", "Alpha", email: "pierre.nouveau@exemple.fr"));
        Problems(await DryRunAsync(second)).ShouldBe([(2, "EMAIL_LOCKED"), (3, "EMAIL_LOCKED")]);
        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Email == TestWorld.SecretaryS1 || p.Email == TestWorld.MemberS1))).ShouldBe(2);
    }

    [Fact]
    public async Task SomeoneErasedOnRequestIsNotBroughtBackByTheNextFileAndNoReportKeepsTheirName()
    {
        await TestWorld.CreateAsync(api);
        var file = Write(_folder, "a.csv", Header, Line("900001", "Alpha", first: "Maëlle", last: "Quéméner", email: "maelle@exemple.fr"),
            Line("900002", "Beta", first: "Goulven", last: "Kerjean", email: "goulven@exemple.fr"));
        await _imports.ImportAsync(file, Fed29, TestWorld.FederationSecretaryA);
        var erased = await new GraphQLClient(api.Factory).PostAsync("mutation($i: ErasePersonalDataInput!) { erasePersonalData(input: $i) { errors { code } } }",
            new { i = new { confirmation = PersonalDataService.Confirmation } }, "maelle@exemple.fr");
        erased.ShouldHaveNoErrors().PayloadErrorCodes("erasePersonalData").ShouldBeEmpty();
        (await api.WithDbAsync(db => db.Set<Coopol.Features.Membership.MembershipImport>().Select(i => i.Changes).ToListAsync()))
            .SelectMany(c => c).ShouldNotContain(c => c.Name.Contains("Quéméner"));

        var dry = await DryRunAsync(file);
        Problems(dry).ShouldBe([(2, "ERASED_ON_REQUEST")]);
        MembershipImports.Count(dry, "newMembers").ShouldBe(0);
        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Email == "maelle@exemple.fr"))).ShouldBe(0);
        // No trace can be read back: only keyed hashes are kept.
        (await api.WithDbAsync(db => db.Set<ErasedIdentifier>().Select(e => e.Hash).ToListAsync()))
            .ShouldAllBe(h => !h.Contains("maelle") && !h.Contains("900001"));
    }

    [Fact]
    public async Task AnEmailHeldByARecordOfTheScopeIsTakenWhetherOrNotThatRecordIsLinkedElsewhere()
    {
        await TestWorld.CreateAsync(api, world =>
        {
            var linked = world.Add("linked@test.coopol.fr", "Pauline", "Trois", world.S1, Coopol.Features.People.PersonKind.Supporter);
            linked.Email = TestWorld.PersonS3;
            linked.LinkedToId = world.People[TestWorld.PersonS3].Id;
        });
        var first = Write(_folder, "1.csv", Header, Line("900001", "Alpha", email: TestWorld.OtherS1), Line("900002", "Alpha", email: TestWorld.PersonS2));
        await _imports.ImportAsync(first, Fed29, TestWorld.FederationSecretaryA);
        // Pierre's number with the email of Alpha's linked record, and Paul's number with Marie's: both read alike.
        var second = Write(_folder, "2.csv", Header, Line("900001", "Alpha", email: TestWorld.PersonS3), Line("900002", "Beta", email: TestWorld.MemberS1));
        Problems(await DryRunAsync(second)).ShouldBe([(2, "EMAIL_TAKEN"), (3, "EMAIL_TAKEN")]);
    }

    [Fact]
    public async Task ADryRunServesOneApplyAndInvisibleCharactersOrAbsurdWidthsAreRefused()
    {
        await TestWorld.CreateAsync(api);
        var file = Write(_folder, "a.csv", new System.Text.UTF8Encoding(false), Header, Line("900001", "Alpha"), Line("900002", "Alpha", first: "Ann\u202Ea"), Line("900003", "Alpha", last: "Le\u0007Gall"));
        var (_, upload) = await _imports.UploadAsync(file, Fed29, TestWorld.FederationSecretaryA);
        var uploadId = upload!["uploadId"]!.GetValue<string>();
        var mapping = MembershipImports.MappingOf(upload);
        var (_, dry, _) = await _imports.RunAsync(TestWorld.FederationSecretaryA, new { uploadId, scopeId = Fed29, mapping, dryRun = true });
        Problems(dry!).ShouldBe([(3, "INVALID_CHARACTERS"), (4, "INVALID_CHARACTERS")]);
        var apply = new { uploadId, scopeId = Fed29, mapping, dryRun = false, dryRunId = dry!["id"]!.GetValue<string>(), skipInvalidRows = true };
        var first = await _imports.RunAsync(TestWorld.FederationSecretaryA, apply);
        first.Errors.ShouldBeEmpty();
        first.Report!["status"]!.GetValue<string>().ShouldBe("APPLIED", first.Report.ToJsonString());
        (await _imports.RunAsync(TestWorld.FederationSecretaryA, apply)).Errors.ShouldBe(["UPLOAD_NOT_FOUND"]);

        var wide = Path.Combine(_folder, "wide.csv");
        await File.WriteAllTextAsync(wide, string.Join(';', Enumerable.Range(1, 201).Select(i => "c" + i)) + "\r\n" + string.Join(';', Enumerable.Range(1, 201)) + "\r\n");
        var (status, body) = await _imports.UploadAsync(wide, Fed29, TestWorld.FederationSecretaryA);
        status.ShouldBe(HttpStatusCode.BadRequest);
        body!["detail"]!.GetValue<string>().ShouldContain("at most 200");
    }
}
