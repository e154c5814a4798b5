using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coopol.Common;
using Coopol.Features.Elections;
using Coopol.Features.Imports;
using Coopol.Features.JobRuns;
using Coopol.Tests.Features.Elections;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Imports;

/// <summary>The web client's path: <c>POST /imports/{kind}?fileName=&amp;options={json}</c> with the file as the body answers
/// 202 with a job run, and the import job runs as the person who uploaded it (national ENTER_RESULTS).</summary>
[Collection(ApiCollection.Name)]
public sealed class ImportUploadTests(ApiFixture api)
{
    private const string ReportOfRun = "query($runId: ID!) { importReportOfRun(runId: $runId) { kind fileName status summary problem counts } }";

    [Fact]
    public async Task AnUploadedFileIsImportedByItsJobActingForTheUploaderAndItsReportIsKept()
    {
        var w = await TestWorld.CreateAsync(api);
        var (status, body) = await UploadAsync("results-2024", "t1.csv", ResultsImports.Round1Options, SharedData.Results2024Round1, TestWorld.National);
        status.ShouldBe(HttpStatusCode.Accepted, body);
        var runId = JsonNode.Parse(body)!["runId"]!.GetValue<string>();
        var run = GlobalId.TryDecodeGuid(runId, JobRunService.NodeType)!.Value;
        (await api.WithDbAsync(db => db.Set<ImportUpload>().CountAsync())).ShouldBe(1);

        await RunImportJobAsync(run);

        var finished = await api.WithDbAsync(db => db.Set<JobRun>().SingleAsync(r => r.Id == run));
        finished.Status.ShouldBe(JobRunStatus.Succeeded, finished.StopReason);
        finished.Summary.ShouldBe("Législatives 2024 – 1er tour: 201 polling stations (201 new), 18 candidates in 2 constituencies.");
        (await api.WithDbAsync(db => db.Set<StationResult>().SumAsync(r => (long)r.Registered))).ShouldBe(172_019);
        var report = await api.WithDbAsync(db => db.Set<ImportReport>().SingleAsync(r => r.JobRunId == run));
        (report.Status, report.FileName, report.StartedById).ShouldBe((ImportStatus.Succeeded, "t1.csv", w.People[TestWorld.National].Id));
        // The uploaded bytes are not kept once read.
        (await api.WithDbAsync(db => db.Set<ImportUpload>().CountAsync())).ShouldBe(0);

        var answer = (await new GraphQLClient(api.Factory).PostAsync(ReportOfRun, new { runId }, TestWorld.National)).ShouldHaveNoErrors();
        answer.At("importReportOfRun.status")!.GetValue<string>().ShouldBe("SUCCEEDED");
        answer.At("importReportOfRun.fileName")!.GetValue<string>().ShouldBe("t1.csv");
        JsonNode.Parse(answer.At("importReportOfRun.counts")!.GetValue<string>())!["stations"]!.GetValue<long>().ShouldBe(201);
        // Someone without the right reads no report.
        (await new GraphQLClient(api.Factory).PostAsync(ReportOfRun, new { runId }, TestWorld.SecretaryS1)).ShouldHaveNoErrors().At("importReportOfRun").ShouldBeNull();
    }

