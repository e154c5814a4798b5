using System.Security.Cryptography;
using Coopol.Data;
using Coopol.Data.DemoData;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

namespace Coopol.Browser.Tests;

/// <summary>The real API on Kestrel (a random port), serving the built web client (web-client/dist) on its own
/// database (coopol_browser_test) loaded with a small demo and the campaign map's open data (Brest, ../shared/data).</summary>
public sealed class ServedApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Collection = "served app";

    private static readonly string ConnectionString =
        $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("COOPOL_DB_PORT") ?? "55432"};Database=coopol_browser_test;Username=coopol";

    public string BaseUrl { get; private set; } = "";

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Coopol.sln not found above the test binaries.");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Coopol", ConnectionString);
        builder.UseSetting("Auth:Local:Enabled", "true");
        builder.UseSetting("Auth:Local:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        // A Hangfire server in the app: an export started in the browser runs and its file downloads.
        builder.UseSetting("Jobs:RunServer", "true");
        builder.UseSetting("WebClient:Root", Path.Combine(RepoRoot(), "web-client", "dist"));
    }

    public async Task InitializeAsync()
    {
        File.Exists(Path.Combine(RepoRoot(), "web-client", "dist", "index.html"))
            .ShouldBeTrue("Build the web client first (scripts/test does: npm run build in web-client).");
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1");

        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync();
            var respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
            {
                DbAdapter = DbAdapter.Postgres, SchemasToInclude = ["public"],
                TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("Federations"), new Table("spatial_ref_sys")],
            });
            await respawner.ResetAsync(connection);
        }
        await using (var scope = Services.CreateAsyncScope())
            await ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider).SeedAsync(300, CancellationToken.None);
        // The demo sections need their people first: their territories are given by the open data's loader.
        var data = DemoOpenData.FindFolder(null, AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("The open data folder (../shared/data beside the repository) is missing: the map tests need it.");
        await DemoOpenData.LoadAsync(Services, data, CancellationToken.None);
    }

    public async Task<Guid> SectionIdAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopolDbContext>();
        return db.Sections.Single(s => s.Name == name).Id;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

[CollectionDefinition(ServedApp.Collection)]
public sealed class ServedAppCollection : ICollectionFixture<ServedApp>;
