using System.Diagnostics;
using System.Text;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.GraphQL;

/// <summary>Documents built to make validation work exponentially or quadratically (fragment bombs, thousands of
/// conflicting aliases, directive floods) are refused before validation, in milliseconds, by anyone, even anonymous.</summary>
[Collection(ApiCollection.Name)]
public sealed class DocumentGuardTests(ApiFixture api)
{
    private GraphQLClient GraphQL => new(api.Factory);

    private async Task<(GraphQLAnswer Answer, TimeSpan Took)> TimedAsync(string query)
    {
        var watch = Stopwatch.StartNew();
        var answer = await GraphQL.PostAsync(query);
        return (answer, watch.Elapsed);
    }

    [Fact]
    public async Task AFragmentBombIsRefusedAtOnce()
    {
        // 2^40 expansions: days of validation before the guard; each fragment is now measured once.
        var query = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < 40; i++) query.Append($"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ");
        query.Append("fragment F40 on Query { me { email } }");
        var (answer, took) = await TimedAsync(query.ToString());
        answer.ErrorCodes.ShouldBe(["COMPLEXITY"]);
        took.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Theory]
    [InlineData("conflicting aliases", "x: section(id: \"{0}\") {{ name }}", 1000)]
    [InlineData("typename", "__typename", 20000)]
    [InlineData("same field", "me {{ email }}", 18000)]
    [InlineData("unknown fields", "f{0}", 20000)]
    [InlineData("introspection aliases", "s{0}: __schema {{ types {{ name }} }}", 6000)]
    [InlineData("section searches (cost, not size)", "s{0}: sections(search: \"x{0}\") {{ totalCount }}", 400)]
    public async Task FloodsOfFieldsAreRefusedAtOnce(string what, string field, int copies)
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, copies).Select(i => string.Format(field, i))) + " }";
        var (answer, took) = await TimedAsync(query);
        answer.ErrorCodes.ShouldBe(["COMPLEXITY"], what);
        answer.Errors.Count.ShouldBe(1, what);
        took.ShouldBeLessThan(TimeSpan.FromSeconds(2), what);
    }

    [Fact]
    public async Task AFloodOfDirectivesIsRefusedAtOnce()
    {
        var query = "{ me " + string.Concat(Enumerable.Repeat("@skip(if: false) ", 12000)) + "{ email } }";
        var (answer, took) = await TimedAsync(query);
        answer.ErrorCodes.ShouldBe(["COMPLEXITY"]);
        took.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task OrdinaryDocumentsWithFragmentsStillRun()
    {
        await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync("""
            query { a: federation(code: "29") { ...Fed } b: federation(code: "04") { ...Fed } }
            fragment Fed on Federation { code name ...Named sections(first: 5) { items { ...Named } } }
            fragment Named on Node { id }
            """);
        answer.ShouldHaveNoErrors().At("a.code")!.GetValue<string>().ShouldBe("29");
    }

    [Fact]
    public async Task AForgedCursorHoldingANulIsAnInvalidCursorNotAnInternalError()
    {
        var cursor = Convert.ToBase64String(Encoding.UTF8.GetBytes($"[\"name\",\"a\\u0000\",\"{Guid.NewGuid():N}\"]")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var answer = await GraphQL.PostAsync("query($after: String) { sections(after: $after) { totalCount } }", new { after = cursor });
        answer.ErrorCodes.ShouldBe(["VALIDATION_FAILED"]);
        answer.Errors[0]!["message"]!.GetValue<string>().ShouldContain("after");
    }
}
