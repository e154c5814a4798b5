using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Coopol;
using Coopol.Access;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.Actions;
using Coopol.Geo;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

// "Near me" at scale: the bare query (NearbyActions.RunAsync) timed side by side with the same search through the
// service (NearbyActions.FindAsync, in process) and through GraphQL over HTTP, from the same seeded points.
// Usage: NearMe migrate
//        NearMe time --api http://127.0.0.1:PORT --member-token TOKEN [--points N] [--out DIR]
var options = Options.Parse(args);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Coopol"] = options.ConnectionString,
    ["Database:ApplicationName"] = "bench-near-me",
}).Build();
var services = new ServiceCollection()
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
    .AddSingleton<IConfiguration>(configuration)
    .AddSingleton<IInterceptor>(CommandCounter.Instance)
    .AddCoopolCore(configuration)
    .BuildServiceProvider();
if (options.Command == "migrate")
{
    // What the API does at start (Program.cs): the committed migrations, on the bench's own database.
    await services.MigrateCoopolDatabaseAsync();
    Console.WriteLine("Schema migrated.");
    return;
}

const double RadiusKm = 10;
const int First = 20;
const string Document = """
    query Near($lat: Float!, $lon: Float!) {
      nearbyActions(near: { point: { latitude: $lat, longitude: $lon } }, radiusKm: 10, first: 20) {
        place { label }
        actions { edges { node { distanceMeters action { id title startsAt approximatePoint { latitude longitude } attendance { confirmed target } } } } }
      }
    }
    """;

await using var connection = new NpgsqlConnection(configuration.CoopolConnectionString());
await connection.OpenAsync();
var points = new List<(int I, double Lon, double Lat)>();
await using (var read = new NpgsqlCommand($"SELECT i, lon, lat FROM bench.points ORDER BY i LIMIT {options.Points}", connection))
await using (var reader = await read.ExecuteReaderAsync())
    while (await reader.ReadAsync()) points.Add((reader.GetInt32(0), reader.GetDouble(1), reader.GetDouble(2)));
var memberId = (Guid)(await new NpgsqlCommand("""SELECT "Id" FROM "People" WHERE "Email" = 'member@demo.coopol.fr'""", connection).ExecuteScalarAsync())!;
var stats = await new NpgsqlCommand("""
    SELECT count(*), count(*) FILTER (WHERE "Visibility" = 'Public'), count(*) FILTER (WHERE "Visibility" = 'MembersAndSupporters'),
           count(*) FILTER (WHERE "Visibility" = 'Section'), (SELECT count(*) FROM "People"), (SELECT count(*) FROM "ActionParticipants")
    FROM "Actions" WHERE "Status" = 'Published' AND "EndsAt" > now()
    """, connection).ExecuteReaderAsync();
await stats.ReadAsync();
Console.WriteLine($"{stats.GetInt64(0):N0} upcoming published actions ({stats.GetInt64(1):N0} public, {stats.GetInt64(2):N0} members and supporters, "
    + $"{stats.GetInt64(3):N0} section), {stats.GetInt64(4):N0} people, {stats.GetInt64(5):N0} participations; {points.Count} points, radius {RadiusKm} km, first {First}.");
await stats.DisposeAsync();

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = new Uri(options.Api!) };
http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));

