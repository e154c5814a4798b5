using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Addresses;

/// <summary>A building at an address. The import makes one per address, with one door: a house, until a volunteer
/// says otherwise.</summary>
public sealed class Building
{
    public long Id { get; init; }
    public long AddressId { get; init; }
    /// <summary>"Bâtiment A"; null for an address's only building.</summary>
    public string? Label { get; set; }
    /// <summary>The number of doors (letter boxes, flats) a volunteer entered; null while unknown.</summary>
    public int? DoorCount { get; set; }
}

public sealed class BuildingConfiguration : IEntityTypeConfiguration<Building>
{
    public void Configure(EntityTypeBuilder<Building> builder)
    {
        builder.ToTable("Buildings");
        builder.Property(b => b.Label).HasMaxLength(100);
        builder.HasIndex(b => b.AddressId);
        // Addresses are retired, never deleted: nothing cascades.
        builder.HasOne<Address>().WithMany().HasForeignKey(b => b.AddressId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Buildings_DoorCount", $"\"DoorCount\" BETWEEN 1 AND {AddressService.MaxDoors}"));
    }
}
