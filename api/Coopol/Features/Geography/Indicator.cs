using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Geography;

public enum ZoneLevel
{
    Iris,
    Commune,
}

/// <summary>How an IRIS indicator becomes a commune's where IRIS contours are missing: counts add up, rates and medians
/// are averaged (unweighted, since the file gives no population: an approximation, shown as such).</summary>
public enum IndicatorAggregation
{
    Sum,
    Mean,
}

/// <summary>A sociodemographic indicator from an INSEE file (median income, poverty rate, workers...), with its label
/// and unit as the importer chose them.</summary>
public sealed class Indicator
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The column it came from ("DISP_MED15"), unique: re-importing it replaces its values.</summary>
    public required string Code { get; init; }
    public required string Label { get; set; }
    public string? Unit { get; set; }
    public required ZoneLevel Level { get; set; }
    public IndicatorAggregation Aggregation { get; set; }
    public string? Source { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class IndicatorValue
{
    public required Guid IndicatorId { get; init; }
    /// <summary>An IRIS code (9 characters) or a commune code (5), as the indicator's level says.</summary>
    public required string ZoneCode { get; init; }
    public required double Value { get; init; }
}

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators");
        builder.Property(i => i.Code).HasMaxLength(60);
        builder.Property(i => i.Label).HasMaxLength(200);
        builder.Property(i => i.Unit).HasMaxLength(20);
        builder.Property(i => i.Source).HasMaxLength(200);
        builder.Property(i => i.Level).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(10);
        builder.HasIndex(i => i.Code).IsUnique();
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        builder.HasKey(v => new { v.IndicatorId, v.ZoneCode });
        builder.Property(v => v.ZoneCode).HasMaxLength(9);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}
