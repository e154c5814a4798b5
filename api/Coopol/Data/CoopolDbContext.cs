using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Data;

/// <summary>The one DbContext, used directly by feature services (it is the repository).
/// People's data is read through <see cref="PeopleAccess"/>, which applies the caller's scope.</summary>
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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoopolDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC (timestamptz); local times are derived where they matter.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
