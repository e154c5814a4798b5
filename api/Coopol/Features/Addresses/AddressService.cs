using Coopol.Common;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Addresses;

/// <summary>Changes to buildings entered in the field. Addresses are public data, but who may change a door count is the
/// caller's business: these methods check no right, the feature that calls them (Actions) does, before.</summary>
public sealed class AddressService(CoopolDbContext db)
{
    /// <summary>More doors than this is a typing mistake (the largest French housing blocks have a few hundred).</summary>
    public const int MaxDoors = 500;

    /// <summary>Sets a building's door count, adding doors ("2", "3"...) or removing the last ones, and returns the building.
    /// The caller has checked the rights. Removing keeps the doors of lowest position.</summary>
    public async Task<Building> SetDoorCountAsync(long buildingId, int count, CancellationToken ct)
    {
        if (count is < 1 or > MaxDoors) throw new DoorCountOutOfRangeException(count);
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // The row lock makes two volunteers' counts for one building follow each other instead of mixing their doors.
            var building = await db.Set<Building>().FromSqlInterpolated($"""SELECT * FROM "Buildings" WHERE "Id" = {buildingId} FOR UPDATE""")
                .AsTracking().SingleOrDefaultAsync(ct) ?? throw new BuildingNotFoundException(buildingId);
            var doors = db.Set<Door>().Where(d => d.BuildingId == buildingId);
            var last = await doors.MaxAsync(d => (int?)d.Position, ct) ?? 0;
            var present = await doors.CountAsync(ct);
            if (present < count)
                db.AddRange(Enumerable.Range(1, count - present).Select(i => new Door
                {
                    BuildingId = buildingId, Position = last + i, Label = (last + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                }));
            else if (present > count)
            {
                // The doors of highest position go; the caller (Canvassing) refuses a count that would drop a reported door.
                var removed = await doors.OrderByDescending(d => d.Position).Take(present - count).Select(d => d.Id).ToListAsync(ct);
                await db.Set<Door>().Where(d => removed.Contains(d.Id)).ExecuteDeleteAsync(ct);
            }
            building.DoorCount = count;
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(ct);
            return building;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>The doors of a building, in order.</summary>
    public async Task<IReadOnlyList<Door>> DoorsAsync(long buildingId, CancellationToken ct) =>
        await db.Set<Door>().AsNoTracking().Where(d => d.BuildingId == buildingId).OrderBy(d => d.Position).ToListAsync(ct);
}

public sealed class BuildingNotFoundException(long id) : CoopolException("BUILDING_NOT_FOUND", $"There is no building {id}.");

public sealed class DoorCountOutOfRangeException(int count)
    : CoopolException("DOOR_COUNT_OUT_OF_RANGE", $"A building has 1 to {AddressService.MaxDoors} doors, not {count}.");
