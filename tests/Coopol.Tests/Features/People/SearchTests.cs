using System.Diagnostics;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.People;

/// <summary>people(filter: { search }): bounded in length and in how many a request may run, LIKE's wildcards taken
/// literally, case and accent insensitive, words in any order.</summary>
[Collection(ApiCollection.Name)]
public sealed class SearchTests(ApiFixture api)
{
    private const string Search = "query($q: String) { people(first: 100, filter: { search: $q }) { items { email } } }";

    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task ASearchLongerThan100CharactersIsRefusedNamingTheFieldAndRunsNothing()
    {
        await TestWorld.CreateAsync(api);
        var watch = Stopwatch.StartNew();
        api.Factory.Sql.Reset();
        var huge = await GraphQL.PostAsync(Search, new { q = new string('a', 100_000) }, TestWorld.National);
        var statements = api.Factory.Sql.Count;
        watch.Stop();
        huge.ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
        huge.Errors[0]!["message"]!.GetValue<string>().ShouldContain("filter.search");
        huge.Data?["people"].ShouldBeNull();
        statements.ShouldBe(0, "the search was refused before anything reached the database");
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));

        (await GraphQL.PostAsync(Search, new { q = new string('a', 101) }, TestWorld.National)).ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
        (await GraphQL.PostAsync(Search, new { q = new string('a', 100) }, TestWorld.National)).ShouldHaveNoErrors();
        // The same bound on a section's people.
        var nested = await GraphQL.PostAsync("query($q: String) { federation(code: \"29\") { sections { items { people(filter: { search: $q }) { totalCount } } } } }",
            new { q = new string('a', 101) }, TestWorld.National);
        nested.ErrorCodes.ShouldNotBeEmpty();
        nested.ErrorCodes.ShouldAllBe(c => c == "VALIDATION_FAILED", nested.Json.ToJsonString());
        nested.Errors[0]!["message"]!.GetValue<string>().ShouldContain("filter.search");
    }

    [Fact]
    public async Task PercentAndUnderscoreAreLiteralCharacters()
    {
        await TestWorld.CreateAsync(api);
        // Nobody's name or email holds them: nobody matches (as LIKE wildcards they matched everyone). A search too
        // short to run may also be refused; it must never list everyone.
        foreach (var q in new[] { "%", "_", "\\", "%%%", "___", "_%_", "%_%", "\\\\\\", "\\%%" })
            await ShouldMatchNobodyAsync(q);

        await TestWorld.CreateAsync(api, world =>
        {
            world.Add("cent@test.coopol.fr", "Cent", "100%Militant", world.S1);
            world.Add("marie@test.coopol.fr", "Marie_Claire", "Durand", world.S1);
            world.Add("antislash@test.coopol.fr", "Back", "Sla\\sh", world.S1);
        });
        (await EmailsAsync("100%")).ShouldBe(["cent@test.coopol.fr"]);
        (await EmailsAsync("0%m")).ShouldBe(["cent@test.coopol.fr"]);
        (await EmailsAsync("%%%")).ShouldBeEmpty();
        (await EmailsAsync("e_c")).ShouldBe(["marie@test.coopol.fr"]);
        (await EmailsAsync("marie_")).ShouldBe(["marie@test.coopol.fr"]);
        (await EmailsAsync("___")).ShouldBeEmpty();
        (await EmailsAsync("a\\s")).ShouldBe(["antislash@test.coopol.fr"]);
        (await EmailsAsync("a_c")).ShouldBeEmpty();
        (await EmailsAsync("t%t")).ShouldBeEmpty();
    }

    [Fact]
    public async Task AccentedInputMatchesUnaccentedNamesAndEmailsInAnyCaseAndWordOrder()
    {
        await TestWorld.CreateAsync(api, world =>
        {
            world.Add("elodie.k@test.coopol.fr", "Lola", "Kerouac", world.S1);
            world.Add("gwen@test.coopol.fr", "Gwénaëlle", "Le Hénaff", world.S1);
            world.Add("francois@test.coopol.fr", "François", "Çelik", world.S2);
        });
        (await EmailsAsync("élodie")).ShouldBe(["elodie.k@test.coopol.fr"]);
        (await EmailsAsync("ÉLODIE")).ShouldBe(["elodie.k@test.coopol.fr"]);
        (await EmailsAsync("le henaff gwenaelle")).ShouldBe(["gwen@test.coopol.fr"]);
        (await EmailsAsync("GWÉNAËLLE")).ShouldBe(["gwen@test.coopol.fr"]);
        (await EmailsAsync("henaff  le")).ShouldBe(["gwen@test.coopol.fr"]);
        (await EmailsAsync("francois celik")).ShouldBe(["francois@test.coopol.fr"]);
        (await EmailsAsync("le henaff marie")).ShouldBeEmpty();
    }

    [Fact]
    public async Task ManyAliasedSearchesInOneRequestAreRefusedAsTooComplexBeforeRunning()
    {
        await TestWorld.CreateAsync(api);
        var query = "{ " + string.Concat(Enumerable.Range(0, 60).Select(i => $"s{i}: people(filter: {{ search: \"abc{i:00}\" }}) {{ items {{ email }} }} ")) + "}";
        api.Factory.Sql.Reset();
        var answer = await GraphQL.PostAsync(query, asEmail: TestWorld.National);
        answer.ErrorCodes.ShouldBe(["COMPLEXITY"]);
        answer.Data.ShouldBeNull();
        api.Factory.Sql.Count.ShouldBe(0);

        // A handful is fine.
        var few = "{ " + string.Concat(Enumerable.Range(0, 3).Select(i => $"s{i}: people(filter: {{ search: \"abc{i:00}\" }}) {{ items {{ email }} }} ")) + "}";
        (await GraphQL.PostAsync(few, asEmail: TestWorld.National)).ShouldHaveNoErrors();
    }

    private async Task ShouldMatchNobodyAsync(string q)
    {
        var answer = await GraphQL.PostAsync(Search, new { q }, TestWorld.National);
        if (answer.Errors.Count > 0)
        {
            answer.ErrorCodes.ShouldAllBe(c => c == "SEARCH_TOO_SHORT" || c == "VALIDATION_FAILED", q);
            answer.Data?["people"].ShouldBeNull(q);
        }
        else answer.At("people.items")!.AsArray().ShouldBeEmpty(q);
    }

    private async Task<List<string>> EmailsAsync(string q)
    {
        var answer = await GraphQL.PostAsync(Search, new { q }, TestWorld.National);
        answer.ShouldHaveNoErrors();
        return answer.At("people.items")!.AsArray().Select(i => i!["email"]!.GetValue<string>()).Order().ToList();
    }
}
