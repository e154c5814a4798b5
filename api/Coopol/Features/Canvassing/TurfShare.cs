using Coopol.Common;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Canvassing;

/// <summary>One volunteer's part of a door-to-door's turf: a contiguous run of addresses along the streets. Checked out
/// to one person while they work it, so two teams never knock the same doors.</summary>
[PersonalData("who canvasses which streets, and when")]
public sealed class TurfShare
{
    public long Id { get; init; }
    public required Guid ActionId { get; init; }
    /// <summary>1, 2, 3... within the action.</summary>
    public int Number { get; init; }
    /// <summary>The addresses in walking order.</summary>
    public List<long> AddressIds { get; init; } = [];
    public int Doors { get; init; }
    public Guid? CheckedOutById { get; set; }
    public DateTime? CheckedOutAt { get; set; }
    /// <summary>When its holder last gave it back (worked or not).</summary>
    public DateTime? ReleasedAt { get; set; }
    public DateTime CreatedAt { get; init; }
}

public sealed class TurfShareConfiguration : IEntityTypeConfiguration<TurfShare>
{
    public void Configure(EntityTypeBuilder<TurfShare> builder)
    {
        builder.ToTable("TurfShares");
        builder.HasIndex(s => new { s.ActionId, s.Number }).IsUnique();
        builder.HasIndex(s => s.CheckedOutById);
        builder.HasOne<FieldAction>().WithMany().HasForeignKey(s => s.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.CheckedOutById).OnDelete(DeleteBehavior.SetNull);
    }
}

public enum BuildingProgress
{
    /// <summary>In a share someone has checked out.</summary>
    Ongoing,
    Done,
}

/// <summary>Where a campaign stands with a building: ongoing (in a checked-out share) or done. A building with no row is
/// still to do. The campaign is a section's canvass (<see cref="FieldAction.Campaign"/>).</summary>
public sealed class CanvassedBuilding
{
    public required Guid SectionId { get; init; }
    public required string Campaign { get; init; }
    public required long BuildingId { get; init; }
    public BuildingProgress Progress { get; set; }
    public long? ShareId { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class CanvassedBuildingConfiguration : IEntityTypeConfiguration<CanvassedBuilding>
{
    public void Configure(EntityTypeBuilder<CanvassedBuilding> builder)
    {
        builder.ToTable("CanvassedBuildings");
        builder.HasKey(b => new { b.SectionId, b.Campaign, b.BuildingId });
        builder.Property(b => b.Campaign).HasMaxLength(ActionLimits.Campaign);
        builder.Property(b => b.Progress).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(b => b.ShareId);
        builder.HasOne<Section>().WithMany().HasForeignKey(b => b.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Building>().WithMany().HasForeignKey(b => b.BuildingId).OnDelete(DeleteBehavior.Cascade);
    }
}
