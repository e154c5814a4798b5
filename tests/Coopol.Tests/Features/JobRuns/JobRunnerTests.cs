using Coopol.Features.JobRuns;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.JobRuns;

/// <summary>A job acts for the person who started it, with their rights as they are when it runs.</summary>
[Collection(ApiCollection.Name)]
public sealed class JobRunnerTests(ApiFixture api)
{
    private const string Export = "mutation($input: ExportPeopleInput!) { exportPeople(input: $input) { run { id status } errors { code } } }";
    private const string RevokeDelegation = "mutation($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { errors { code } } }";
    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task ARightRevokedBeforeTheJobRunsStopsItWithTheReasonAndExportsNothing()
    {
        var w = await TestWorld.CreateAsync(api);
        var started = await GraphQL.PostAsync(Export, new { input = new { scopeId = w.S1Id } }, TestWorld.DelegateS1);
        started.PayloadErrorCodes("exportPeople").ShouldBeEmpty();
        var runId = RunId(started);

        (await GraphQL.PostAsync(RevokeDelegation, new { input = new { delegationId = w.GrantIdOf(TestWorld.DelegateS1) } }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("revokeDelegation").ShouldBeEmpty();
        await RunExportAsync(runId);

        var run = await api.WithDbAsync(db => db.Set<JobRun>().SingleAsync(r => r.Id == runId));
        run.Status.ShouldBe(JobRunStatus.Stopped);
        run.StopCode.ShouldBe("RIGHT_REVOKED");
        run.StopReason!.ShouldContain("VIEW_PEOPLE");
        (await api.WithDbAsync(db => db.Set<PeopleExport>().CountAsync())).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<AccessLogEntry>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AnExportHoldsWhatTheStarterSeesInDetailAndRunsOnce()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            world.Add("private@test.coopol.fr", "Priscille", "Privee", world.S1).ProfileVisibility = ProfileVisibility.Private;
        });
        var started = await GraphQL.PostAsync(Export, new { input = new { scopeId = w.S1Id } }, TestWorld.DelegateS1);
        var runId = RunId(started);
        await RunExportAsync(runId);
        await RunExportAsync(runId); // a retry of a finished run changes nothing

        var run = await api.WithDbAsync(db => db.Set<JobRun>().SingleAsync(r => r.Id == runId));
        run.Status.ShouldBe(JobRunStatus.Succeeded);
        var file = await api.WithDbAsync(db => db.Set<PeopleExport>().SingleAsync());
        var csv = System.Text.Encoding.UTF8.GetString(file.Content);
        csv.ShouldContain(TestWorld.OtherS1);
        csv.ShouldNotContain("private@test.coopol.fr");
        file.Rows.ShouldBe(w.People.Values.Count(p => p.SectionId == w.S1.Id && p.ProfileVisibility != ProfileVisibility.Private));
        // Each exported person is logged, but the delegate who exported themselves.
        (await api.WithDbAsync(db => db.Set<AccessLogEntry>().CountAsync())).ShouldBe(file.Rows - 1);
    }

    [Fact]
    public async Task ExportsAreRefusedWhereTheCallerMayNotSeePeopleAndOnlyTheirStarterDownloadsThem()
    {
        var w = await TestWorld.CreateAsync(api);
        (await GraphQL.PostAsync(Export, new { input = new { scopeId = w.S2Id } }, TestWorld.SecretaryS1)).PayloadErrorCodes("exportPeople").ShouldBe(["FORBIDDEN"]);
        (await GraphQL.PostAsync(Export, new { input = new { } }, TestWorld.SecretaryS1)).PayloadErrorCodes("exportPeople").ShouldBe(["FORBIDDEN"]);
        (await GraphQL.PostAsync(Export, new { input = new { scopeId = w.S1Id } }, TestWorld.MemberS1)).PayloadErrorCodes("exportPeople").ShouldBe(["FORBIDDEN"]);

        var runId = RunId(await GraphQL.PostAsync(Export, new { input = new { scopeId = w.S1Id } }, TestWorld.SecretaryS1));
        await RunExportAsync(runId);
        using var client = api.Factory.CreateClient();
        async Task<System.Net.HttpStatusCode> Get(string? asEmail)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/exports/{runId:N}");
            if (asEmail is not null) request.Headers.Authorization = new("Bearer", api.Factory.TokenFor(asEmail));
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
        (await Get(TestWorld.SecretaryS1)).ShouldBe(System.Net.HttpStatusCode.OK);
        (await Get(TestWorld.National)).ShouldBe(System.Net.HttpStatusCode.NotFound);
        (await Get(null)).ShouldBe(System.Net.HttpStatusCode.Unauthorized);
        // The run itself is seen by its starter only.
        var node = await GraphQL.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = Coopol.Common.GlobalId.Encode("JobRun", runId) }, TestWorld.National);
        node.At("node").ShouldBeNull();
    }

    [Fact]
    public async Task AnExportCannotBeDownloadedOnceTheRightItWasMadeWithIsRevoked()
    {
        var w = await TestWorld.CreateAsync(api);
        var runId = RunId(await GraphQL.PostAsync(Export, new { input = new { scopeId = w.S1Id } }, TestWorld.DelegateS1));
        await RunExportAsync(runId);
        using var client = api.Factory.CreateClient();
        async Task<System.Net.HttpStatusCode> Download()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/exports/{runId:N}");
            request.Headers.Authorization = new("Bearer", api.Factory.TokenFor(TestWorld.DelegateS1));
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }
        (await Download()).ShouldBe(System.Net.HttpStatusCode.OK);
        (await GraphQL.PostAsync(RevokeDelegation, new { input = new { delegationId = w.GrantIdOf(TestWorld.DelegateS1) } }, TestWorld.SecretaryS1))
            .PayloadErrorCodes("revokeDelegation").ShouldBeEmpty();
        (await Download()).ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    private static Guid RunId(GraphQLAnswer started) =>
        Coopol.Common.GlobalId.TryDecodeGuid(started.At("exportPeople.run.id")!.GetValue<string>(), "JobRun")!.Value;

    /// <summary>Runs the job as Hangfire would: a scope of its own, with no caller but the run's starter.</summary>
    private async Task RunExportAsync(Guid runId)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ExportPeopleJob>().RunAsync(runId, CancellationToken.None);
    }
}
