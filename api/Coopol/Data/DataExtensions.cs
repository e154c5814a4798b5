using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopolDbContext>();
        await db.Database.MigrateAsync(ct);
    }
}
