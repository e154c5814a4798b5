using Coopol.Common;
using Coopol.Data;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Access;
using Coopol.Features.Roles;
using NetTopologySuite.Geometries;

namespace Coopol.Tests.Infrastructure;

/// <summary>A small party: sections S1 and S2 in federation 29 (A), S3 in federation 04 (B), and one person per kind of
/// holder. Written straight to the database, so each test starts from the same known state.</summary>
public sealed class TestWorld
{
    public const string National = "national@test.coopol.fr";
    public const string FederationSecretaryA = "fed29@test.coopol.fr";
    public const string SecretaryS1 = "sec1@test.coopol.fr";
    public const string SecretaryS2 = "sec2@test.coopol.fr";
    public const string DelegateS1 = "delegate@test.coopol.fr";
    public const string MemberS1 = "member@test.coopol.fr";
    public const string SupporterS1 = "supporter@test.coopol.fr";
    public const string OtherS1 = "p1@test.coopol.fr";
    public const string PersonS2 = "p2@test.coopol.fr";
    public const string PersonS3 = "p3@test.coopol.fr";

    public Section S1 { get; } = NewSection("29", "Alpha");
    public Section S2 { get; } = NewSection("29", "Beta");
    public Section S3 { get; } = NewSection("04", "Gamma");
    public Dictionary<string, Person> People { get; } = [];
    public Dictionary<string, RoleGrant> Grants { get; } = [];

    public string S1Id => GlobalId.Encode(SectionService.NodeType, S1.Id);
    public string S2Id => GlobalId.Encode(SectionService.NodeType, S2.Id);
    public string S3Id => GlobalId.Encode(SectionService.NodeType, S3.Id);
    public string IdOf(string email) => GlobalId.Encode(PersonService.NodeType, People[email].Id);
    public string GrantIdOf(string email) => GlobalId.Encode(RoleService.NodeType, Grants[email].Id);

    public static async Task<TestWorld> CreateAsync(ApiFixture api, Action<TestWorld>? tweak = null)
    {
        await api.ResetAsync();
        var world = new TestWorld();
        world.Build();
        tweak?.Invoke(world);
        await api.WithDbAsync(async db =>
        {
            db.Sections.AddRange(world.S1, world.S2, world.S3);
            db.People.AddRange(world.People.Values);
            // Parents before children: delegations point at the grant they were carved from.
            foreach (var grant in world.Grants.Values.OrderBy(g => g.ParentGrantId is null ? 0 : 1))
            {
                db.RoleGrants.Add(grant);
                await db.SaveChangesAsync();
            }
            return await db.SaveChangesAsync();
        });
        return world;
    }

    private void Build()
    {
        var now = DateTime.UtcNow;
        Add(National, "Nadia", "National", S2);
        Add(FederationSecretaryA, "Fabien", "Federal", S1);
        Add(SecretaryS1, "Sonia", "Secretaire", S1);
        Add(SecretaryS2, "Samuel", "Second", S2);
        Add(DelegateS1, "Denis", "Delegue", S1);
        Add(MemberS1, "Marie", "Membre", S1);
        Add(SupporterS1, "Sacha", "Sympathisant", S1, PersonKind.Supporter);
        Add(OtherS1, "Pierre", "Un", S1);
        Add(PersonS2, "Paul", "Deux", S2);
        Add(PersonS3, "Pauline", "Trois", S3);

        Grants[National] = NewRole(National, Role.NationalTeam, TreeLevel.National, null, null);
        Grants[FederationSecretaryA] = NewRole(FederationSecretaryA, Role.FederationSecretary, TreeLevel.Federation, "29", null);
        Grants[SecretaryS1] = NewRole(SecretaryS1, Role.SectionSecretary, TreeLevel.Section, "29", S1.Id);
        Grants[SecretaryS2] = NewRole(SecretaryS2, Role.SectionSecretary, TreeLevel.Section, "29", S2.Id);
        Grants[DelegateS1] = new RoleGrant
        {
            PersonId = People[DelegateS1].Id, Role = Coopol.Access.Role.Delegate, Level = TreeLevel.Section, FederationCode = "29", SectionId = S1.Id,
            Permissions = Permission.ViewPeople, ParentGrantId = Grants[SecretaryS1].Id, GrantedById = People[SecretaryS1].Id, GrantedAt = now,
        };
    }

    public Person Add(string email, string first, string last, Section section, PersonKind kind = PersonKind.Member)
    {
        var now = DateTime.UtcNow;
        var person = new Person
        {
            Kind = kind, FirstName = first, LastName = last, Email = email, SectionId = section.Id, Phone = "+33612345678",
            Tags = ["test"], CreatedAt = now, UpdatedAt = now,
        };
        People[email] = person;
        return person;
    }

    private RoleGrant NewRole(string email, Role role, TreeLevel level, string? federation, Guid? section) => new()
    {
        PersonId = People[email].Id, Role = role, Level = level, FederationCode = federation, SectionId = section,
        Permissions = Permissions.Of(role), GrantedAt = DateTime.UtcNow,
    };

    private static Section NewSection(string federation, string name) => new()
    {
        FederationCode = federation, Name = name, SeatLocation = new Point(-4.48, 48.39) { SRID = 4326 }, CreatedAt = DateTime.UtcNow,
    };
}
