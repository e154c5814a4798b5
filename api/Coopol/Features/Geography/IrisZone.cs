using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Geography;

/// <summary>An IRIS, INSEE's sub-communal statistical zone: a 9-character code whose first five are the commune.</summary>
public sealed class IrisZone
{
    public required string Code { get; init; }
    public required string CommuneCode { get; init; }
    public required string Name { get; set; }
    /// <summary>H housing, A activity, D miscellaneous, Z commune not split.</summary>
    public string? Type { get; set; }
    public MultiPolygon? Boundary { get; set; }
}

public sealed class IrisZoneConfiguration : IEntityTypeConfiguration<IrisZone>
{
    public void Configure(EntityTypeBuilder<IrisZone> builder)
    {
        builder.ToTable("IrisZones");
        builder.HasKey(i => i.Code);
        builder.Property(i => i.Code).HasMaxLength(9);
        builder.Property(i => i.CommuneCode).HasMaxLength(5);
        builder.Property(i => i.Name).HasMaxLength(120);
        builder.Property(i => i.Type).HasMaxLength(1);
        builder.Property(i => i.Boundary).HasColumnType("geometry(multipolygon,4326)");
        builder.HasOne<Commune>().WithMany().HasForeignKey(i => i.CommuneCode);
        builder.HasIndex(i => i.Boundary).HasMethod("gist");
    }
}
