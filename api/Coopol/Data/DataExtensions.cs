using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coopol.Data;

public static class DataExtensions
{
    public static string CoopolConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Coopol")
        ?? throw new InvalidOperationException("ConnectionStrings:Coopol is not configured.");

    public static IServiceCollection AddCoopolData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContext<CoopolDbContext>((sp, o) => o
            .UseNpgsql(configuration.CoopolConnectionString(), npgsql => npgsql.UseNetTopologySuite())
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Applies committed migrations at start, so a fresh database is ready with no extra step.</summary>
    public static async Task MigrateCoopolDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        // On a fresh database EF first reads a history table that does not exist yet and logs that as an
        // error; this context keeps that expected failure out of the log.
        var configuration = services.GetRequiredService<IConfiguration>();
        var options = new DbContextOptionsBuilder<CoopolDbContext>()
            .UseNpgsql(configuration.CoopolConnectionString(), npgsql => npgsql.UseNetTopologySuite())
            .ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug)))
            .UseLoggerFactory(services.GetRequiredService<ILoggerFactory>())
            .Options;
        await using var db = new CoopolDbContext(options);
        // Migrate() also diffs the model against the snapshot, which costs seconds at every start: only call it
        // when there is something to apply.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any()) await db.Database.MigrateAsync(ct);
    }
}
