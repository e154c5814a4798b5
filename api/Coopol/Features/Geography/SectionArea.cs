using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Geography;

/// <summary>One piece of a section's territory: a whole commune, or one polling station.</summary>
public sealed class SectionArea
{
    public long Id { get; init; }
    public required Guid SectionId { get; init; }
    public string? CommuneCode { get; init; }
    public string? StationId { get; init; }
}

/// <summary>The polling stations a section covers (its stations, and every station of its communes), kept up to date by
/// <see cref="TerritoryService"/> so that scoping results to a section is one indexed join.</summary>
public sealed class SectionStation
{
    public required Guid SectionId { get; init; }
    public required string StationId { get; init; }
}

public sealed class SectionAreaConfiguration : IEntityTypeConfiguration<SectionArea>
{
    public void Configure(EntityTypeBuilder<SectionArea> builder)
    {
        builder.ToTable("SectionAreas", t => t.HasCheckConstraint("CK_SectionAreas_OneKind", "(\"CommuneCode\" IS NULL) <> (\"StationId\" IS NULL)"));
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.Property(a => a.StationId).HasMaxLength(16);
        builder.HasOne<Section>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Commune>().WithMany().HasForeignKey(a => a.CommuneCode);
        builder.HasOne<PollingStation>().WithMany().HasForeignKey(a => a.StationId);
        builder.HasIndex(a => new { a.SectionId, a.CommuneCode, a.StationId }).IsUnique().AreNullsDistinct(false);
    }
}

public sealed class SectionStationConfiguration : IEntityTypeConfiguration<SectionStation>
{
    public void Configure(EntityTypeBuilder<SectionStation> builder)
    {
        builder.ToTable("SectionStations");
        builder.HasKey(s => new { s.SectionId, s.StationId });
        builder.Property(s => s.StationId).HasMaxLength(16);
        builder.HasOne<Section>().WithMany().HasForeignKey(s => s.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PollingStation>().WithMany().HasForeignKey(s => s.StationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.StationId);
    }
}
