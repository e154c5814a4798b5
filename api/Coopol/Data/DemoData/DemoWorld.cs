using Bogus;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Person = Coopol.Features.People.Person;

namespace Coopol.Data.DemoData;

/// <summary>What the features' demo seeds share, in the order they run: the sections made by PartyTree, the people
/// made by People (and the demo accounts among them), then the rights given by Roles.</summary>
public sealed class DemoWorld(CoopolDbContext db, int peopleCount, DateTime now)
{
    public CoopolDbContext Db { get; } = db;
    public int PeopleCount { get; } = peopleCount;
    public DateTime Now { get; } = now;
    public Faker Faker { get; } = new("fr");
    public List<DemoSection> Sections { get; } = [];
    public List<Person> People { get; } = [];
    /// <summary>The people behind the demo accounts, by email.</summary>
    public Dictionary<string, Person> Accounts { get; } = [];

    public DemoSection SectionNamed(string name) => Sections.Single(s => s.Section.Name == name);
}

/// <summary>A demo section and what its people's addresses are made of.</summary>
public sealed record DemoSection(Section Section, string City, string PostalCode, double Latitude, double Longitude, string[] Places);
