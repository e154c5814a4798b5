using Bogus;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Person = Coopol.Features.People.Person;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Data.DemoData;

/// <summary>A believable demo: sections in four federations, a few thousand people with French names, the role
/// holders and one dev account per kind of holder. Runs once: an existing demo is left alone.</summary>
public sealed class DemoSeeder(CoopolDbContext db, TimeProvider clock)
{
    private sealed record SectionSeed(string Federation, string Name, string City, string PostalCode, double Lat, double Lon, string[] Places);

    private static readonly SectionSeed[] Sections =
    [
        new("29", DemoUsers.BrestCentre, "Brest", "29200", 48.3904, -4.4861, ["Siam", "Saint-Martin", "Recouvrance", "Kerigonan"]),
        new("29", "Brest Bellevue", "Brest", "29200", 48.4010, -4.5040, ["Bellevue", "Kergoat", "Kerbernier"]),
        new("29", "Brest Saint-Marc", "Brest", "29200", 48.3990, -4.4410, ["Saint-Marc", "Le Forestou", "Kerinou"]),
        new("29", "Quimper", "Quimper", "29000", 47.9960, -4.1024, ["Locmaria", "Kerfeunteun", "Ergué-Armel"]),
        new("29", "Morlaix", "Morlaix", "29600", 48.5776, -3.8280, ["Troudoustin", "La Boissière"]),
        new("04", "Digne-les-Bains", "Digne-les-Bains", "04000", 44.0925, 6.2356, ["Centre ancien", "Les Arches"]),
        new("04", "Manosque", "Manosque", "04100", 43.8283, 5.7867, ["Les Serres", "Saint-Lazare"]),
        new("04", "Sisteron", "Sisteron", "04200", 44.1951, 5.9437, ["La Baume", "Le Gand"]),
        new("75", "Paris 11e", "Paris", "75011", 48.8590, 2.3800, ["Belleville", "Bastille", "Folie-Méricourt"]),
        new("75", "Paris 18e", "Paris", "75018", 48.8925, 2.3444, ["Goutte d'Or", "La Chapelle", "Montmartre"]),
        new("75", "Paris 20e", "Paris", "75020", 48.8638, 2.3985, ["Ménilmontant", "Saint-Fargeau", "Charonne"]),
        new("69", "Lyon 7e", "Lyon", "69007", 45.7454, 4.8427, ["Guillotière", "Gerland", "Jean Macé"]),
        new("69", "Villeurbanne", "Villeurbanne", "69100", 45.7719, 4.8902, ["Gratte-Ciel", "Charpennes", "Croix-Luizet"]),
    ];

    private static readonly string[] Professions = ["enseignant·e", "infirmier·e", "ouvrier·e", "étudiant·e", "retraité·e", "cheminot·e", "employé·e", "artisan", "agent territorial", "médecin"];
    private static readonly string[] Interests = ["logement", "écologie", "santé", "éducation", "transports", "culture", "féminisme", "services publics", "agriculture"];

