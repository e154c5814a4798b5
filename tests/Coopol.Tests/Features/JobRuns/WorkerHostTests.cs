using System.Net.Http.Headers;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.JobRuns;

/// <summary>The deployment the README describes for production: the API with Jobs:RunServer=false, and the worker
/// host as a process of its own. A job enqueued by the API runs in the worker, as the person who started it.</summary>
[Collection(ApiCollection.Name)]
public sealed class WorkerHostTests(ApiFixture api)
{
    private const string Export = "mutation($input: ExportPeopleInput!) { exportPeople(input: $input) { run { id status } errors { code } } }";
    private const string Run = "query($id: ID!) { node(id: $id) { ... on JobRun { status done summary stopCode resultUrl } } }";

    [Fact]
    public async Task AJobEnqueuedByTheApiRunsInTheWorkerProcessAsThePersonWhoStartedIt()
    {
        var w = await TestWorld.CreateAsync(api);
        using var worker = WorkerProcess.Start();
        var graphql = new GraphQLClient(api.Factory);
        var started = await graphql.PostAsync(Export, new { input = new { scopeId = w.S1Id } }, TestWorld.SecretaryS1);
        started.ShouldHaveNoErrors().PayloadErrorCodes("exportPeople").ShouldBeEmpty();
        var runId = started.At("exportPeople.run.id")!.GetValue<string>();

        var run = await WaitForEndAsync(graphql, runId, TestWorld.SecretaryS1, worker);
        run!["status"]!.GetValue<string>().ShouldBe("SUCCEEDED", run.ToJsonString());
        var inS1 = w.People.Values.Count(p => p.SectionId == w.S1.Id);
        run["done"]!.GetValue<int>().ShouldBe(inS1);

        // The file holds the section's people, read with the secretary's rights; each (but the secretary) is logged
        // as exported by them.
        var csv = await DownloadAsync(run["resultUrl"]!.GetValue<string>(), TestWorld.SecretaryS1);
        csv.ShouldContain(TestWorld.MemberS1);
        csv.ShouldNotContain(TestWorld.PersonS2);
        var secretary = w.People[TestWorld.SecretaryS1].Id;
        (await api.WithDbAsync(db => db.Set<AccessLogEntry>().CountAsync(e => e.ActorId == secretary && e.Kind == AccessKind.ExportedPeople)))
            .ShouldBe(inS1 - 1);
    }

    private async Task<string> DownloadAsync(string url, string asEmail)
    {
        using var client = api.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
        using var response = await client.SendAsync(request);
        response.IsSuccessStatusCode.ShouldBeTrue();
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<System.Text.Json.Nodes.JsonNode?> WaitForEndAsync(GraphQLClient graphql, string runId, string asEmail, WorkerProcess worker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (worker.HasExited) throw new InvalidOperationException("The worker host stopped: " + worker.Errors);
            var run = (await graphql.PostAsync(Run, new { id = runId }, asEmail)).ShouldHaveNoErrors().At("node");
            if (run?["status"]?.GetValue<string>() is "SUCCEEDED" or "STOPPED" or "FAILED") return run;
            await Task.Delay(500);
        }
        throw new TimeoutException("The job did not finish in the worker within 90 s.");
    }
}
