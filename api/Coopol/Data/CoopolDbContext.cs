using Coopol.Access;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Data;

/// <summary>The one DbContext, used directly by feature services (it is the repository). Tables of personal data are
/// read only through their feature's scoped path (<see cref="PeopleAccess"/> for people); the architecture tests
/// check it. Entity configurations are found in the assembly; newer features use <c>Set&lt;T&gt;()</c>.</summary>
/// <remarks>New migration: <c>dotnet ef migrations add Name -p api/Coopol -s api/Coopol.Api -o Data/Migrations</c></remarks>
public sealed class CoopolDbContext(DbContextOptions<CoopolDbContext> options) : DbContext(options)
{
    public DbSet<Federation> Federations => Set<Federation>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<RoleGrant> RoleGrants => Set<RoleGrant>();
    public DbSet<RoleGrantEvent> RoleGrantEvents => Set<RoleGrantEvent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoopolDbContext).Assembly);
        foreach (var feature in CoopolFeatures.All) feature.ConfigureModel(modelBuilder);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC (timestamptz); local times are derived where they matter.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
