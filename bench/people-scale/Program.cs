using System.Data.Common;
using System.Diagnostics;
using System.Reflection;
using Coopol;
using Coopol.Access;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// People at scale: the scoped path's pages and searches, timed side by side with the bare SQL each should be.
// Usage: dotnet run -c Release -- [--people N] [--iterations K] [--regenerate] [--plans FILE]
var options = Options.Parse(args);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Coopol"] = options.ConnectionString,
    ["Database:ApplicationName"] = "bench",
}).Build();
var services = new ServiceCollection()
    .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
    .AddSingleton<IConfiguration>(configuration)
    .AddSingleton<IInterceptor>(CapturedSql.Instance)
    .AddCoopolCore(configuration)
    .BuildServiceProvider();
await services.MigrateCoopolDatabaseAsync();
await using var connection = new NpgsqlConnection(options.ConnectionString);
await connection.OpenAsync();

var count = (long)(await new NpgsqlCommand("""SELECT count(*) FROM "People" """, connection).ExecuteScalarAsync())!;
if (options.Regenerate || count < options.People)
{
    Console.WriteLine($"Generating {options.People:N0} people (once; --regenerate to redo)...");
    var started = Stopwatch.StartNew();
    using var reader = new StreamReader(Assembly.GetExecutingAssembly().GetManifestResourceStream("generate.sql")!);
    foreach (var part in (await reader.ReadToEndAsync()).Replace(":people", options.People.ToString()).Split("-- split"))
        await new NpgsqlCommand(part, connection) { CommandTimeout = 1800 }.ExecuteNonQueryAsync();
    Console.WriteLine($"Generated in {started.Elapsed.TotalSeconds:F0} s.");
}

