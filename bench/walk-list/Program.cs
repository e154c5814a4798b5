using System.Diagnostics;
using System.Globalization;
using Coopol;
using Coopol.Data;
using Coopol.Features.Addresses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using Npgsql;

// A walk list for a turf of 5,000 addresses: the turf's addresses (spatial index), the split into shares, one share's PDF.
// 5,000 generated addresses lie in a 2 km square of Brest, 45,000 more around it (so the index has something to leave out).
// Usage: dotnet WalkListBench.dll <connection string> [iterations] [shares] [sample.pdf]
var connectionString = args[0];
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;
var shareCount = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
var samplePdf = args.Length > 3 ? args[3] : null;
const int InTurf = 5_000, Around = 45_000;
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Coopol"] = connectionString, ["Database:ApplicationName"] = "bench",
}).Build();
var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
    .AddSingleton<IConfiguration>(configuration).AddCoopolCore(configuration).BuildServiceProvider();
await services.MigrateCoopolDatabaseAsync();

var factory = new GeometryFactory(new PrecisionModel(), 4326);
// 2 km × 2 km around Brest's town hall.
const double West = -4.500, East = -4.473, South = 48.381, North = 48.399;
var turf = factory.CreatePolygon([new(West, South), new(East, South), new(East, North), new(West, North), new(West, South)]);

await using (var scope = services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<CoopolDbContext>();
    await using var transaction = await db.Database.BeginTransactionAsync();
    var connection = (NpgsqlConnection)db.Database.GetDbConnection();
    await using (var present = new NpgsqlCommand("""SELECT count(*) FROM "Addresses" WHERE "Key" LIKE 'bench-%' AND NOT "Retired" """, connection))
    {
        if ((long)(await present.ExecuteScalarAsync())! != InTurf + Around)
        {
            Console.WriteLine($"Generating {InTurf:N0} addresses in the turf and {Around:N0} around it (once)...");
            await new NpgsqlCommand("""
                INSERT INTO "Communes" ("Code", "Name", "DepartementCode", "Kind", "PostalCodes") VALUES ('29019', 'Brest', '29', 'commune-actuelle', '{29200}')
                ON CONFLICT ("Code") DO NOTHING
                """, connection).ExecuteNonQueryAsync();
            var random = new Random(2027);
            var rows = new List<AddressRow>();
            var blocks = new List<(string Key, int Doors)>();
            void Street(string prefix, int streets, int perStreet, Func<(double Lon, double Lat)> place)
            {
                for (var s = 1; s <= streets; s++)
                    for (var n = 1; n <= perStreet; n++)
                    {
                        var (lon, lat) = place();
                        var name = $"Rue générée {prefix} {s}";
                        var key = FormattableString.Invariant($"bench-{prefix}-{s}-{n:00000}");
                        rows.Add(new AddressRow(key, "29019", name, n, null, Address.LabelOf(n, null, name, "Brest"), Math.Round(lon, 6), Math.Round(lat, 6)));
                        if (random.Next(5) == 0) blocks.Add((key, random.Next(4, 41)));
                    }
            }
            Street("turf", 100, InTurf / 100, () => (West + random.NextDouble() * (East - West), South + random.NextDouble() * (North - South)));
            // Around: a 10 km square minus the turf.
            Street("around", 900, Around / 900, () =>
            {
                while (true)
                {
                    var (lon, lat) = (West - 0.05 + random.NextDouble() * 0.127, South - 0.04 + random.NextDouble() * 0.098);
                    if (lon is < West or > East || lat is < South or > North) return (lon, lat);
                }
            });
            await AddressWriter.WriteAsync(connection, rows, generated: true, CancellationToken.None);
            await using var doors = new NpgsqlCommand("""
                WITH blocks AS (
                    SELECT b."Id", k.doors FROM unnest(@keys, @doors) AS k(key, doors)
                    JOIN "Addresses" a ON a."Key" = k.key JOIN "Buildings" b ON b."AddressId" = a."Id"),
                counted AS (UPDATE "Buildings" b SET "DoorCount" = blocks.doors FROM blocks WHERE b."Id" = blocks."Id" RETURNING b."Id", blocks.doors)
                INSERT INTO "Doors" ("BuildingId", "Position", "Label") SELECT counted."Id", g, g::text FROM counted, generate_series(2, counted.doors) AS g;
                """, connection);
            doors.Parameters.AddWithValue("keys", blocks.Select(b => b.Key).ToArray());
            doors.Parameters.AddWithValue("doors", blocks.Select(b => b.Doors).ToArray());
            await doors.ExecuteNonQueryAsync();
        }
    }
    await new NpgsqlCommand("""ANALYZE "Addresses", "Buildings", "Doors" """, connection).ExecuteNonQueryAsync();
    await transaction.CommitAsync();
}

var timings = new Dictionary<string, List<double>> { ["turf"] = [], ["split"] = [], ["pdf"] = [], ["total"] = [] };
for (var i = -3; i < iterations; i++)
{
    await using var scope = services.CreateAsyncScope();
    var walkLists = scope.ServiceProvider.GetRequiredService<WalkListService>();
    var clock = Stopwatch.StartNew();
    var addresses = await walkLists.TurfAddressesAsync([], turf, CancellationToken.None);
    var afterTurf = clock.Elapsed.TotalMilliseconds;
    var shares = WalkList.Split(addresses, shareCount);
    var afterSplit = clock.Elapsed.TotalMilliseconds;
    var pdf = WalkListPdf.Render("Porte-à-porte, banc d'essai", $"Part 1 sur {shareCount}", shares[0]);
    var total = clock.Elapsed.TotalMilliseconds;
    if (addresses.Count != InTurf) throw new InvalidOperationException($"The turf holds {addresses.Count} addresses, not {InTurf}.");
    if (i == 0 && samplePdf is not null) await File.WriteAllBytesAsync(samplePdf, pdf);
    if (i < 0) continue; // warm-up: JIT, connection pool, font
    timings["turf"].Add(afterTurf);
    timings["split"].Add(afterSplit - afterTurf);
    timings["pdf"].Add(total - afterSplit);
    timings["total"].Add(total);
    if (i == 0)
        Console.WriteLine($"{addresses.Count:N0} addresses, {addresses.Sum(a => a.Doors):N0} doors, {shareCount} shares; share 1: {shares[0].Count} addresses, "
            + $"{shares[0].Sum(a => a.Doors)} doors, {WalkListPdf.PagesFor(shares[0].Sum(a => Math.Max(1, a.Buildings.Count)))} pages, {pdf.Length / 1024} KB of PDF");
}
static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
Console.WriteLine($"{iterations} runs (after 3 warm-up runs), milliseconds:");
Console.WriteLine($"{"phase",-8} {"p50",8} {"p95",8}");
foreach (var (phase, values) in timings)
    Console.WriteLine(FormattableString.Invariant($"{phase,-8} {Percentile(values, 0.50),8:F1} {Percentile(values, 0.95),8:F1}"));
