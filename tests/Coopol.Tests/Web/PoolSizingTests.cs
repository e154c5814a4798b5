using Coopol.Data;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Coopol.Tests.Web;

/// <summary>One API instance held 52 of PostgreSQL's 100 connections under load. Each process sizes its EF Core pool
/// (Database:MaxPoolSize) and its Hangfire pool (Jobs:MaxPoolSize), and the API's and the worker's defaults together stay
/// below the server's max_connections.</summary>
[Collection(ApiCollection.Name)]
public sealed class PoolSizingTests(ApiFixture api)
{
    private const string Server = "Host=127.0.0.1;Port=55432;Database=coopol;Username=coopol";

    private static IConfiguration Settings(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Coopol"] = Server }.Concat(settings)
            .GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value)).Build();

    private static int PoolSize(IConfiguration configuration, Pool pool) =>
        new NpgsqlConnectionStringBuilder(configuration.CoopolConnectionString(pool)).MaxPoolSize;

    [Fact]
    public void EachPoolHasADefaultSize()
    {
        var configuration = Settings([]);
        PoolSize(configuration, Pool.Data).ShouldBe(DataExtensions.DefaultDataPoolSize);
        PoolSize(configuration, Pool.Jobs).ShouldBe(DataExtensions.DefaultJobsPoolSize);
        // Npgsql's own default (100) would let one process take every connection of a default server.
        DataExtensions.DefaultDataPoolSize.ShouldBeLessThan(100);
    }

    [Fact]
    public void EachPoolTakesItsSizeFromItsSetting()
    {
        var configuration = Settings(new() { ["Database:MaxPoolSize"] = "12", ["Jobs:MaxPoolSize"] = "5" });
        PoolSize(configuration, Pool.Data).ShouldBe(12);
        PoolSize(configuration, Pool.Jobs).ShouldBe(5);
        // The rest of the connection string is kept.
        var built = new NpgsqlConnectionStringBuilder(configuration.CoopolConnectionString(Pool.Data));
        built.Host.ShouldBe("127.0.0.1");
        built.Port.ShouldBe(55432);
        built.Database.ShouldBe("coopol");
        built.Username.ShouldBe("coopol");
    }

    [Theory]
    [InlineData("Maximum Pool Size=7")]
    [InlineData("MaxPoolSize=7")]
    public void ASizeWrittenInTheConnectionStringWins(string written)
    {
        var configuration = Settings(new()
        {
            ["ConnectionStrings:Coopol"] = Server + ";" + written, ["Database:MaxPoolSize"] = "12", ["Jobs:MaxPoolSize"] = "5",
        });
        PoolSize(configuration, Pool.Data).ShouldBe(7);
        PoolSize(configuration, Pool.Jobs).ShouldBe(7);
    }

    [Fact]
    public void TheTwoPoolsOfAProcessAreToldApartInPostgreSql()
    {
        var configuration = Settings(new() { ["Database:ApplicationName"] = "api" });
        new NpgsqlConnectionStringBuilder(configuration.CoopolConnectionString(Pool.Data)).ApplicationName
            .ShouldNotBe(new NpgsqlConnectionStringBuilder(configuration.CoopolConnectionString(Pool.Jobs)).ApplicationName);
    }

    [Fact]
    public async Task TheApiAndTheWorkerDefaultsTogetherStayBelowTheServersMaxConnections()
    {
        var apiSettings = FromAppSettings("api", "Coopol.Api");
        var workerSettings = FromAppSettings("jobs", "Coopol.Jobs");
        var apiTotal = PoolSize(apiSettings, Pool.Data) + PoolSize(apiSettings, Pool.Jobs);
        var workerTotal = PoolSize(workerSettings, Pool.Data) + PoolSize(workerSettings, Pool.Jobs);

        await using var connection = new NpgsqlConnection(CoopolFactory.ConnectionString);
        await connection.OpenAsync();
        async Task<int> Show(string setting)
        {
            await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
            return int.Parse((string)(await command.ExecuteScalarAsync())!);
        }
        var max = await Show("max_connections");
        var reserved = await Show("superuser_reserved_connections");
        (apiTotal + workerTotal).ShouldBeLessThan(max - reserved, $"API {apiTotal} + worker {workerTotal} against max_connections {max} ({reserved} reserved)");

        // The running API uses the sized pool.
        var running = await api.WithDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        new NpgsqlConnectionStringBuilder(running).MaxPoolSize.ShouldBe(PoolSize(api.Factory.Services.GetRequiredService<IConfiguration>(), Pool.Data));
        new NpgsqlConnectionStringBuilder(running).MaxPoolSize.ShouldBeLessThan(100);
    }

    /// <summary>A host's appsettings.json as committed, read like the host reads it.</summary>
    private static IConfiguration FromAppSettings(string folder, string project)
    {
        var path = Path.Combine(RepoRoot(), folder, project, "appsettings.json");
        File.Exists(path).ShouldBeTrue(path);
        return new ConfigurationBuilder().AddJsonFile(path).Build();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Coopol.sln not found above the test binaries.");
    }
}
