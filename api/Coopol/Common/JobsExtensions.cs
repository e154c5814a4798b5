using Coopol.Data;
using Coopol.Features.Roles;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Common;

public static class JobsExtensions
{
    /// <summary>Hangfire on the same PostgreSQL (schema "hangfire"). runServer: the API runs a server by default
    /// (Jobs:RunServer); jobs/ runs one as a process of its own when the load calls for it.</summary>
    public static IServiceCollection AddCoopolJobs(this IServiceCollection services, IConfiguration configuration, bool runServer)
    {
        var connectionString = configuration.CoopolConnectionString();
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                // The 15 s default makes enqueued work look stuck.
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }));
        if (runServer) services.AddHangfireServer(o => o.WorkerCount = configuration.GetValue("Jobs:WorkerCount", 2));
        services.AddScoped<RecordExpiredGrantsJob>();
        return services;
    }

    /// <summary>The recurring schedule; AddOrUpdate is idempotent, so whichever host starts first registers it.</summary>
    public static void ScheduleCoopolJobs(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<RecordExpiredGrantsJob>(RecordExpiredGrantsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
    }
}
