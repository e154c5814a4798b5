using System.Diagnostics;
using System.Text.Json;

namespace Coopol.Browser.Tests;

/// <summary>graphql-http's server audits (npm), the reference check of the GraphQL-over-HTTP spec, run by node
/// against the endpoint served on Kestrel; then GraphiQL's introspection, which must pass the query limits.</summary>
[Collection(ServedApp.Collection)]
public sealed class GraphQLOverHttpAuditTests(ServedApp app)
{
    private sealed record Audit(int Ok, int Warn, int Error, List<JsonElement> Failures, string Introspection);

    [Fact]
    public async Task TheEndpointPassesEveryGraphQLOverHttpAudit()
    {
        var webClient = Path.Combine(ServedApp.RepoRoot(), "web-client");
        var start = new ProcessStartInfo("node", ["scripts/audit-graphql-http.mjs", $"{app.BaseUrl}/graphql"])
        {
            WorkingDirectory = webClient, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var node = Process.Start(start)!;
        var output = await node.StandardOutput.ReadToEndAsync();
        var errors = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        node.ExitCode.ShouldBe(0, errors);

        var audit = JsonSerializer.Deserialize<Audit>(output, JsonSerializerOptions.Web)!;
        audit.Failures.ShouldBeEmpty(output);
        audit.Ok.ShouldBeGreaterThanOrEqualTo(61);
        audit.Introspection.ShouldBe("ok");
    }
}