var callers = new[] { new Caller("anonymous", null, null), new Caller("member (signed in, Brest Centre)", memberId, options.MemberToken) };
var raw = new StringBuilder("caller\tpoint\tlon\tlat\tbare_ms\tservice_ms\tgraphql_ms\tbare_rows\tservice_hits\tgraphql_edges\tin_radius\n");
var plans = new StringBuilder();
var summary = new List<string>();
foreach (var caller in callers)
{
    // The bare query on one open connection, with the viewer's parameters read once (as FindAsync builds them).
    await using var bareScope = services.CreateAsyncScope();
    var bareDb = bareScope.ServiceProvider.GetRequiredService<CoopolDbContext>();
    var viewer = NearbyActions.Viewer.Anonymous;
    if (caller.PersonId is { } id)
    {
        var context = bareScope.ServiceProvider.GetRequiredService<CallerContext>();
        context.ActFor(id);
        viewer = NearbyActions.Viewer.Of(await context.GetRightsAsync());
    }

    async Task<int> Bare((int I, double Lon, double Lat) p) =>
        (await NearbyActions.RunAsync(bareDb, new Point(p.Lon, p.Lat) { SRID = 4326 }, RadiusKm * 1000, viewer, DateTime.UtcNow,
            null, null, null, null, First + 1, CancellationToken.None)).Count;

    // The service as a request runs it, without GraphQL and HTTP: a fresh scope, the caller's rights, the bare query,
    // the actions read by id, the caller's participations (attendance is a separate loader, not counted here).
    async Task<int> Service((int I, double Lon, double Lat) p)
    {
        await using var scope = services.CreateAsyncScope();
        if (caller.PersonId is { } person) scope.ServiceProvider.GetRequiredService<CallerContext>().ActFor(person);
        var found = await scope.ServiceProvider.GetRequiredService<NearbyActions>().FindAsync(
            new NearbyActionsQuery { Near = new NearInput { Point = new GeoPointInput { Latitude = p.Lat, Longitude = p.Lon } }, RadiusKm = RadiusKm },
            PageRequest.From(First, null, null, null, false), CancellationToken.None);
        return found.Actions.Items.Count;
    }

    async Task<int> OverHttp((int I, double Lon, double Lat) p)
    {
        var body = JsonSerializer.Serialize(new { query = Document, variables = new { lat = p.Lat, lon = p.Lon } });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (caller.Token is { } token) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _))
            throw new InvalidOperationException($"GraphQL answered {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        return json.RootElement.GetProperty("data").GetProperty("nearbyActions").GetProperty("actions").GetProperty("edges").GetArrayLength();
    }

    // Warm-up (JIT, plans, pools, caches) on the first points, untimed.
    foreach (var p in points.Take(30)) { await Bare(p); await Service(p); await OverHttp(p); }

    // Then each point through the three paths in turn, so that all three see the same moment of the machine.
    var bare = new List<double>(); var service = new List<double>(); var graphql = new List<double>();
    var efQueries = 0; var mismatches = 0; var inRadius = new List<long>();
    var rows = new List<(int I, double Bare, long InRadius)>();
    foreach (var p in points)
    {
        var t = Stopwatch.GetTimestamp();
        var bareRows = await Bare(p);
        bare.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        CommandCounter.Instance.Count = 0;
        t = Stopwatch.GetTimestamp();
        var hits = await Service(p);
        service.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        efQueries += CommandCounter.Instance.Count;
        t = Stopwatch.GetTimestamp();
        var edges = await OverHttp(p);
        graphql.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        if (edges != Math.Min(bareRows, First) || hits != edges) mismatches++;
        var matching = await InRadiusAsync(connection, p.Lon, p.Lat, viewer);
        inRadius.Add(matching);
        rows.Add((p.I, bare[^1], matching));
        raw.Append(CultureInfo.InvariantCulture, $"{caller.Name}\t{p.I}\t{p.Lon}\t{p.Lat}\t{bare[^1]:F3}\t{service[^1]:F3}\t{graphql[^1]:F3}\t{bareRows}\t{hits}\t{edges}\t{matching}\n");
    }

    var b = Timing.Of(bare); var s = Timing.Of(service); var g = Timing.Of(graphql);
    inRadius.Sort();
    summary.Add($"""
        == {caller.Name}: {points.Count} searches, radius {RadiusKm} km, first {First}
          visible actions within the radius: median {inRadius[inRadius.Count / 2]:N0}, p95 {inRadius[(int)Math.Ceiling(inRadius.Count * 0.95) - 1]:N0}, max {inRadius[^1]:N0}; pages full (20+): {inRadius.Count(n => n > First)}, empty: {inRadius.Count(n => n == 0)}
          {"",-44} {"p50",8} {"p95",8} {"mean",8}
          {"bare query (NearbyActions.RunAsync, limit 21)",-44} {b.P50,5:F2} ms {b.P95,5:F2} ms {b.Mean,5:F2} ms
          {"service (FindAsync in process, no HTTP)",-44} {s.P50,5:F2} ms {s.P95,5:F2} ms {s.Mean,5:F2} ms   ({efQueries / (double)points.Count:F1} EF queries each + the bare one)
          {"GraphQL over HTTP (loopback)",-44} {g.P50,5:F2} ms {g.P95,5:F2} ms {g.Mean,5:F2} ms
          GraphQL / bare: p50 {g.P50 / b.P50:F1}x, p95 {g.P95 / b.P95:F1}x (target within 2x); service / bare: p50 {s.P50 / b.P50:F1}x, p95 {s.P95 / b.P95:F1}x
          result counts differing between the paths: {mismatches}
        """);

    // Plans of the bare query: at the slowest point and at the median one.
    rows.Sort((x, y) => x.Bare.CompareTo(y.Bare));
    foreach (var (label, pick) in new[] { ("median", rows[rows.Count / 2]), ("slowest", rows[^1]) })
    {
        var p = points.First(q => q.I == pick.I);
        plans.AppendLine($"=== {caller.Name}, {label} bare time ({pick.Bare:F2} ms when timed), {pick.InRadius:N0} visible actions in the radius")
            .AppendLine(await ExplainAsync(connection, p.Lon, p.Lat, viewer)).AppendLine();
    }
}
foreach (var line in summary) Console.WriteLine(line);
Directory.CreateDirectory(options.Out);
await File.WriteAllTextAsync(Path.Combine(options.Out, "timings.tsv"), raw.ToString());
await File.WriteAllTextAsync(Path.Combine(options.Out, "plans.txt"), plans.ToString());
Console.WriteLine($"Per-search times: {Path.Combine(options.Out, "timings.tsv")}; plans of the bare query: {Path.Combine(options.Out, "plans.txt")}");