    public async Task<bool> SeedAsync(int peopleCount, CancellationToken ct)
    {
        if (await db.People.AnyAsync(ct)) return false;
        Randomizer.Seed = new Random(2027);
        var now = clock.GetUtcNow().UtcDateTime;
        var sections = Sections.Select(s => new Section
        {
            FederationCode = s.Federation, Name = s.Name, SeatAddress = $"Place de la Mairie, {s.PostalCode} {s.City}",
            SeatLocation = Point(s.Lat, s.Lon), CreatedAt = now,
        }).ToList();
        db.Sections.AddRange(sections);

        var faker = new Faker("fr");
        var people = new List<Person>(peopleCount + DemoUsers.All.Count);
        for (var i = 0; i < peopleCount; i++)
        {
            var seed = faker.PickRandom(Sections);
            var section = sections[Array.IndexOf(Sections, seed)];
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            people.Add(NewPerson(faker, seed, section, first, last,
                $"{Slug(first)}.{Slug(last)}.{i}@{faker.PickRandom("exemple.fr", "courriel.test", "demo.invalid")}", now));
        }
        var brest = sections.Single(s => s.Name == DemoUsers.BrestCentre);
        var brestSeed = Sections.Single(s => s.Name == DemoUsers.BrestCentre);
        var dev = DemoUsers.All.ToDictionary(u => u.Email, u =>
            NewPerson(faker, brestSeed, brest, u.FirstName, u.LastName, u.Email, now));
        foreach (var (email, person) in dev)
            person.Kind = email == DemoUsers.Supporter.Email ? PersonKind.Supporter : PersonKind.Member;
        people.AddRange(dev.Values);
        db.People.AddRange(people);

        var national = Role(dev[DemoUsers.National.Email], Coopol.Features.Roles.Role.NationalTeam, TreeLevel.National, null, null, null, now);
        var fed29 = Role(dev[DemoUsers.Federation29.Email], Coopol.Features.Roles.Role.FederationSecretary, TreeLevel.Federation, "29", null, national.PersonId, now);
        var secretary = Role(dev[DemoUsers.SectionSecretary.Email], Coopol.Features.Roles.Role.SectionSecretary, TreeLevel.Section, "29", brest.Id, fed29.PersonId, now);
        var grants = new List<RoleGrant> { national, fed29, secretary };
        grants.Add(new RoleGrant
        {
            PersonId = dev[DemoUsers.Delegate.Email].Id, Role = Coopol.Features.Roles.Role.Delegate, Level = TreeLevel.Section,
            FederationCode = "29", SectionId = brest.Id, Permissions = DemoUsers.DelegatePermissions, ParentGrantId = secretary.Id,
            GrantedById = secretary.PersonId, GrantedAt = now,
        });
        // Every other section has a secretary chosen among its members.
        foreach (var section in sections.Where(s => s != brest))
        {
            var holder = people.First(p => p.SectionId == section.Id && p.Kind == PersonKind.Member);
            grants.Add(Role(holder, Coopol.Features.Roles.Role.SectionSecretary, TreeLevel.Section, section.FederationCode, section.Id, national.PersonId, now));
        }
        db.RoleGrants.AddRange(grants);
        db.RoleGrantEvents.AddRange(grants.Select(g => RoleGrantEvent.Of(g, RoleGrantEventKind.Granted, g.GrantedById, now)));
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static Person NewPerson(Faker faker, SectionSeed seed, Section section, string first, string last, string email, DateTime now)
    {
        var since = now.AddDays(-faker.Random.Int(1, 2000));
        return new Person
        {
            Kind = faker.Random.Bool(0.6f) ? PersonKind.Member : PersonKind.Supporter,
            FirstName = first, LastName = last, Email = email,
            Phone = faker.Random.Bool(0.8f) ? "+336" + faker.Random.Replace("########") : null,
            Address = new PostalAddress($"{faker.Random.Int(1, 150)} {faker.Address.StreetName()}", null, seed.PostalCode, seed.City, "FR"),
            Location = Point(seed.Lat + faker.Random.Double(-0.02, 0.02), seed.Lon + faker.Random.Double(-0.03, 0.03)),
            SectionId = section.Id,
            Tags = [faker.PickRandom(seed.Places), faker.PickRandom(Professions), .. faker.PickRandom(Interests, faker.Random.Int(0, 2))],
            EmailConsent = new Consent(faker.Random.Bool(0.85f), faker.PickRandom<ConsentMethod>(), since),
            SmsConsent = faker.Random.Bool(0.7f) ? new Consent(faker.Random.Bool(0.7f), faker.PickRandom<ConsentMethod>(), since) : null,
            ProfileVisibility = faker.PickRandom<ProfileVisibility>(),
            CreatedAt = since, UpdatedAt = since,
        };
    }

    private static RoleGrant Role(Person holder, Role role, TreeLevel level, string? federation, Guid? section, Guid? grantedBy, DateTime now) => new()
    {
        PersonId = holder.Id, Role = role, Level = level, FederationCode = federation, SectionId = section,
        Permissions = Permissions.Of(role), GrantedById = grantedBy, GrantedAt = now,
    };

    private static Point Point(double lat, double lon) => new(lon, lat) { SRID = 4326 };

    private static string Slug(string s) =>
        new string(s.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