    [Fact]
    public async Task OnlyTheNationalRightToEnterResultsMayUploadAFile()
    {
        await TestWorld.CreateAsync(api);
        (await UploadAsync("results-2024", "t1.csv", ResultsImports.Round1Options, SharedData.Results2024Round1, TestWorld.SecretaryS1)).Status
            .ShouldBe(HttpStatusCode.Forbidden);
        (await UploadAsync("results-2024", "t1.csv", ResultsImports.Round1Options, SharedData.Results2024Round1, TestWorld.FederationSecretaryA)).Status
            .ShouldBe(HttpStatusCode.Forbidden);
        (await UploadAsync("results-2024", "t1.csv", ResultsImports.Round1Options, SharedData.Results2024Round1, asEmail: null)).Status
            .ShouldBe(HttpStatusCode.Unauthorized);
        (await api.WithDbAsync(db => db.Set<ImportUpload>().CountAsync())).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<JobRun>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnUploadCannotMakeTheServerReadOneOfItsOwnFilesAsAMapping()
    {
        await TestWorld.CreateAsync(api);
        var options = new Dictionary<string, string>(ResultsImports.Round1Options) { ["mapping"] = "/etc/passwd" };
        var (status, body) = await UploadAsync("results-mapped", "brest.csv", options, SharedData.Brest2022Round1("2902"), TestWorld.National);
        status.ShouldBe(HttpStatusCode.Accepted, body);
        var run = GlobalId.TryDecodeGuid(JsonNode.Parse(body)!["runId"]!.GetValue<string>(), JobRunService.NodeType)!.Value;

        await RunImportJobAsync(run);

        var stopped = await api.WithDbAsync(db => db.Set<JobRun>().SingleAsync(r => r.Id == run));
        (stopped.Status, stopped.StopCode).ShouldBe((JobRunStatus.Stopped, "IMPORT_INVALID"));
        stopped.StopReason.ShouldBe("--mapping names a file of the server: send the mapping itself (mapping-json)");
        (await api.WithDbAsync(db => db.Set<ImportReport>().SingleAsync())).Status.ShouldBe(ImportStatus.Rejected);
        await api.ShouldHoldNoResultsAsync();
        (await api.WithDbAsync(db => db.Set<ImportUpload>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnUploadWithAnUnknownKindOrOptionIsRefusedBeforeAnyJobStarts()
    {
        await TestWorld.CreateAsync(api);
        var (kindStatus, kindBody) = await UploadAsync("results-1789", "t1.csv", ResultsImports.Round1Options, SharedData.Results2024Round1, TestWorld.National);
        kindStatus.ShouldBe(HttpStatusCode.BadRequest);
        kindBody.ShouldContain("IMPORT_KIND_UNKNOWN");
        var options = new Dictionary<string, string>(ResultsImports.Round1Options) { ["foo"] = "bar" };
        var (optionStatus, optionBody) = await UploadAsync("results-2024", "t1.csv", options, SharedData.Results2024Round1, TestWorld.National);
        optionStatus.ShouldBe(HttpStatusCode.BadRequest);
        optionBody.ShouldContain("unknown option --foo for results-2024");
        (await api.WithDbAsync(db => db.Set<JobRun>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnUploadWhoseUploaderLostTheRightBeforeItsJobRanImportsNothing()
    {
        var w = await TestWorld.CreateAsync(api);
        var (status, body) = await UploadAsync("results-2024", "t1.csv", ResultsImports.Round1Options, SharedData.Results2024Round1, TestWorld.National);
        status.ShouldBe(HttpStatusCode.Accepted, body);
        var run = GlobalId.TryDecodeGuid(JsonNode.Parse(body)!["runId"]!.GetValue<string>(), JobRunService.NodeType)!.Value;
        var grant = w.Grants[TestWorld.National].Id;
        await api.WithDbAsync(db => db.Set<Coopol.Access.RoleGrant>().Where(g => g.Id == grant).ExecuteUpdateAsync(u => u.SetProperty(g => g.RevokedAt, DateTime.UtcNow)));

        await RunImportJobAsync(run);

        var stopped = await api.WithDbAsync(db => db.Set<JobRun>().SingleAsync(r => r.Id == run));
        (stopped.Status, stopped.StopCode).ShouldBe((JobRunStatus.Stopped, "RIGHT_REVOKED"));
        stopped.StopReason!.ShouldContain("ENTER_RESULTS");
        await api.ShouldHoldNoResultsAsync();
        (await api.WithDbAsync(db => db.Set<ImportReport>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnImportRefusedJustBeforeItCommitsKeepsNothingOfTheFile()
    {
        await api.ResetAsync();
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();

        // What the import job checks before committing: the uploader's right, here found revoked.
        var report = await imports.RunAsync(imports.Find("results-2024"), SharedData.Results2024Round1, "t1.csv", ResultsImports.Round1Options, dryRun: false,
            startedById: null, jobRunId: null, Coopol.Common.Imports.IImportProgress.None, _ => throw new RightRevokedException(Coopol.Access.Permission.EnterResults), CancellationToken.None);

        report.Status.ShouldNotBe(ImportStatus.Succeeded);
        report.Problem!.ShouldContain("no longer holds ENTER_RESULTS");
        // The job stops with the report's code: a lost right, not bad input.
        report.ProblemCode.ShouldBe("RIGHT_REVOKED");
        await api.ShouldHoldNoResultsAsync();
    }

    [Fact]
    public async Task AFileNameWithDirectionOrControlCharactersIsRefused()
    {
        await TestWorld.CreateAsync(api);
        var (status, body) = await UploadAsync("results-2024", "resultats\u202Evsc.csv", ResultsImports.Round1Options, SharedData.Results2024Round1, TestWorld.National);
        status.ShouldBe(HttpStatusCode.BadRequest, body);
        body.ShouldContain("VALIDATION_FAILED");
        (await api.WithDbAsync(db => db.Set<ImportUpload>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task UploadsThatNoJobReadAreDeletedAfterADay()
    {
        var w = await TestWorld.CreateAsync(api);
        var person = w.People[TestWorld.National].Id;
        await api.WithDbAsync(async db =>
        {
            db.Add(new ImportUpload { FileName = "old.csv", Content = [1], UploadedById = person, CreatedAt = DateTime.UtcNow.AddDays(-2) });
            db.Add(new ImportUpload { FileName = "new.csv", Content = [1], UploadedById = person, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await using var scope = api.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<PurgeImportUploadsJob>().RunAsync(CancellationToken.None)).ShouldBe(1);
        (await api.WithDbAsync(db => db.Set<ImportUpload>().Select(u => u.FileName).ToListAsync())).ShouldBe(["new.csv"]);
    }

    private async Task<(HttpStatusCode Status, string Body)> UploadAsync(string kind, string fileName, IReadOnlyDictionary<string, string> options, string file, string? asEmail)
    {
        using var client = api.Factory.CreateClient();
        var url = $"/imports/{kind}?fileName={Uri.EscapeDataString(fileName)}&options={Uri.EscapeDataString(JsonSerializer.Serialize(options))}";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(await File.ReadAllBytesAsync(file)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        if (asEmail is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Runs the job as Hangfire would: a scope of its own, with no caller but the run's starter.</summary>
    private async Task RunImportJobAsync(Guid runId)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ImportJob>().RunAsync(runId, CancellationToken.None);
    }
}
