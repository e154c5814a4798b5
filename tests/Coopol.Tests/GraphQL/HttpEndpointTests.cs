using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Coopol.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Coopol.Tests.GraphQL;

/// <summary>The GraphQL-over-HTTP rules the endpoint follows (the ones graphql-http's audits check).</summary>
[Collection(ApiCollection.Name)]
public sealed class HttpEndpointTests(ApiFixture api)
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? body = null, string contentType = "application/json", string? accept = null)
    {
        using var client = api.Factory.CreateClient();
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AnswersAQueryOverGetAsJsonByDefault()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ federation(code: \"29\") { name } }"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        (await response.Content.ReadAsStringAsync()).ShouldContain("Finistère");
    }

    [Fact]
    public async Task RefusesAMutationOverGet()
    {
        var response = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { renameSection(input: { sectionId: \"x\", name: \"y\" }) { errors { code } } }"));
        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        response.Content.Headers.Allow.ShouldContain("POST");
    }

    [Fact]
    public async Task RefusesABodyThatIsNotJson()
    {
        (await SendAsync(HttpMethod.Post, "/graphql", "{ me { email } }", "application/graphql")).StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await SendAsync(HttpMethod.Post, "/graphql", "{ \"query\": ")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Post, "/graphql", "{ \"query\": \"{ me { email } }\", \"variables\": \"x\" }")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SendAsync(HttpMethod.Post, "/graphql", "[]")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task UsesGraphQLResponseJsonWhenAcceptedAnd400ForInvalidDocuments()
    {
        var ok = await SendAsync(HttpMethod.Post, "/graphql", "{ \"query\": \"{ me { email } }\" }", accept: "application/graphql-response+json");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        ok.Content.Headers.ContentType!.MediaType.ShouldBe("application/graphql-response+json");
        var invalid = await SendAsync(HttpMethod.Post, "/graphql", "{ \"query\": \"{ noSuchField }\" }", accept: "application/graphql-response+json");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var legacy = await SendAsync(HttpMethod.Post, "/graphql", "{ \"query\": \"{ noSuchField }\" }", accept: "application/json");
        legacy.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RejectsATokenNotSignedByTheConfiguredIssuer()
    {
        using var client = api.Factory.CreateClient();
        var forged = new Coopol.Api.Auth.LocalTokenIssuer(
            new Coopol.Api.Auth.LocalSigningKey(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Local:SigningKey"] = Convert.ToBase64String(new byte[32]) }).Build()),
            TimeProvider.System).Issue(TestWorld.National, "x").Token;
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ \"query\": \"{ me { email } }\" }", Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", forged);
        var response = await client.SendAsync(request);
        // Refused outright (not read as an anonymous request), so the client knows to sign in again.
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("Finistère");
    }

    [Fact]
    public async Task MasksUnexpectedErrorsButKeepsTheCodeOfExpectedOnes()
    {
        var answer = await new GraphQLClient(api.Factory).PostAsync("{ people { totalCount } }");
        answer.ErrorCodes.ShouldBe(["UNAUTHENTICATED"]);
        answer.Errors[0]!["message"]!.GetValue<string>().ShouldBe("Sign in to do this.");
    }

    [Fact]
    public async Task AllowsDeepIntrospectionButRefusesDeepQueries()
    {
        var graphql = new GraphQLClient(api.Factory);
        var introspection = await graphql.PostAsync("{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name ofType { name } } } } } } } } } } } }");
        introspection.ShouldHaveNoErrors();
        var deep = await graphql.PostAsync("{ federation(code: \"29\") { sections { items { federation { sections { items { federation { sections { items { federation { sections { items { name } } } } } } } } } } } } }");
        deep.ErrorCodes.ShouldBe(["COMPLEXITY"]);
    }
}
