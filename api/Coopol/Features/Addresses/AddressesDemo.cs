using Coopol.Data;
using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries.Prepared;
using Npgsql;

namespace Coopol.Features.Addresses;

/// <summary>Demo addresses for Brest, where no address file is at hand: made up inside each polling station's contour, on
/// streets named "Rue générée 12-1" so nobody takes them for real, marked <see cref="Address.Generated"/>. About one
/// address in five is a block of flats whose door count a volunteer has entered.</summary>
public static class AddressesDemo
{
    public const string Commune = "29019";

    /// <summary>Generates them once (nothing is done when generated addresses exist); returns how many were made.</summary>
    public static async Task<int> GenerateBrestAsync(CoopolDbContext db, CancellationToken ct)
    {
        if (await db.Set<Address>().AnyAsync(a => a.Generated, ct)) return 0;
        var stations = await db.Set<PollingStation>().AsNoTracking().Where(s => s.CommuneCode == Commune && s.Contour != null)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var communeName = await db.Set<Commune>().Where(c => c.Code == Commune).Select(c => c.Name).SingleAsync(ct);
        var rows = new List<AddressRow>();
        var blocks = new List<(string Key, int Doors)>();
        foreach (var station in stations)
        {
            // One seed per station: the same addresses on every machine, whatever the other stations are.
            var random = new Random(int.TryParse(station.Code, out var n) ? 2027 + n : 2027);
            var contour = PreparedGeometryFactory.Prepare(station.Contour);
            var envelope = station.Contour!.EnvelopeInternal;
            var streets = random.Next(2, 5);
            for (var street = 1; street <= streets; street++)
            {
                var name = $"Rue générée {station.Code}-{street}";
                var count = random.Next(6, 14);
                for (var number = 1; number <= count; number++)
                {
                    NetTopologySuite.Geometries.Point point;
                    var tries = 0;
                    do point = new NetTopologySuite.Geometries.Point(
                        envelope.MinX + random.NextDouble() * envelope.Width, envelope.MinY + random.NextDouble() * envelope.Height);
                    while (!contour.Contains(point) && ++tries < 200);
                    if (tries == 200) continue; // a sliver of a contour: fewer addresses there
                    var key = FormattableString.Invariant($"gen-{station.Id}-{street}-{number:00000}");
                    rows.Add(new AddressRow(key, Commune, name, number, null, Address.LabelOf(number, null, name, communeName),
                        Math.Round(point.X, 6), Math.Round(point.Y, 6)));
                    if (random.Next(5) == 0) blocks.Add((key, random.Next(4, 41)));
                }
            }
        }
        if (rows.Count == 0) return 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await AddressWriter.WriteAsync(connection, rows, generated: true, ct);
        await using (var doors = new NpgsqlCommand("""
            WITH blocks AS (
                SELECT b."Id", k.doors FROM unnest(@keys, @doors) AS k(key, doors)
                JOIN "Addresses" a ON a."Key" = k.key JOIN "Buildings" b ON b."AddressId" = a."Id"),
            counted AS (UPDATE "Buildings" b SET "DoorCount" = blocks.doors FROM blocks WHERE b."Id" = blocks."Id" RETURNING b."Id", blocks.doors)
            INSERT INTO "Doors" ("BuildingId", "Position", "Label")
            SELECT counted."Id", g, g::text FROM counted, generate_series(2, counted.doors) AS g;
            """, connection))
        {
            doors.Parameters.AddWithValue("keys", blocks.Select(b => b.Key).ToArray());
            doors.Parameters.AddWithValue("doors", blocks.Select(b => b.Doors).ToArray());
            await doors.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }
}
