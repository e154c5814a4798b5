using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using NetTopologySuite.Geometries;

namespace Coopol.Tests.GraphQL;

/// <summary>Nested lists cost a constant number of SQL statements, whatever the number of parents; a count is only run
/// when totalCount is selected.</summary>
[Collection(ApiCollection.Name)]
public sealed class SqlCountTests(ApiFixture api)
{
    private static readonly string[] Federations = ["01", "04", "13", "22", "29", "33", "35", "44", "56", "69", "75"];

    private GraphQLClient GraphQL => new(api.Factory);

    /// <summary>More sections (federation code, name, how many people in each), written straight to the database.</summary>
    private Task AddSectionsAsync(IEnumerable<(string Code, string Name, int People)> sections) => api.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        foreach (var (code, name, people) in sections)
        {
            var section = new Section { FederationCode = code, Name = name, SeatLocation = new Point(-4.48, 48.39) { SRID = 4326 }, CreatedAt = now };
            db.Sections.Add(section);
            for (var j = 0; j < people; j++)
                db.People.Add(new Person
                {
                    FirstName = "E", LastName = $"{name} {j}", Email = $"{name.Replace(' ', '-').ToLowerInvariant()}-{j}@test.coopol.fr",
                    SectionId = section.Id, CreatedAt = now, UpdatedAt = now,
                });
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>The statements one request sends, once the caller's account is bound (the first sign-in binds it).</summary>
    private async Task<int> CountAsync(string query, string? asEmail)
    {
        if (asEmail is not null) (await GraphQL.PostAsync("{ me { email } }", asEmail: asEmail)).ShouldHaveNoErrors();
        api.Factory.Sql.Reset();
        (await GraphQL.PostAsync(query, asEmail: asEmail)).ShouldHaveNoErrors();
        return api.Factory.Sql.Count;
    }

    [Theory]
    [InlineData(null)]
    [InlineData(TestWorld.National)]
    public async Task FederationsWithTheirSectionsCostASmallConstantNumberOfStatements(string? asEmail)
    {
        const string query = "{ federations(first: 100) { items { code sections(first: 100) { items { name } } } } }";
        await TestWorld.CreateAsync(api);
        var few = await CountAsync(query, asEmail);

        await AddSectionsAsync(Federations.SelectMany(code => Enumerable.Range(0, 4).Select(i => (code, $"Section {code}-{i}", 0))));
        var answer = await GraphQL.PostAsync(query, asEmail: asEmail);
        var withSections = answer.ShouldHaveNoErrors().At("federations.items")!.AsArray().Where(f => f!["sections"]!["items"]!.AsArray().Count > 0).ToList();
        withSections.Count.ShouldBeGreaterThanOrEqualTo(Federations.Length);
        var many = await CountAsync(query, asEmail);

        many.ShouldBe(few);
        many.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public async Task NestedPeopleOfEverySectionOfAFederationCostTheSameForTwoOrTenSections()
    {
        const string query = "{ federation(code: \"29\") { sections { items { name people(first: 5) { items { email } } } } } }";
        await TestWorld.CreateAsync(api);
        var two = await CountAsync(query, TestWorld.National);

        await AddSectionsAsync(Enumerable.Range(0, 8).Select(i => ("29", $"Extra {i}", 6)));
        var answer = await GraphQL.PostAsync(query, asEmail: TestWorld.National);
        var sections = answer.ShouldHaveNoErrors().At("federation.sections.items")!.AsArray();
        sections.Count.ShouldBe(10);
        sections.Where(s => s!["name"]!.GetValue<string>().StartsWith("Extra")).ShouldAllBe(s => s!["people"]!["items"]!.AsArray().Count == 5);
        var ten = await CountAsync(query, TestWorld.National);

        ten.ShouldBe(two);
        // caller (2) + federation + sections + people of all sections, at most a scope read or two more.
        ten.ShouldBeLessThanOrEqualTo(8);
    }

    [Fact]
    public async Task TotalCountIsOnlyCountedWhenSelected()
    {
        await TestWorld.CreateAsync(api);
        var without = await CountAsync("{ people(first: 5) { items { email } } }", TestWorld.National);
        var with = await CountAsync("{ people(first: 5) { totalCount items { email } } }", TestWorld.National);
        without.ShouldBeLessThan(with);

        var nestedWithout = await CountAsync("{ federation(code: \"29\") { sections { items { people(first: 5) { items { email } } } } } }", TestWorld.National);
        var nestedWith = await CountAsync("{ federation(code: \"29\") { sections { totalCount items { people(first: 5) { totalCount items { email } } } } } }", TestWorld.National);
        nestedWithout.ShouldBeLessThan(nestedWith);

        var sectionsWithout = await CountAsync("{ sections(first: 5) { items { name } } }", TestWorld.National);
        var sectionsWith = await CountAsync("{ sections(first: 5) { totalCount items { name } } }", TestWorld.National);
        sectionsWithout.ShouldBeLessThan(sectionsWith);
    }

    [Fact]
    public async Task TheNationalTeamsSectionSearchFindsAlphaAndIsNotRefusedAsTooComplex()
    {
        await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync("{ sections(search: \"alp\", first: 20) { totalCount items { name federation { code name } viewerPermissions } } }",
            asEmail: TestWorld.National);
        answer.ShouldHaveNoErrors();
        // Alpha by its name (Gamma too, by its federation's name: Alpes-de-Haute-Provence).
        var names = answer.At("sections.items")!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();
        names.ShouldContain("Alpha");
        names.ShouldNotContain("Beta");
        // Accents and case, as the description says.
        var accented = await GraphQL.PostAsync("{ sections(search: \"ÀLPHÂ\", first: 20) { items { name } } }", asEmail: TestWorld.National);
        accented.ShouldHaveNoErrors().At("sections.items")!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ShouldContain("Alpha");
    }
}