async Task<Guid> Scalar(string sql) => (Guid)(await new NpgsqlCommand(sql, connection).ExecuteScalarAsync())!;
var secretary = await Scalar("""SELECT "Id" FROM "People" WHERE "Email" = 'brest-centre@demo.coopol.fr'""");
var federationSecretary = await Scalar("""SELECT "Id" FROM "People" WHERE "Email" = 'fed29@demo.coopol.fr'""");
var national = await Scalar("""SELECT "Id" FROM "People" WHERE "Email" = 'national@demo.coopol.fr'""");
var brest = await Scalar("""SELECT "Id" FROM "Sections" WHERE "Name" = 'Brest Centre'""");
Console.WriteLine($"{(long)(await new NpgsqlCommand("""SELECT count(*) FROM "People" """, connection).ExecuteScalarAsync())!:N0} people; "
    + $"Brest Centre {(long)(await new NpgsqlCommand($"""SELECT count(*) FROM "People" WHERE "SectionId" = '{brest}'""", connection).ExecuteScalarAsync())!:N0}; "
    + $"federation 29 {(long)(await new NpgsqlCommand("""SELECT count(*) FROM "People" p JOIN "Sections" s ON s."Id" = p."SectionId" WHERE s."FederationCode" = '29'""", connection).ExecuteScalarAsync())!:N0}.");

// The columns the API reads (every column of a person), so both sides carry the same rows.
const string Columns = "*";
const string ByName = """ ORDER BY "LastName", "FirstName", "Id" LIMIT 26""";

// The national team's cursor for page 200 (rows 4,976-5,000), taken from the API's own cursor format.
var page200Cursor = await CursorAtAsync(services, national, 199 * 25);

var scenarios = new List<Scenario>
{
    new("secretary's page (20,000-person section)", secretary, new PersonFilter(), PageRequest.Default,
        $"""SELECT {Columns} FROM "People" WHERE "SectionId" = '{brest}' {ByName}"""),
    new("federation's page (90,000 people)", federationSecretary, new PersonFilter(), PageRequest.Default,
        $"""SELECT {Columns} FROM "People" WHERE "SectionId" IN (SELECT "Id" FROM "Sections" WHERE "FederationCode" = '29') {ByName}"""),
    new("national page (1,000,000 people)", national, new PersonFilter(), PageRequest.Default,
        $"""SELECT {Columns} FROM "People" {ByName}"""),
    new("page 200, national", national, new PersonFilter(), PageRequest.Default with { After = page200Cursor },
        $"""SELECT {Columns} FROM "People" {ByName.Replace("LIMIT 26", "OFFSET 4975 LIMIT 26")}"""),
    new("name search 'dupont', national", national, new PersonFilter { Search = "dupont" }, PageRequest.Default,
        $"""SELECT {Columns} FROM (SELECT * FROM "People" WHERE "SearchText" LIKE '%dupont%' OFFSET 0) p {ByName}"""),
    new("accented search 'hélène le hénaff', national", national, new PersonFilter { Search = "hélène le hénaff" }, PageRequest.Default,
        $"""SELECT {Columns} FROM (SELECT * FROM "People" WHERE "SearchText" LIKE '%helene%' AND "SearchText" LIKE '%henaff%' OFFSET 0) p WHERE "SearchText" LIKE '%le%' {ByName}"""),
    new("prefix search 'mar' (worst case), national", national, new PersonFilter { Search = "mar" }, PageRequest.Default,
        $"""SELECT {Columns} FROM (SELECT * FROM "People" WHERE "SearchText" LIKE '%mar%' OFFSET 0) p {ByName}"""),
    new("name search 'kerjean', secretary", secretary, new PersonFilter { Search = "kerjean" }, PageRequest.Default,
        $"""SELECT {Columns} FROM (SELECT * FROM "People" WHERE "SearchText" LIKE '%kerjean%' OFFSET 0) p WHERE "SectionId" = '{brest}' {ByName}"""),
};

var plans = new System.Text.StringBuilder();
Console.WriteLine();
Console.WriteLine($"{"scenario",-46} {"scoped path p50",16} {"p95",8} {"its SQL p50",12} {"bare SQL p50",13} {"path/bare",10} {"rows",5}");
foreach (var s in scenarios)
{
    // The scoped path: a fresh scope acting as the officer (their rights read, reach turned into section ids), as a request does.
    async Task<int> Api()
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().ActFor(s.Caller);
        var page = await scope.ServiceProvider.GetRequiredService<PersonService>().SearchAsync(s.Filter, PersonSort.NameAsc, s.Page, CancellationToken.None);
        return page.Items.Count;
    }
    CapturedSql.Instance.Last = null;
    var rows = await Api();
    var pageSql = CapturedSql.Instance.Last ?? throw new InvalidOperationException($"No page query captured for {s.Name}.");
    var api = await TimeAsync(options.Iterations, Api);
    var scoped = await TimeAsync(options.Iterations, () => RunAsync(connection, pageSql));
    var bare = await TimeAsync(options.Iterations, () => RunAsync(connection, Command(connection, s.BareSql)));
    Console.WriteLine($"{s.Name,-46} {api.P50,13:F2} ms {api.P95,5:F2} ms {scoped.P50,9:F2} ms {bare.P50,10:F2} ms {api.P50 / bare.P50,9:F1}× {rows,5}");
    plans.AppendLine($"=== {s.Name}: the scoped path's SQL").AppendLine(await ExplainAsync(connection, pageSql))
        .AppendLine($"=== {s.Name}: bare SQL").AppendLine(await ExplainAsync(connection, Command(connection, s.BareSql)));
}
// What every request pays before any page: a scope, the caller's person and grants (the secretary's).
var identify = await TimeAsync(options.Iterations, async () =>
{
    await using var scope = services.CreateAsyncScope();
    var caller = scope.ServiceProvider.GetRequiredService<CallerContext>();
    caller.ActFor(secretary);
    return (await caller.GetRightsAsync()).Grants.Count;
});
Console.WriteLine($"{"caller identification alone (secretary)",-46} {identify.P50,13:F2} ms {identify.P95,5:F2} ms");

if (options.PlansFile is { } file)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
    await File.WriteAllTextAsync(file, plans.ToString());
    Console.WriteLine($"\nPlans (EXPLAIN ANALYZE, BUFFERS): {file}");
}

static async Task<string> CursorAtAsync(IServiceProvider services, Guid caller, int skip)
{
    // Walks the pages through the API once, as a client would.
    string? after = null;
    for (var read = 0; read < skip; read += 100)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CallerContext>().ActFor(caller);
        var page = await scope.ServiceProvider.GetRequiredService<PersonService>().SearchAsync(null, PersonSort.NameAsc,
            PageRequest.From(Math.Min(100, skip - read), after, null, null, false), CancellationToken.None);
        after = page.CursorOf(page.Items[^1]);
    }
    return after!;
}

static NpgsqlCommand Command(NpgsqlConnection connection, string sql) => new(sql, connection);

static async Task<int> RunAsync(NpgsqlConnection connection, DbCommand captured)
{
    var command = Clone(connection, captured);
    await using var reader = await command.ExecuteReaderAsync();
    var n = 0;
    while (await reader.ReadAsync()) n++;
    return n;
}

static NpgsqlCommand Clone(NpgsqlConnection connection, DbCommand source)
{
    var command = new NpgsqlCommand(source.CommandText, connection);
    foreach (NpgsqlParameter p in source.Parameters) command.Parameters.Add(p.Clone());
    return command;
}

static async Task<string> ExplainAsync(NpgsqlConnection connection, DbCommand source)
{
    var command = Clone(connection, source);
    command.CommandText = "EXPLAIN (ANALYZE, BUFFERS) " + command.CommandText;
    await using var reader = await command.ExecuteReaderAsync();
    var lines = new List<string>();
    while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
    return string.Join('\n', lines);
}

static async Task<Timing> TimeAsync(int iterations, Func<Task<int>> action)
{
    for (var i = 0; i < Math.Max(5, iterations / 10); i++) await action();
    var times = new List<double>(iterations);
    for (var i = 0; i < iterations; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    times.Sort();
    return new Timing(times[times.Count / 2], times[(int)(times.Count * 0.95)]);
}

internal sealed record Scenario(string Name, Guid Caller, PersonFilter Filter, PageRequest Page, string BareSql);

internal sealed record Timing(double P50, double P95);

/// <summary>Keeps the last page query EF sent (the one the scoped path built), to run and explain it on its own.</summary>
internal sealed class CapturedSql : DbCommandInterceptor
{
    public static readonly CapturedSql Instance = new();
    public DbCommand? Last { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("FROM \"People\"", StringComparison.Ordinal) && command.CommandText.Contains("LIMIT", StringComparison.Ordinal))
            Last = Clone(command);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    private static DbCommand Clone(DbCommand source)
    {
        var copy = new NpgsqlCommand(source.CommandText);
        foreach (NpgsqlParameter p in source.Parameters) copy.Parameters.Add(p.Clone());
        return copy;
    }
}

internal sealed record Options(string ConnectionString, int People, int Iterations, bool Regenerate, string? PlansFile)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var port = Environment.GetEnvironmentVariable("COOPOL_DB_PORT") ?? "55432";
        return new Options(
            Environment.GetEnvironmentVariable("COOPOL_BENCH_CONNECTION") ?? $"Host=127.0.0.1;Port={port};Database=coopol_bench;Username=coopol",
            int.Parse(Value("--people") ?? "1000000"), int.Parse(Value("--iterations") ?? "200"), args.Contains("--regenerate"), Value("--plans"));
    }
}