// The bare query's command with RunAsync's parameters (no kinds, dates or cursor), for counting and explaining.
static NpgsqlCommand BareCommand(NpgsqlConnection connection, string sql, double lon, double lat, NearbyActions.Viewer viewer, int limit)
{
    var command = new NpgsqlCommand(sql, connection);
    command.Parameters.Add(new NpgsqlParameter("lon", lon));
    command.Parameters.Add(new NpgsqlParameter("lat", lat));
    command.Parameters.Add(new NpgsqlParameter("radius", RadiusKm * 1000));
    command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = DateTime.UtcNow });
    command.Parameters.Add(new NpgsqlParameter("isPerson", viewer.IsPerson));
    command.Parameters.Add(new NpgsqlParameter("mySection", NpgsqlDbType.Uuid) { Value = (object?)viewer.SectionId ?? DBNull.Value });
    command.Parameters.Add(new NpgsqlParameter("managesAll", viewer.ManagesAll));
    command.Parameters.Add(new NpgsqlParameter("federations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = viewer.Federations });
    command.Parameters.Add(new NpgsqlParameter("sections", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = viewer.Sections });
    command.Parameters.Add(new NpgsqlParameter("limit", limit));
    return command;
}

static async Task<long> InRadiusAsync(NpgsqlConnection connection, double lon, double lat, NearbyActions.Viewer viewer)
{
    var sql = $"SELECT count(*) FROM ({NearbyActions.Sql(false, false, false, false).Replace("LIMIT @limit", "")}) counted";
    await using var command = BareCommand(connection, sql, lon, lat, viewer, 0);
    return (long)(await command.ExecuteScalarAsync())!;
}

static async Task<string> ExplainAsync(NpgsqlConnection connection, double lon, double lat, NearbyActions.Viewer viewer)
{
    await using var command = BareCommand(connection, "EXPLAIN (ANALYZE, BUFFERS) " + NearbyActions.Sql(false, false, false, false), lon, lat, viewer, First + 1);
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
    return $"point ({lon}, {lat})\n" + string.Join('\n', lines);
}

internal sealed record Caller(string Name, Guid? PersonId, string? Token);

internal sealed record Timing(double P50, double P95, double Mean)
{
    /// <summary>Nearest-rank percentiles.</summary>
    public static Timing Of(List<double> times)
    {
        var sorted = times.Order().ToList();
        double At(double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return new Timing(At(0.50), At(0.95), sorted.Average());
    }
}

/// <summary>Counts the commands EF sends (the service path's queries besides the bare one, which is not EF's).</summary>
internal sealed class CommandCounter : DbCommandInterceptor
{
    public static readonly CommandCounter Instance = new();
    public int Count { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}

internal sealed record Options(string Command, string ConnectionString, string? Api, string? MemberToken, int Points, string Out)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var port = Environment.GetEnvironmentVariable("COOPOL_DB_PORT") ?? "55432";
        var command = args.FirstOrDefault() ?? "time";
        var options = new Options(command,
            Environment.GetEnvironmentVariable("COOPOL_BENCH_CONNECTION") ?? $"Host=127.0.0.1;Port={port};Database=coopol_bench_near;Username=coopol",
            Value("--api"), Value("--member-token"), int.Parse(Value("--points") ?? "300", CultureInfo.InvariantCulture), Value("--out") ?? "results");
        if (command == "time" && (options.Api is null || options.MemberToken is null))
            throw new ArgumentException("time needs --api URL and --member-token TOKEN.");
        return options;
    }
}
