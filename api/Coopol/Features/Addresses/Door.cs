using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Addresses;

/// <summary>A door of a building, where a volunteer knocks and reports what happened.</summary>
public sealed class Door
{
    public long Id { get; init; }
    public long BuildingId { get; init; }
    /// <summary>1, 2, 3... in the building: the order a walk list shows, and which doors go first when the count drops.</summary>
    public int Position { get; init; }
    /// <summary>"1", "2e gauche".</summary>
    public required string Label { get; set; }
}

public sealed class DoorConfiguration : IEntityTypeConfiguration<Door>
{
    public void Configure(EntityTypeBuilder<Door> builder)
    {
        builder.ToTable("Doors");
        builder.Property(d => d.Label).HasMaxLength(40);
        builder.HasIndex(d => new { d.BuildingId, d.Position }).IsUnique();
        builder.HasOne<Building>().WithMany().HasForeignKey(d => d.BuildingId).OnDelete(DeleteBehavior.Restrict);
    }
}
