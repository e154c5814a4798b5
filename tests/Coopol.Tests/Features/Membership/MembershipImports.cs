using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Coopol.Common;
using Coopol.Features.JobRuns;
using Coopol.Features.Membership;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Membership;

/// <summary>The wizard's path through the API: upload (<c>POST /membership/uploads</c>), then startMembershipImport for a
/// dry run and an apply, each job run in-process as Hangfire would run it (a scope of its own, acting for its starter).</summary>
public sealed class MembershipImports(ApiFixture api)
{
    public static string Federation(string code) => GlobalId.Encode("Federation", code);

    public const string Start = "mutation($input: StartMembershipImportInput!) { startMembershipImport(input: $input) { run { id } errors { code message } } }";

    public const string ReportOfRun = """
        query($runId: ID!) { membershipImportOfRun(runId: $runId) { id status rows encoding problemCount
          counts { newMembers becomeMembers updated moveSection unchanged becomeFormerMembers rolesGranted rolesWithdrawn rolesNotGranted consentsRecorded skippedRows }
          problems { line column code message } changes { kind line name detail } } }
        """;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> UploadAsync(string path, string? scopeId, string asEmail, string? fileName = null)
    {
        using var client = api.Factory.CreateClient();
        var url = $"/membership/uploads?fileName={Uri.EscapeDataString(fileName ?? Path.GetFileName(path))}"
            + (scopeId is null ? "" : $"&scopeId={Uri.EscapeDataString(scopeId)}");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(await File.ReadAllBytesAsync(path)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? null : JsonNode.Parse(body));
    }

    /// <summary>The suggested mapping of an upload, as the mutation takes it.</summary>
    public static object[] MappingOf(JsonNode upload) =>
        upload["mapping"]!.AsArray().Select(m => (object)new { field = m!["field"]!.GetValue<string>(), column = m["column"]!.GetValue<string>() }).ToArray();

    /// <summary>Starts a run and executes its job; returns the payload errors, or the report.</summary>
    public async Task<(IReadOnlyList<string> Errors, JsonNode? Report, JobRun? Run)> RunAsync(string asEmail, object input)
    {
        var client = new GraphQLClient(api.Factory);
        var started = (await client.PostAsync(Start, new { input }, asEmail)).ShouldHaveNoErrors();
        var errors = started.PayloadErrorCodes("startMembershipImport");
        if (errors.Count > 0) return (errors, null, null);
        var runId = started.At("startMembershipImport.run.id")!.GetValue<string>();
        var id = GlobalId.TryDecodeGuid(runId, JobRunService.NodeType)!.Value;
        await using (var scope = api.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MembershipImportJob>().RunAsync(id, CancellationToken.None);
        var run = await api.WithDbAsync(db => db.Set<JobRun>().AsNoTracking().SingleAsync(r => r.Id == id));
        var report = (await client.PostAsync(ReportOfRun, new { runId }, asEmail)).ShouldHaveNoErrors().At("membershipImportOfRun");
        return ([], report, run);
    }

    /// <summary>Upload, dry run, apply: the wizard's whole path. Returns the dry run's and the apply's reports.</summary>
    public async Task<(JsonNode DryRun, JsonNode Applied)> ImportAsync(string path, string? scopeId, string asEmail, bool skipInvalidRows = false)
    {
        var (status, upload) = await UploadAsync(path, scopeId, asEmail);
        status.ShouldBe(HttpStatusCode.Created, upload?.ToJsonString());
        var mapping = MappingOf(upload!);
        var uploadId = upload!["uploadId"]!.GetValue<string>();
        var (errors, dry, _) = await RunAsync(asEmail, new { uploadId, scopeId, mapping, dryRun = true });
        errors.ShouldBeEmpty();
        var (applyErrors, applied, _) = await RunAsync(asEmail, new { uploadId, scopeId, mapping, dryRun = false, dryRunId = dry!["id"]!.GetValue<string>(), skipInvalidRows });
        applyErrors.ShouldBeEmpty();
        return (dry, applied!);
    }

    public static int Count(JsonNode report, string counter) => report["counts"]![counter]!.GetValue<int>();
}
