using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Addresses;

/// <summary>The addresses of a turf. Addresses are public data: this checks no right; the Actions feature decides who
/// sees which turf.</summary>
public sealed class WalkListService(CoopolDbContext db)
{
    /// <summary>The addresses (not retired) voting in one of <paramref name="stationIds"/>, or whose point lies in
    /// <paramref name="area"/> (a polygon or multipolygon in WGS84, SRID 4326; edges follow great circles, as on the
    /// geography index), with their buildings and door counts, in no particular order (<see cref="WalkList.Order"/>).</summary>
    public async Task<IReadOnlyList<TurfAddress>> TurfAddressesAsync(IReadOnlyCollection<string> stationIds, Geometry? area, CancellationToken ct)
    {
        if (area is not null)
        {
            if (area is not (Polygon or MultiPolygon)) throw new ArgumentException($"A turf's area is a polygon or a multipolygon, not a {area.GeometryType}.", nameof(area));
            if (area.SRID is not (4326 or 0)) throw new ArgumentException($"A turf's area is in WGS84 (SRID 4326), not SRID {area.SRID}.", nameof(area));
            if (area.SRID == 0)
            {
                area = area.Copy();
                area.SRID = 4326;
            }
        }
        var stations = stationIds.Distinct().ToArray();
        // Two indexable halves (station index, spatial index) rather than one OR the planner would scan the table for.
        var byStation = db.Set<Address>().Where(a => !a.Retired && a.StationId != null && stations.Contains(a.StationId)).Select(a => a.Id);
        var ids = area is null ? byStation
            : byStation.Union(db.Set<Address>().Where(a => !a.Retired && a.Point.Intersects(area)).Select(a => a.Id));
        return await LoadAsync(ids, ct);
    }

    /// <summary>Those of these addresses (a share's) still in the turf, by the same rule as <see cref="TurfAddressesAsync"/>,
    /// without reading the whole turf.</summary>
    public Task<IReadOnlyList<TurfAddress>> AddressesInTurfAsync(IReadOnlyCollection<long> addressIds, IReadOnlyCollection<string> stationIds,
        Geometry? area, CancellationToken ct)
    {
        var wanted = addressIds.ToArray();
        return LoadAsync(InTurf(stationIds, area).Where(a => wanted.Contains(a.Id)).Select(a => a.Id), ct);
    }

    /// <summary>Whether an address is in a turf.</summary>
    public Task<bool> InTurfAsync(long addressId, IReadOnlyCollection<string> stationIds, Geometry? area, CancellationToken ct) =>
        InTurf(stationIds, area).AnyAsync(a => a.Id == addressId, ct);

    /// <summary>The addresses of a turf as one condition, for a few addresses or doors by id (the full turf is read in two
    /// halves, see <see cref="TurfAddressesAsync"/>).</summary>
    public IQueryable<Address> InTurf(IReadOnlyCollection<string> stationIds, Geometry? area)
    {
        var stations = stationIds.ToArray();
        return db.Set<Address>().Where(a => !a.Retired && ((a.StationId != null && stations.Contains(a.StationId)) || (area != null && a.Point.Intersects(area))));
    }

    private async Task<IReadOnlyList<TurfAddress>> LoadAsync(IQueryable<long> ids, CancellationToken ct)
    {
        var addresses = await db.Set<Address>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.CommuneCode, a.StreetName, a.Number, a.Suffix, a.Label, a.Point, a.StationId }).ToListAsync(ct);
        var addressIds = addresses.Select(a => a.Id).ToArray();
        var buildings = (await db.Set<Building>().AsNoTracking().Where(b => addressIds.Contains(b.AddressId))
                .Select(b => new { b.AddressId, Building = new TurfBuilding(b.Id, b.Label, b.DoorCount, db.Set<Door>().Count(d => d.BuildingId == b.Id)) })
                .ToListAsync(ct))
            .GroupBy(b => b.AddressId).ToDictionary(g => g.Key, g => (IReadOnlyList<TurfBuilding>)g.Select(b => b.Building).OrderBy(b => b.Id).ToList());
        return addresses.Select(a => new TurfAddress(a.Id, a.CommuneCode, a.StreetName, a.Number, a.Suffix, a.Label, a.Point.X, a.Point.Y, a.StationId,
            buildings.TryGetValue(a.Id, out var b) ? b : [])).ToList();
    }
}
