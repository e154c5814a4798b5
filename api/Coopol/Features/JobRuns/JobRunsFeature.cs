using Coopol.Common.GraphQL;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Coopol.Features.Privacy;

namespace Coopol.Features.JobRuns;

/// <summary>Background jobs run on someone's behalf: their record, progress and outcome.</summary>
public sealed class JobRunsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IPersonalDataStep, JobRunsPersonalData>().AddScoped<JobRunService>().AddScoped<JobRunner>().AddScoped<PurgeJobRunsJob>();

    public IEnumerable<NodeFetcher> NodeTypes =>
        [NodeFetcher.ForGuids(JobRunService.NodeType, (s, ids, ct) => s.GetRequiredService<JobRunService>().ByIdsAsync(ids, ct))];

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<PurgeJobRunsJob>(PurgeJobRunsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Daily(3));
}
