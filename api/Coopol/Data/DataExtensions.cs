using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Coopol.Data;

/// <summary>The connection pools of a process: EF Core's, and Hangfire's storage. The API and the worker each size
/// theirs (Database:MaxPoolSize, Jobs:MaxPoolSize) so that together they stay below PostgreSQL's max_connections.</summary>
public enum Pool
{
    Data,
    Jobs,
}

public static class DataExtensions
{
    public const int DefaultDataPoolSize = 30;
    public const int DefaultJobsPoolSize = 8;

    public static string CoopolConnectionString(this IConfiguration configuration, Pool pool = Pool.Data)
    {
        var raw = configuration.GetConnectionString("Coopol") ?? throw new InvalidOperationException("ConnectionStrings:Coopol is not configured.");
        var builder = new NpgsqlConnectionStringBuilder(raw);
        // A size written in the connection string wins; otherwise each pool gets its configured size. (Npgsql's
        // builder knows every keyword, so whether one was written is read from the raw string.)
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = raw }.Keys.Cast<string>()
            .Any(k => k.Replace(" ", "").Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
                || k.Replace(" ", "").Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
        if (!written)
            builder.MaxPoolSize = pool == Pool.Data
                ? configuration.GetValue("Database:MaxPoolSize", DefaultDataPoolSize)
                : configuration.GetValue("Jobs:MaxPoolSize", DefaultJobsPoolSize);
        // PostgreSQL's JIT pays off for long analytic queries, not for ours: map tiles are estimated costly (spatial
        // joins) yet run in milliseconds, and compiling them took up to a second each. Off unless the string says otherwise.
        if (string.IsNullOrEmpty(builder.Options)) builder.Options = "-c jit=off";
        if (string.IsNullOrEmpty(builder.ApplicationName))
            builder.ApplicationName = $"coopol-{configuration["Database:ApplicationName"] ?? "app"}-{pool.ToString().ToLowerInvariant()}";
        return builder.ConnectionString;
    }

    /// <summary>A command on the context's own connection (opened if needed), for SQL that EF does not write (PostGIS
    /// aggregates, tiles); it shares the context's transaction.</summary>
    public static async Task<Npgsql.NpgsqlCommand> CommandAsync(this CoopolDbContext db, string sql, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new Npgsql.NpgsqlCommand(sql, (Npgsql.NpgsqlConnection)db.Database.GetDbConnection());
    }

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
