using System.Net;
using System.Text;
using Coopol.Access;
using Coopol.Features.JobRuns;
using Coopol.Features.PartyTree;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Coopol.Tests.Features.Membership.MembershipFiles;
using MembershipRecord = Coopol.Features.Membership.Membership;

namespace Coopol.Tests.Features.Membership;

/// <summary>Bad input: each problem is named with its line and column, nothing is half-applied, and an apply skips exactly
/// the lines its dry run listed, or nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class MembershipBadInputTests(ApiFixture api) : IDisposable
{
    private readonly MembershipImports _imports = new(api);
    private readonly string _folder = Directory.CreateTempSubdirectory("coopol-members-").FullName;
    private static readonly string Fed29 = MembershipImports.Federation("29");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Defective() => Write(_folder, "defauts.csv",
        Header,
        Line("900002", "Alpha", email: "anais.legall@exemple.fr"),
        Line("900003", "Delta"),
        Line("900004", "Alpha", email: "pas-un-email"),
        Line("900005", "Alpha", mobile: "02 98 12 34 56"),
        Line("900006", "Alpha", first: "Yann"),
        Line("900006", "Beta", first: "Yannick"),
        Line("900008", "Alpha", email: "meme@exemple.fr"),
        Line("900009", "Beta", email: "MEME@exemple.fr"),
        "900010;M.;Kerouac;Jack;;;;;;Alpha;",
        Line("900011", "Beta", date: "31/02/2020"),
        Line("900012", "Beta", last: "Ségalen", first: "Élouan"));

    [Fact]
    public async Task EveryProblemIsNamedWithItsLineAndColumnAndAnApplySkipsExactlyTheListedLinesOrNothing()
    {
        await TestWorld.CreateAsync(api);
        var file = Defective();
        var (status, upload) = await _imports.UploadAsync(file, Fed29, TestWorld.FederationSecretaryA);
        status.ShouldBe(HttpStatusCode.Created);
        var uploadId = upload!["uploadId"]!.GetValue<string>();
        var mapping = MembershipImports.MappingOf(upload);
        var (_, dry, _) = await _imports.RunAsync(TestWorld.FederationSecretaryA, new { uploadId, scopeId = Fed29, mapping, dryRun = true });
        var problems = dry!["problems"]!.AsArray().Select(p => (p!["line"]?.GetValue<int>(), p["column"]?.GetValue<int>(), p["code"]!.GetValue<string>())).ToList();
        problems.ShouldBe(
        [
            (3, 10, "UNKNOWN_SECTION"), (4, 5, "INVALID_EMAIL"), (5, 6, "NOT_A_MOBILE"), (10, null, "WRONG_FIELD_COUNT"), (11, 12, "INVALID_DATE"),
            (6, 1, "DUPLICATE_NUMBER"), (7, 1, "DUPLICATE_NUMBER"), (8, 5, "DUPLICATE_EMAIL"), (9, 5, "DUPLICATE_EMAIL"),
        ], ignoreOrder: true);
        dry["problems"]!.AsArray().Single(p => p!["line"]!.GetValue<int>() == 6)!["message"]!.GetValue<string>().ShouldContain("line 7");
        var peopleBefore = await api.WithDbAsync(db => db.People.CountAsync());

        // Applying while problems remain changes nothing.
        var dryRunId = dry["id"]!.GetValue<string>();
        var (_, refused, run) = await _imports.RunAsync(TestWorld.FederationSecretaryA, new { uploadId, scopeId = Fed29, mapping, dryRun = false, dryRunId });
        (run!.Status, run.StopCode).ShouldBe((JobRunStatus.Stopped, "PROBLEMS_REMAIN"));
        refused!["status"]!.GetValue<string>().ShouldBe("REFUSED");
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(peopleBefore);
        (await api.WithDbAsync(db => db.Set<MembershipRecord>().CountAsync())).ShouldBe(0);

        // Asked to, it applies all but exactly the nine listed lines, and says so.
        var (_, applied, _) = await _imports.RunAsync(TestWorld.FederationSecretaryA,
            new { uploadId, scopeId = Fed29, mapping, dryRun = false, dryRunId, skipInvalidRows = true });
        applied!["status"]!.GetValue<string>().ShouldBe("APPLIED", applied.ToJsonString());
        (MembershipImports.Count(applied, "newMembers"), MembershipImports.Count(applied, "skippedRows")).ShouldBe((2, 9));
        (await api.WithDbAsync(db => db.Set<MembershipRecord>().OrderBy(m => m.Number).Select(m => m.Number).ToListAsync())).ShouldBe(["900002", "900012"]);
        (await api.WithDbAsync(db => db.People.SingleAsync(p => p.LastName == "Ségalen"))).FirstName.ShouldBe("Élouan");
    }

    [Fact]
    public async Task AnApplyWhoseProblemLinesAreNoLongerThoseOfItsDryRunIsRefused()
    {
        await TestWorld.CreateAsync(api);
        var file = Defective();
        var (_, upload) = await _imports.UploadAsync(file, Fed29, TestWorld.FederationSecretaryA);
        var uploadId = upload!["uploadId"]!.GetValue<string>();
        var mapping = MembershipImports.MappingOf(upload);
        var (_, dry, _) = await _imports.RunAsync(TestWorld.FederationSecretaryA, new { uploadId, scopeId = Fed29, mapping, dryRun = true });
        // Meanwhile the section the file names on line 3 is created: that line would now be applied, unseen in the report.
        await api.WithDbAsync(db =>
        {
            db.Sections.Add(new Section { FederationCode = "29", Name = "Delta", CreatedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var (_, refused, run) = await _imports.RunAsync(TestWorld.FederationSecretaryA,
            new { uploadId, scopeId = Fed29, mapping, dryRun = false, dryRunId = dry!["id"]!.GetValue<string>(), skipInvalidRows = true });
        run!.StopCode.ShouldBe("REPORT_OUTDATED");
        refused!["status"]!.GetValue<string>().ShouldBe("REFUSED");
        (await api.WithDbAsync(db => db.Set<MembershipRecord>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task FilesOfAnotherKindOrEncodingAreRefusedAtUploadWithWhatTheyAre()
    {
        await TestWorld.CreateAsync(api);
        async Task<string> Refusal(string name, byte[] content)
        {
            var path = Path.Combine(_folder, name);
            await File.WriteAllBytesAsync(path, content);
            var (status, body) = await _imports.UploadAsync(path, Fed29, TestWorld.FederationSecretaryA);
            status.ShouldBe(HttpStatusCode.BadRequest, body?.ToJsonString());
            return body!["detail"]!.GetValue<string>();
        }
        (await Refusal("scan.pdf", "%PDF-1.7\n%âãÏÓ\n1 0 obj"u8.ToArray())).ShouldContain("PDF");
        (await Refusal("photo.csv", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])).ShouldContain("image");
        (await Refusal("utf16.csv", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Header + "\r\n")).ToArray())).ShouldContain("UTF-16");
        (await Refusal("binary.csv", [1, 2, 0, 3, 0, 0, 7, 8])).ShouldContain("not a text file");
        (await Refusal("empty.csv", [])).ShouldContain("empty");
        (await Refusal("notes.txt", "Liste des adhérents à jour\r\nVoir pièce jointe\r\n"u8.ToArray())).ShouldContain("separator");
    }

    [Fact]
    public async Task AFileWithAHeaderAndNoRowsOrWithoutAMandatoryColumnIsRefusedByTheCommandLine()
    {
        await TestWorld.CreateAsync(api);
        var empty = Write(_folder, "vide.csv", Header);
        var outcome = await ApiCommand.RunAsync("import", "members", empty, "--federation", "29", "--dry-run");
        outcome.ExitCode.ShouldBe(1, outcome.Stderr);
        outcome.Stderr.ShouldContain("NO_ROWS");

        var noSection = Write(_folder, "sans-section.csv", "N° adhérent;Nom;Prénom;Email", "900001;Le Gall;Anaïs;anais@exemple.fr");
        outcome = await ApiCommand.RunAsync("import", "members", noSection, "--federation", "29");
        outcome.ExitCode.ShouldBe(1, outcome.Stderr);
        outcome.Stderr.ShouldContain("line 1: MISSING_COLUMN");
        outcome.Stderr.ShouldContain("section");

        var good = Write(_folder, "bon.csv", Header, Line("900001", "Alpha", email: "cli@exemple.fr", function: "Secrétaire fédéral"));
        outcome = await ApiCommand.RunAsync("import", "members", good, "--federation", "29");
        outcome.ExitCode.ShouldBe(0, outcome.Stderr);
        outcome.Stdout.ShouldContain("Applied (Windows-1252, 1 rows");
        // The command line is the party's operators': it may appoint a federation secretary, which a federation's own import may not.
        var person = await api.WithDbAsync(db => db.People.SingleAsync(p => p.Email == "cli@exemple.fr"));
        (await api.WithDbAsync(db => db.RoleGrants.SingleAsync(g => g.PersonId == person.Id))).Role.ShouldBe(Role.FederationSecretary);
    }
}
