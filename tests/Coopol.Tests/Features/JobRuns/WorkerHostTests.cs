using System.Diagnostics;
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
        using var worker = StartWorker();
        try
        {
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
        finally
        {
            worker.Kill(entireProcessTree: true);
        }
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

    private static async Task<System.Text.Json.Nodes.JsonNode?> WaitForEndAsync(GraphQLClient graphql, string runId, string asEmail, Process worker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (worker.HasExited) throw new InvalidOperationException("The worker host stopped: " + Errors(worker));
            var run = (await graphql.PostAsync(Run, new { id = runId }, asEmail)).ShouldHaveNoErrors().At("node");
            if (run?["status"]?.GetValue<string>() is "SUCCEEDED" or "STOPPED" or "FAILED") return run;
            await Task.Delay(500);
        }
        throw new TimeoutException("The job did not finish in the worker within 90 s.");
    }

    /// <summary>jobs/Coopol.Jobs as built by the solution, in production mode, on the test database.</summary>
    private static Process StartWorker()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(RepoRoot(), "jobs", "Coopol.Jobs", "bin", configuration, "net10.0", "Coopol.Jobs.dll");
        File.Exists(dll).ShouldBeTrue($"Build the solution first: {dll} is missing.");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ConnectionStrings__Coopol"] = CoopolFactory.ConnectionString;
        start.Environment["Jobs__WorkerCount"] = "1";
        var process = new Process { StartInfo = start };
        var errors = new System.Text.StringBuilder();
        ErrorsOf.Add(process, errors);
        // Drain both pipes so the worker never blocks on a full one; keep what it says on stderr for the failure message.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Process, System.Text.StringBuilder> ErrorsOf = new();

    private static string Errors(Process worker)
    {
        var errors = ErrorsOf.TryGetValue(worker, out var e) ? e : null;
        if (errors is null) return "";
        lock (errors) return errors.ToString();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Coopol.sln not found above the test binaries.");
    }
}
