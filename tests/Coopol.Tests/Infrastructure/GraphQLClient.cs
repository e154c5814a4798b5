using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Coopol.Tests.Infrastructure;

/// <summary>Posts GraphQL over HTTP as a given signed-in email (or anonymously) and returns the JSON answer.</summary>
public sealed class GraphQLClient(CoopolFactory factory)
{
    public async Task<GraphQLAnswer> PostAsync(string query, object? variables = null, string? asEmail = null)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (asEmail is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", factory.TokenFor(asEmail));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(body);
        return new GraphQLAnswer(JsonNode.Parse(body)!.AsObject());
    }
}

public sealed record GraphQLAnswer(JsonObject Json)
{
    public JsonNode? Data => Json["data"];
    public JsonArray Errors => Json["errors"]?.AsArray() ?? [];
    public IReadOnlyList<string> ErrorCodes => Errors.Select(e => e!["extensions"]?["code"]?.GetValue<string>() ?? "").ToList();

    public JsonNode? At(string path) =>
        path.Split('.').Aggregate(Data, (node, key) => node is JsonArray a && int.TryParse(key, out var i) ? a[i] : node?[key]);

    /// <summary>The payload errors' codes of a mutation field.</summary>
    public IReadOnlyList<string> PayloadErrorCodes(string field) =>
        Data?[field]?["errors"]?.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList() ?? [];

    public GraphQLAnswer ShouldHaveNoErrors()
    {
        Errors.Count.ShouldBe(0, Json.ToJsonString());
        return this;
    }
}
