namespace Coopol.Features.Addresses;

/// <summary>An address of a turf, with its buildings: what a walk list shows and splits.</summary>
public sealed record TurfAddress(long Id, string CommuneCode, string StreetName, int Number, string? Suffix, string Label,
    double Longitude, double Latitude, string? StationId, IReadOnlyList<TurfBuilding> Buildings)
{
    /// <summary>The doors to knock on; an address with none counts one (someone still walks there to see).</summary>
    public int Doors => Math.Max(1, Buildings.Sum(b => b.Doors));
}

/// <summary>A building of a turf address: <paramref name="DoorCount"/> as a volunteer entered it (null: unknown), and
/// <paramref name="Doors"/> its doors.</summary>
public sealed record TurfBuilding(long Id, string? Label, int? DoorCount, int Doors);
