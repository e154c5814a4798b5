using Coopol.Data.DemoData;
using NetTopologySuite.Geometries;

namespace Coopol.Features.People;

/// <summary>The demo's people: French names spread over the demo sections, with consents in the ledger, and the
/// people behind the demo accounts (all in Brest Centre).</summary>
public static class PeopleDemo
{
    private static readonly string[] Professions = ["enseignant·e", "infirmier·e", "ouvrier·e", "étudiant·e", "retraité·e", "cheminot·e", "employé·e", "artisan", "agent territorial", "médecin"];
    private static readonly string[] Interests = ["logement", "écologie", "santé", "éducation", "transports", "culture", "féminisme", "services publics", "agriculture"];

    public static void Seed(DemoWorld world)
    {
        var faker = world.Faker;
        for (var i = 0; i < world.PeopleCount; i++)
        {
            var section = faker.PickRandom(world.Sections);
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            world.People.Add(NewPerson(world, section, first, last,
                $"{Slug(first)}.{Slug(last)}.{i}@{faker.PickRandom("exemple.fr", "courriel.test", "demo.invalid")}"));
        }
        var brest = world.SectionNamed(DemoUsers.BrestCentre);
        foreach (var user in DemoUsers.All)
        {
            var person = NewPerson(world, brest, user.FirstName, user.LastName, user.Email);
            person.Kind = user == DemoUsers.Supporter ? PersonKind.Supporter : PersonKind.Member;
            // The demo accounts show every kind of profile: the member keeps theirs private.
            person.ProfileVisibility = user == DemoUsers.Member ? ProfileVisibility.Private : ProfileVisibility.Network;
            world.People.Add(person);
            world.Accounts[user.Email] = person;
        }
        world.Db.People.AddRange(world.People);
        foreach (var person in world.People) world.Db.AddRange(Consents(world, person));
    }

    private static Person NewPerson(DemoWorld world, DemoSection seed, string first, string last, string email)
    {
        var faker = world.Faker;
        var since = world.Now.AddDays(-faker.Random.Int(1, 2000));
        return new Person
        {
            Kind = faker.Random.Bool(0.6f) ? PersonKind.Member : PersonKind.Supporter,
            FirstName = first, LastName = last, Email = email,
            Phone = faker.Random.Bool(0.8f) ? "+336" + faker.Random.Replace("########") : null,
            Address = new PostalAddress($"{faker.Random.Int(1, 150)} {faker.Address.StreetName()}", null, seed.PostalCode, seed.City, "FR"),
            Location = new Point(seed.Longitude + faker.Random.Double(-0.03, 0.03), seed.Latitude + faker.Random.Double(-0.02, 0.02)) { SRID = 4326 },
            SectionId = seed.Section.Id,
            Tags = [faker.PickRandom(seed.Places), faker.PickRandom(Professions), .. faker.PickRandom(Interests, faker.Random.Int(0, 2))],
            ProfileVisibility = faker.Random.WeightedRandom([ProfileVisibility.Section, ProfileVisibility.Private, ProfileVisibility.Network], [0.7f, 0.2f, 0.1f]),
            CreatedAt = since, UpdatedAt = since,
        };
    }

    /// <summary>Most people gave the news by email when they joined, on paper or online; some later withdrew.</summary>
    private static IEnumerable<ConsentRecord> Consents(DemoWorld world, Person person)
    {
        var faker = world.Faker;
        foreach (var (purpose, channel) in ConsentWordings.Kinds)
        {
            var likely = (purpose, channel) switch
            {
                (ConsentPurpose.News, ConsentChannel.Email) => 0.85f,
                (ConsentPurpose.Actions, ConsentChannel.Sms) => 0.6f,
                _ => 0.4f,
            };
            if (!faker.Random.Bool(likely)) continue;
            var method = faker.PickRandom(ConsentMethod.PaperForm, ConsentMethod.WebForm, ConsentMethod.Oral);
            var given = person.CreatedAt;
            yield return new ConsentRecord
            {
                PersonId = person.Id, Purpose = purpose, Channel = channel, Granted = true, Method = method, At = given,
                RecordedById = method == ConsentMethod.WebForm ? person.Id : null,
                WordingVersion = ConsentWordings.Current(purpose, channel).Version,
            };
            if (faker.Random.Bool(0.1f))
                yield return new ConsentRecord
                {
                    PersonId = person.Id, Purpose = purpose, Channel = channel, Granted = false, Method = ConsentMethod.WebForm,
                    At = given.AddDays(faker.Random.Int(1, Math.Max(1, (int)(world.Now - given).TotalDays))), RecordedById = person.Id,
                };
        }
    }

    private static string Slug(string s) =>
        new string(s.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsAsciiLetter).ToArray()).ToLowerInvariant();
}
