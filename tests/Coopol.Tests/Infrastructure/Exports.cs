using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Infrastructure;

/// <summary>Starts a people export through the API and runs its job in-process, as Hangfire would (a scope of its own,
/// acting for the run's starter); returns the CSV the job wrote.</summary>
public static class Exports
{
    private const string Export = "mutation($input: ExportPeopleInput!) { exportPeople(input: $input) { run { id } errors { code } } }";

    public static async Task<(Guid RunId, string Csv)> ExportAsync(ApiFixture api, string scopeId, string asEmail)
    {
        var started = await new GraphQLClient(api.Factory).PostAsync(Export, new { input = new { scopeId } }, asEmail);
        started.ShouldHaveNoErrors().PayloadErrorCodes("exportPeople").ShouldBeEmpty();
        var runId = Coopol.Common.GlobalId.TryDecodeGuid(started.At("exportPeople.run.id")!.GetValue<string>(), "JobRun")!.Value;
        await using (var scope = api.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ExportPeopleJob>().RunAsync(runId, CancellationToken.None);
        var file = await api.WithDbAsync(db => db.Set<PeopleExport>().SingleAsync(e => e.JobRunId == runId));
        return (runId, System.Text.Encoding.UTF8.GetString(file.Content));
    }
}
