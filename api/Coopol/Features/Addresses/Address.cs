using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Addresses;

/// <summary>A postal address of the Base Adresse Nationale / a Base Adresse Locale (public open data): a number on a
/// street of a commune, and its point. Its buildings and their doors are what volunteers knock on.</summary>
public sealed class Address
{
    public long Id { get; init; }
    /// <summary>The interoperability key (<c>cle_interop</c> of a BAL file, <c>id</c> of a BAN file), lower case:
    /// "54084_b114_00016_b". A re-import finds its address by it, so ids (and the doors' reports) stay.</summary>
    public required string Key { get; init; }
    public required string CommuneCode { get; set; }
    public required string StreetName { get; set; }
    /// <summary>The number in the street; BAL writes 99999 for a place without a number.</summary>
    public int Number { get; set; }
    /// <summary>The repetition index, lower case ("bis", "ter", "a"), or null.</summary>
    public string? Suffix { get; set; }
    /// <summary>For people: "16 bis Rue Joffre, Mont-Bonvillers".</summary>
    public required string Label { get; set; }
    public required Point Point { get; set; }
    /// <summary>The polling station of its commune whose contour holds the point, when contours are known.</summary>
    public string? StationId { get; set; }
    /// <summary>Made up for the demo (no address file covers Brest here), never real.</summary>
    public bool Generated { get; set; }
    /// <summary>Absent from the latest file of its commune: kept (door reports may name it), left out of turfs.</summary>
    public bool Retired { get; set; }

    /// <summary>BAL's number for a toponym without a number ("lieu-dit").</summary>
    public const int NoNumber = 99999;

    public static string LabelOf(int number, string? suffix, string streetName, string communeName) =>
        (number == NoNumber ? streetName : suffix is null ? $"{number} {streetName}" : $"{number} {suffix} {streetName}") + $", {communeName}";
}

public sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("Addresses");
        builder.Property(a => a.Key).HasMaxLength(64);
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.Property(a => a.StreetName).HasMaxLength(200);
        builder.Property(a => a.Suffix).HasMaxLength(16);
        builder.Property(a => a.Label).HasMaxLength(300);
        builder.Property(a => a.StationId).HasMaxLength(16);
        builder.Property(a => a.Point).HasColumnType("geography(point,4326)");
        builder.HasIndex(a => a.Key).IsUnique();
        builder.HasIndex(a => a.CommuneCode);
        builder.HasIndex(a => a.StationId);
        builder.HasIndex(a => a.Point).HasMethod("gist");
        builder.HasOne<Commune>().WithMany().HasForeignKey(a => a.CommuneCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PollingStation>().WithMany().HasForeignKey(a => a.StationId).OnDelete(DeleteBehavior.SetNull);
    }
}
