using Coopol.Data;
using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Respawn;
using Respawn.Graph;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Coopol.Tests.Infrastructure;

/// <summary>One API for the whole run; every test starts from an empty database (federations, which the
/// migration carries, are kept, and so is the official list of communes, imported once from ../shared/data: most imports
/// need it. Boundaries set on communes by a test stay for the next ones).</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private Respawner? _respawner;

    public CoopolFactory Factory { get; } = new();

    private ProviderHost? _providers;

    /// <summary>The API configured with a fake Twilio and a local SMTP server, made at first use, reset for each caller.</summary>
    public async Task<ProviderHost> ProvidersAsync()
    {
        _providers ??= await ProviderHost.StartAsync(Factory);
        _providers.Reset();
        return _providers;
    }

    public async Task InitializeAsync()
    {
        _ = Factory.Server; // starts the host, which applies the migrations
        await using var connection = new NpgsqlConnection(CoopolFactory.ConnectionString);
        await connection.OpenAsync();
        _respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [new Table("__EFMigrationsHistory"), new Table("Federations"), new Table("spatial_ref_sys"), new Table("Communes")],
        });
        await ImportOfficialCommunesOnceAsync();
    }

    /// <summary>reference/communes.json through the import runner, as <c>scripts/coopol import communes-reference</c> would.</summary>
    private async Task ImportOfficialCommunesOnceAsync()
    {
        if (await WithDbAsync(db => db.Set<Commune>().AnyAsync())) return;
        var report = await Importing.RunAsync(this, "communes-reference", SharedData.OfficialCommunes);
        if (report.Status != Coopol.Features.Imports.ImportStatus.Succeeded)
            throw new InvalidOperationException($"The official communes could not be imported: {report.Problem}");
    }

    public async Task ResetAsync()
    {
        await using var connection = new NpgsqlConnection(CoopolFactory.ConnectionString);
        await connection.OpenAsync();
        await _respawner!.ResetAsync(connection);
        // Each case starts with no anonymous sign-up counted against the test client's address.
        Factory.Services.GetRequiredService<Coopol.Features.Actions.VisitorLimits>().Reset();
    }

    public async Task<T> WithDbAsync<T>(Func<CoopolDbContext, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<CoopolDbContext>());
    }

    public async Task DisposeAsync()
    {
        Factory.Dispose();
        if (_providers is not null) await _providers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
