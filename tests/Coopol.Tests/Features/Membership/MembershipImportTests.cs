using System.Net;
using System.Text;
using Coopol.Access;
using Coopol.Common;
using Coopol.Features.Membership;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MembershipRecord = Coopol.Features.Membership.Membership;

namespace Coopol.Tests.Features.Membership;

/// <summary>The party's membership file, through the wizard's path: upload, dry run, apply; members found by number or
/// email, former members, roles granted and withdrawn by imports, consents, and a re-import that changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class MembershipImportTests(ApiFixture api) : IDisposable
{
    private readonly MembershipImports _imports = new(api);
    private readonly string _folder = Directory.CreateTempSubdirectory("coopol-members-").FullName;
    private static readonly MembershipFileGenerator.FileSection[] Sections29 = [new("Alpha", "29200", "Brest"), new("Beta", "29000", "Quimper")];
    private static readonly string Fed29 = MembershipImports.Federation("29");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    [Fact]
    public async Task AFederationsLatin1FileIsDryRunThenAppliedAndReapplyingItChangesNothing()
    {
        var w = await TestWorld.CreateAsync(api);
        var file = PathOf("adherents-29.csv");
        var members = MembershipFileGenerator.Write(file, Sections29, 300);
        var peopleBefore = await api.WithDbAsync(db => db.People.CountAsync());

        var (status, upload) = await _imports.UploadAsync(file, Fed29, TestWorld.FederationSecretaryA);
        status.ShouldBe(HttpStatusCode.Created);
        upload!["encoding"]!.GetValue<string>().ShouldBe("Windows-1252");
        upload["header"]!.AsArray().Select(h => h!.GetValue<string>()).ShouldBe(MembershipFileGenerator.Header);
        // Every column of a French membership export is recognized by its header.
        MembershipImports.MappingOf(upload).Length.ShouldBe(MembershipFileGenerator.Header.Length);
        upload["sample"]!.AsArray().Count.ShouldBe(3);

        var (dry, applied) = await _imports.ImportAsync(file, Fed29, TestWorld.FederationSecretaryA);
        dry["status"]!.GetValue<string>().ShouldBe("DRY_RUN");
        dry["problems"]!.AsArray().ShouldBeEmpty(dry.ToJsonString());
        (MembershipImports.Count(dry, "newMembers"), MembershipImports.Count(dry, "rolesGranted")).ShouldBe((300, 2));
        applied["status"]!.GetValue<string>().ShouldBe("APPLIED", applied.ToJsonString());
        MembershipImports.Count(applied, "newMembers").ShouldBe(300);

        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(peopleBefore + 300);
        var someone = members[7];
        var person = await api.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == someone.Email));
        // Names as the file writes them (membership systems often write last names in capitals).
        (person.FirstName, person.LastName.ToUpperInvariant(), person.Kind, person.SectionId)
            .ShouldBe((someone.FirstName, someone.LastName.ToUpperInvariant(), PersonKind.Member, w.S2.Id));
        person.Phone.ShouldNotBeNull().ShouldStartWith("+33");
        person.Address!.PostalCode.ShouldBe("29000");
        var membership = await api.WithDbAsync(db => db.Set<MembershipRecord>().AsNoTracking().SingleAsync(m => m.PersonId == person.Id));
        (membership.Number, membership.Scope, membership.EndedAt).ShouldBe((someone.Number, "29", (DateTime?)null));
        // Consents of the file are in the ledger, as given by an import.
        (await api.WithDbAsync(db => db.Set<ConsentRecord>().CountAsync(c => c.Method == ConsentMethod.Import && c.Granted)))
            .ShouldBe(MembershipImports.Count(applied, "consentsRecorded"));

        var snapshot = await api.WithDbAsync(db => db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.UpdatedAt, p.Kind }).ToListAsync());
        var events = await api.WithDbAsync(db => db.RoleGrantEvents.CountAsync());
        var consents = await api.WithDbAsync(db => db.Set<ConsentRecord>().CountAsync());
        var (again, reapplied) = await _imports.ImportAsync(file, Fed29, TestWorld.FederationSecretaryA);
        (MembershipImports.Count(again, "unchanged"), MembershipImports.Count(again, "newMembers"), MembershipImports.Count(again, "updated")).ShouldBe((300, 0, 0));
        reapplied["status"]!.GetValue<string>().ShouldBe("APPLIED");
        // What is left are notes (a treasurer's function grants no role), not changes.
        reapplied["changes"]!.AsArray().Select(c => c!["kind"]!.GetValue<string>()).ShouldAllBe(k => k == "ROLE_NOT_GRANTED");
        (await api.WithDbAsync(db => db.People.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.UpdatedAt, p.Kind }).ToListAsync()))
            .ShouldBe(snapshot);
        (await api.WithDbAsync(db => db.RoleGrantEvents.CountAsync())).ShouldBe(events);
        (await api.WithDbAsync(db => db.Set<ConsentRecord>().CountAsync())).ShouldBe(consents);
    }

    [Fact]
    public async Task ASupporterKnownByEmailBecomesAMemberAndThoseTheNextFileDropsBecomeFormerMembersWithTheirImportedRoles()
    {
        var w = await TestWorld.CreateAsync(api);
        var supporter = w.People[TestWorld.SupporterS1];
        var first = PathOf("first.csv");
        var members = MembershipFileGenerator.Write(first, Sections29, 40, edit: (i, m) => i == 5 ? m with { Email = TestWorld.SupporterS1.ToUpperInvariant() } : m);
        var (_, applied) = await _imports.ImportAsync(first, Fed29, TestWorld.FederationSecretaryA);
        (MembershipImports.Count(applied, "newMembers"), MembershipImports.Count(applied, "becomeMembers")).ShouldBe((39, 1));
        var became = await api.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == supporter.Id));
        // One person, history kept: the same record, now a member of the section the file names.
        (became.Kind, became.FirstName, became.SectionId).ShouldBe((PersonKind.Member, members[5].FirstName, w.S2.Id));
        var grant = await api.WithDbAsync(db => db.RoleGrants.AsNoTracking()
            .SingleAsync(g => g.SectionId == w.S1.Id && g.Role == Role.SectionSecretary && g.ImportId != null));
        var importId = GlobalId.TryDecodeGuid(applied["id"]!.GetValue<string>(), MembershipImportService.NodeType);
        grant.ImportId.ShouldBe(importId);
        (await api.WithDbAsync(db => db.RoleGrantEvents.AsNoTracking().SingleAsync(e => e.GrantId == grant.Id)))
            .ShouldSatisfyAllConditions(e => e.ImportId.ShouldBe(importId), e => e.ActorId.ShouldBe(w.People[TestWorld.FederationSecretaryA].Id),
                e => e.Kind.ShouldBe(RoleGrantEventKind.Granted));

        // The next file: rows 2 to 10 are gone (Beta's secretary among them), and Alpha's secretary, still listed, no longer
        // holds the function: both imported roles are withdrawn.
        var second = PathOf("second.csv");
        MembershipFileGenerator.Write(second, Sections29, 40, edit: (i, m) => i == 5 ? m with { Email = TestWorld.SupporterS1 } : i == 0 ? m with { Function = null } : m);
        var lines = File.ReadAllLines(second, CsvTable1252).ToList();
        lines.RemoveRange(2, 9); // rows 2..10 (keeps the header and row 1, Alpha's former secretary)
        File.WriteAllLines(second, lines, CsvTable1252);
        var (dry, again) = await _imports.ImportAsync(second, Fed29, TestWorld.FederationSecretaryA);
        (MembershipImports.Count(dry, "becomeFormerMembers"), MembershipImports.Count(dry, "rolesWithdrawn")).ShouldBe((9, 2));
        again["status"]!.GetValue<string>().ShouldBe("APPLIED");
        var gone = members.Skip(1).Take(9).Select(m => m.Number).ToList();
        var former = await api.WithDbAsync(db => db.Set<MembershipRecord>().AsNoTracking().Where(m => gone.Contains(m.Number))
            .Join(db.People, m => m.PersonId, p => p.Id, (m, p) => new { p.Kind, m.EndedAt }).ToListAsync());
        former.Count.ShouldBe(9);
        former.ShouldAllBe(f => f.Kind == PersonKind.FormerMember && f.EndedAt != null);
        (await api.WithDbAsync(db => db.RoleGrants.AsNoTracking().SingleAsync(g => g.Id == grant.Id))).RevokedAt.ShouldNotBeNull();
        // Roles granted by hand are never touched by imports.
        (await api.WithDbAsync(db => db.RoleGrants.AsNoTracking().SingleAsync(g => g.Id == w.Grants[TestWorld.SecretaryS1].Id))).RevokedAt.ShouldBeNull();
    }

    [Fact]
    public async Task ASectionSecretaryListedInTheFileSignsInForTheFirstTimeAndAlreadyHoldsTheirRights()
    {
        var w = await TestWorld.CreateAsync(api);
        var file = PathOf("secretary.csv");
        var members = MembershipFileGenerator.Write(file, Sections29, 10, edit: (i, m) => i == 0 ? m with { Email = "nouvelle.secretaire@exemple.fr" } : m);
        await _imports.ImportAsync(file, Fed29, TestWorld.FederationSecretaryA);

        var viewer = await new GraphQLClient(api.Factory).PostAsync("{ me { person { firstName } } }", null, "nouvelle.secretaire@exemple.fr");
        viewer.ShouldHaveNoErrors().At("me.person.firstName")!.GetValue<string>().ShouldBe(members[0].FirstName);
        var people = await new GraphQLClient(api.Factory).PostAsync("query($s: ID!) { section(id: $s) { people(first: 50) { totalCount } } }",
            new { s = w.S1Id }, "nouvelle.secretaire@exemple.fr");
        people.ShouldHaveNoErrors();
        people.At("section.people.totalCount")!.GetValue<int>().ShouldBeGreaterThan(5);
    }

    [Fact]
    public async Task AnExcelWorkbookIsReadLikeItsCsvWithItsDatesAndNumbersAsCells()
    {
        var w = await TestWorld.CreateAsync(api);
        var file = PathOf("adherents.xlsx");
        var rows = new[]
        {
            new Dictionary<string, object?>
            {
                ["N° adhérent"] = 290001d, ["Nom"] = "LE BRIS", ["Prénom"] = "Maëlle", ["Courriel"] = "maelle@exemple.fr", ["Portable"] = "06 12 34 56 78",
                ["Section"] = "Alpha", ["Fonction"] = "Secrétaire de section", ["Date d'adhésion"] = new DateTime(2019, 3, 12), ["Cotisation à jour"] = true,
            },
            new Dictionary<string, object?>
            {
                ["N° adhérent"] = 290002d, ["Nom"] = "Kerjean", ["Prénom"] = "Goulven", ["Courriel"] = null, ["Portable"] = null,
                ["Section"] = "Beta", ["Fonction"] = null, ["Date d'adhésion"] = new DateTime(2024, 6, 1), ["Cotisation à jour"] = false,
            },
        };
        await MiniExcelLibs.MiniExcel.SaveAsAsync(file, rows);
        var (status, upload) = await _imports.UploadAsync(file, Fed29, TestWorld.FederationSecretaryA);
        status.ShouldBe(HttpStatusCode.Created, upload?.ToJsonString());
        upload!["encoding"]!.GetValue<string>().ShouldBe("XLSX");
        var (dry, applied) = await _imports.ImportAsync(file, Fed29, TestWorld.FederationSecretaryA);
        dry["problems"]!.AsArray().ShouldBeEmpty(dry.ToJsonString());
        applied["status"]!.GetValue<string>().ShouldBe("APPLIED");
        var maelle = await api.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Email == "maelle@exemple.fr"));
        (maelle.FirstName, maelle.SectionId, maelle.Phone).ShouldBe(("Maëlle", w.S1.Id, "+33612345678"));
        var membership = await api.WithDbAsync(db => db.Set<MembershipRecord>().AsNoTracking().SingleAsync(m => m.PersonId == maelle.Id));
        (membership.Number, membership.JoinedOn, membership.DuesPaid).ShouldBe(("290001", new DateOnly(2019, 3, 12), (bool?)true));
        (await api.WithDbAsync(db => db.RoleGrants.CountAsync(g => g.PersonId == maelle.Id && g.Role == Role.SectionSecretary))).ShouldBe(1);
    }

    private static Encoding CsvTable1252 => Coopol.Common.Imports.CsvTable.Windows1252;
}
