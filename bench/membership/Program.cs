using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coopol;
using Coopol.Access;
using Coopol.Common.Imports;
using Coopol.Data;
using Coopol.Features.Membership;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// Membership file import at scale (see README.md): a federation's file of 100,000 members, dry run and apply by
// MembershipImporter.RunAsync (what `scripts/coopol import members` and MembershipImportJob run), then the same file
// again, then a file where 1% of the rows changed. One phase per process, so that each phase's peak memory is its own.
// Usage: MembershipBench migrate
//        MembershipBench setup --sections 40 --rows 100000 --file F --changed-file G [--out DIR]
//        MembershipBench import --name N --file F [--dry-run] [--scope 29|FR] [--expect "K=V,..."] [--expect-db "K=V,..."] [--out DIR]
//        MembershipBench profile --file F [--scope 29] [--out DIR]   (after an apply: the steps of a re-import, timed one by one)
//        MembershipBench report [--out DIR]
var options = Options.Parse(args);
switch (options.Command)
{
    case "migrate":
    {
        // What the API and the jobs host do at start (MigrateCoopolDatabaseAsync): the committed migrations.
        using var host = Bench.BuildHost(options);
        await host.Services.MigrateCoopolDatabaseAsync();
        Console.WriteLine("Schema migrated.");
        break;
    }
    case "setup":
        await Bench.SetupAsync(options);
        break;
    case "import":
        Environment.ExitCode = await Bench.ImportAsync(options);
        break;
    case "profile":
        await Profile.RunAsync(options);
        break;
    case "report":
        Report.Write(options.Out);
        break;
    default:
        throw new ArgumentException($"Unknown command {options.Command}.");
}

internal static class Bench
{
    public const string Federation = "29";

    /// <summary>Forty communes of Finistère and their postal codes: a section each, named after its commune (accents and
    /// apostrophes included, so the Latin-1 file and the section names' matching are exercised).</summary>
    public static readonly MembershipFileGenerator.FileSection[] Sections =
    [
        new("Brest", "29200", "Brest"), new("Quimper", "29000", "Quimper"), new("Morlaix", "29600", "Morlaix"),
        new("Concarneau", "29900", "Concarneau"), new("Landerneau", "29800", "Landerneau"), new("Quimperlé", "29300", "Quimperlé"),
        new("Douarnenez", "29100", "Douarnenez"), new("Landivisiau", "29400", "Landivisiau"), new("Carhaix-Plouguer", "29270", "Carhaix-Plouguer"),
        new("Châteaulin", "29150", "Châteaulin"), new("Pont-l'Abbé", "29120", "Pont-l'Abbé"), new("Crozon", "29160", "Crozon"),
        new("Plougastel-Daoulas", "29470", "Plougastel-Daoulas"), new("Guipavas", "29490", "Guipavas"), new("Le Relecq-Kerhuon", "29480", "Le Relecq-Kerhuon"),
        new("Plouzané", "29280", "Plouzané"), new("Saint-Renan", "29290", "Saint-Renan"), new("Lesneven", "29260", "Lesneven"),
        new("Landéda", "29870", "Landéda"), new("Roscoff", "29680", "Roscoff"), new("Saint-Pol-de-Léon", "29250", "Saint-Pol-de-Léon"),
        new("Plouescat", "29430", "Plouescat"), new("Brasparts", "29190", "Brasparts"), new("Huelgoat", "29690", "Huelgoat"),
        new("Pont-Aven", "29930", "Pont-Aven"), new("Bannalec", "29380", "Bannalec"), new("Rosporden", "29140", "Rosporden"),
        new("Fouesnant", "29170", "Fouesnant"), new("Bénodet", "29950", "Bénodet"), new("Ergué-Gabéric", "29500", "Ergué-Gabéric"),
        new("Briec", "29510", "Briec"), new("Plonéour-Lanvern", "29720", "Plonéour-Lanvern"), new("Audierne", "29770", "Audierne"),
        new("Pont-Croix", "29790", "Pont-Croix"), new("Ploudalmézeau", "29830", "Ploudalmézeau"), new("Le Conquet", "29217", "Le Conquet"),
        new("Plabennec", "29860", "Plabennec"), new("Gouesnou", "29850", "Gouesnou"), new("Châteauneuf-du-Faou", "29520", "Châteauneuf-du-Faou"),
        new("Scaër", "29390", "Scaër"),
    ];

    public static IHost BuildHost(Options options)
    {
        // As jobs/Coopol.Jobs/Program.cs builds its services (MembershipImportJob runs there; the CLI's WebApplication
        // adds only the web's services to the same core), without a Hangfire server, with this bench's database.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coopol"] = options.ConnectionString,
            ["Database:ApplicationName"] = "bench-membership",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Services.AddCoopolCore(builder.Configuration);
        builder.Services.AddCoopolJobs(builder.Configuration, runServer: false);
        return builder.Build();
    }

    /// <summary>The sections of the file in federation 29, then the file, then its copy with 1% of the rows changed.</summary>
    public static async Task SetupAsync(Options options)
    {
        using var host = BuildHost(options);
        var sections = Sections.Take(options.Sections).ToList();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CoopolDbContext>();
            if (!await db.Federations.AnyAsync(f => f.Code == Federation)) throw new InvalidOperationException("The migrations did not seed federation 29.");
            var existing = await db.Sections.Where(s => s.FederationCode == Federation).Select(s => s.Name).ToListAsync();
            foreach (var s in sections.Where(s => !existing.Contains(s.Name)))
                db.Sections.Add(new Section { FederationCode = Federation, Name = s.Name, SeatAddress = $"Mairie, {s.PostalCode} {s.City}", CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
            Console.WriteLine($"{await db.Sections.CountAsync(s => s.FederationCode == Federation)} sections in federation {Federation} ({sections.Count} named by the file).");
        }

        var watch = Stopwatch.StartNew();
        var members = MembershipFileGenerator.Write(options.File!, sections, options.Rows, seed: 29, latin1: true, numberOffset: 100_000);
        var generateSeconds = watch.Elapsed.TotalSeconds;
        var bytes = new FileInfo(options.File!).Length;
        Console.WriteLine($"{members.Count:N0} members written to the file in {generateSeconds:F2} s ({bytes / 1048576.0:F1} MB, Windows-1252, ';', CRLF); "
            + $"{members.Count(m => m.Email is null):N0} without an email, {members.Count(m => m.Function is not null):N0} with a function");

        // 1% of the rows changed: every hundredth data line gets another commune (the member moved). The commune is the
        // 7th field from the end; only the address (3rd before it) may hold a quoted ';', so counting from the end is safe.
        var changed = 0;
        if (options.ChangedFile is { } changedPath)
        {
            var lines = File.ReadAllLines(options.File!, CsvTable.Windows1252);
            for (var i = 1; i < lines.Length; i++)
            {
                if ((i - 1) % 100 != 50) continue;
                var fields = lines[i].Split(';');
                var city = fields[^7];
                var other = Sections[(Array.FindIndex(Sections, s => s.City == city) + 1) % Sections.Length].City;
                fields[^7] = other;
                lines[i] = string.Join(';', fields);
                changed++;
            }
            await using (var writer = new StreamWriter(changedPath, false, CsvTable.Windows1252) { NewLine = "\r\n" })
                foreach (var line in lines) writer.WriteLine(line);
            Console.WriteLine($"{changed:N0} lines of {lines.Length - 1:N0} given another commune in {Path.GetFileName(changedPath)}");
        }
        Directory.CreateDirectory(options.Out);
        await File.WriteAllTextAsync(Path.Combine(options.Out, "setup.json"), JsonSerializer.Serialize(new SetupResult(
            sections.Count, members.Count, bytes, generateSeconds, changed, members.Count(m => m.Email is null), members.Count(m => m.Function is not null)), Report.Json));
    }

    public static async Task<int> ImportAsync(Options options)
    {
        var ct = CancellationToken.None;
        using var host = BuildHost(options);
        var services = host.Services;
        var scopeNode = options.Scope == "FR" ? TreeNode.National : TreeNode.Federation(options.Scope);

        // Untimed: the EF model and the connection pool, which a running jobs host has warm.
        await using (var warm = services.CreateAsyncScope())
            await warm.ServiceProvider.GetRequiredService<CoopolDbContext>().Sections.CountAsync(ct);

        var probeConnection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { ApplicationName = "bench-membership-probe" }.ConnectionString;
        await using var probe = new NpgsqlConnection(probeConnection);
        await probe.OpenAsync(ct);
        var before = await DbState.ReadAsync(probe);
        Console.WriteLine($"-- {options.Name}: {(options.DryRun ? "dry run" : "apply")} of {Path.GetFileName(options.File)} in scope {MembershipImporter.ScopeCode(scopeNode)}; "
            + $"before: {before.People.Count:N0} people, {before.Memberships.Count:N0} memberships, {before.ConsentRecords:N0} consent records, {before.ImportGrants:N0} roles granted by imports");

        using var timeline = new Timeline();
        using var memory = new MemorySampler();
        var progress = new List<(double Seconds, long Done, long Total)>();
        var gc0 = GcStats.Now();
        var cpu0 = Cpu.Now();
        MembershipImport report;
        double seconds;
        await using (var scope = services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<MembershipImporter>();
            var path = Path.GetFullPath(options.File!);
            timeline.Start();
            memory.Running = true;
            var watch = Stopwatch.StartNew();
            // As MembershipCommand calls it: no mapping (suggested from the header, or the scope's saved one), no rights
            // (the command line may grant every role), no beforeCommit.
            report = await importer.RunAsync(
                new MembershipImportRequest(scopeNode, path, Path.GetFileName(path), null, options.DryRun, false, null, null, null, null, null),
                (done, total) => progress.Add((watch.Elapsed.TotalSeconds, done, total)), null, ct);
            seconds = watch.Elapsed.TotalSeconds;
            memory.Running = false;
            timeline.Stop();
        }
        var cpu = Cpu.Now() - cpu0;
        var gc = GcStats.Now() - gc0;
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;
        var after = await DbState.ReadAsync(probe);

        var c = report.Counts;
        var values = new Dictionary<string, string>
        {
            ["Status"] = report.Status.ToString(), ["Rows"] = Str(report.Rows), ["ProblemCount"] = Str(report.ProblemCount),
            ["NewMembers"] = Str(c.NewMembers), ["BecomeMembers"] = Str(c.BecomeMembers), ["Updated"] = Str(c.Updated), ["MoveSection"] = Str(c.MoveSection),
            ["Unchanged"] = Str(c.Unchanged), ["BecomeFormerMembers"] = Str(c.BecomeFormerMembers), ["RolesGranted"] = Str(c.RolesGranted),
            ["RolesWithdrawn"] = Str(c.RolesWithdrawn), ["RolesNotGranted"] = Str(c.RolesNotGranted), ["ConsentsRecorded"] = Str(c.ConsentsRecorded),
            ["SkippedRows"] = Str(c.SkippedRows),
        };
        var db = DbState.Compare(before, after);
        var problems = new List<string>();
        foreach (var (key, expected) in options.Expect)
            if (values.GetValueOrDefault(key) != expected) problems.Add($"{key} {values.GetValueOrDefault(key) ?? "?"}, expected {expected}");
        foreach (var (key, expected) in options.ExpectDb)
            if (db.GetValueOrDefault(key, -1).ToString(CultureInfo.InvariantCulture) != expected) problems.Add($"database {key} {db.GetValueOrDefault(key, -1)}, expected {expected}");
        // Whatever the phase: a dry run changes nothing but adds its report; an apply writes what its report counts.
        if (db["Reports"] != 1) problems.Add($"{db["Reports"]} reports saved");
        if (report.Status == MembershipImportStatus.DryRun
            && (db["PeopleNew"] != 0 || db["PeopleUpdated"] != 0 || db["MembershipsNew"] != 0 || db["MembershipsChanged"] != 0 || db["ConsentRecordsNew"] != 0 || db["ImportGrantsNew"] != 0))
            problems.Add("the dry run changed the database");
        if (report.Status == MembershipImportStatus.Applied)
        {
            if (db["PeopleNew"] != c.NewMembers) problems.Add($"{db["PeopleNew"]} people added for {c.NewMembers} new members");
            if (db["ConsentRecordsNew"] != c.ConsentsRecorded) problems.Add($"{db["ConsentRecordsNew"]} consent records added for {c.ConsentsRecorded} recorded");
            if (db["ImportGrantsNew"] != c.RolesGranted - c.RolesWithdrawn) problems.Add($"{db["ImportGrantsNew"]} grants added for {c.RolesGranted} granted and {c.RolesWithdrawn} withdrawn");
            if (db["PeopleUpdated"] > c.Updated + c.BecomeMembers + c.MoveSection + c.BecomeFormerMembers)
                problems.Add($"{db["PeopleUpdated"]} people's UpdatedAt changed for {c.Updated} updated");
        }

        var result = new PhaseResult
        {
            Name = options.Name, File = Path.GetFileName(options.File!), FileBytes = report.FileBytes, DryRun = options.DryRun, Scope = report.Scope,
            Encoding = report.Encoding, Seconds = seconds, ReportSeconds = ((report.FinishedAt ?? report.StartedAt) - report.StartedAt).TotalSeconds,
            Report = values, FirstProblems = report.Problems.Take(20).Select(p => $"line {p.Line}, column {p.Column}: {p.Code}: {p.Message}").ToList(),
            Database = db, PeakWorkingSetMb = memory.Peak / 1048576.0, ProcessPeakWorkingSetMb = peakWorkingSet / 1048576.0,
            CpuProcess = cpu.Process, CpuPostgres = cpu.Postgres, Gc = gc,
            Segments = Segments.Of(timeline.Entries, progress, seconds, options.DryRun), Statements = timeline.Summary(),
            Problems = problems, LoadAverage = File.ReadAllText("/proc/loadavg").Split(' ')[..3],
        };
        Directory.CreateDirectory(options.Out);
        await File.WriteAllTextAsync(Path.Combine(options.Out, $"phase-{options.Name}.json"), JsonSerializer.Serialize(result, Report.Json));
        await File.WriteAllTextAsync(Path.Combine(options.Out, $"timeline-{options.Name}.tsv"), timeline.Tsv());
        Console.WriteLine(result.Describe());
        return problems.Count == 0 ? 0 : 1;
    }

    private static string Str(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What the import may change, read before and after a phase from a connection of its own.</summary>
internal sealed class DbState
{
    public Dictionary<Guid, DateTime> People { get; } = [];
    public Dictionary<Guid, string> Memberships { get; } = [];
    public long ConsentRecords { get; set; }
    public long ImportGrants { get; set; }
    public long Imports { get; set; }

    public static async Task<DbState> ReadAsync(NpgsqlConnection connection)
    {
        var state = new DbState();
        await using (var command = new NpgsqlCommand("""/* bench-probe */ SELECT "Id", "UpdatedAt" FROM "People" """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) state.People[reader.GetGuid(0)] = reader.GetDateTime(1);
        await using (var command = new NpgsqlCommand("""/* bench-probe */ SELECT "PersonId", md5(m::text) FROM "Memberships" m""", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) state.Memberships[reader.GetGuid(0)] = reader.GetString(1);
        await using (var command = new NpgsqlCommand("""
            /* bench-probe */ SELECT (SELECT count(*) FROM "ConsentRecords"), (SELECT count(*) FROM "RoleGrants" WHERE "ImportId" IS NOT NULL AND "RevokedAt" IS NULL),
                                     (SELECT count(*) FROM "MembershipImports")
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            state.ConsentRecords = reader.GetInt64(0);
            state.ImportGrants = reader.GetInt64(1);
            state.Imports = reader.GetInt64(2);
        }
        return state;
    }

    public static Dictionary<string, long> Compare(DbState before, DbState after) => new()
    {
        ["People"] = after.People.Count,
        ["PeopleNew"] = after.People.Keys.Count(id => !before.People.ContainsKey(id)),
        ["PeopleUpdated"] = after.People.Count(p => before.People.TryGetValue(p.Key, out var at) && at != p.Value),
        ["Memberships"] = after.Memberships.Count,
        ["MembershipsNew"] = after.Memberships.Keys.Count(id => !before.Memberships.ContainsKey(id)),
        ["MembershipsChanged"] = after.Memberships.Count(m => before.Memberships.TryGetValue(m.Key, out var h) && h != m.Value),
        ["ConsentRecords"] = after.ConsentRecords,
        ["ConsentRecordsNew"] = after.ConsentRecords - before.ConsentRecords,
        ["ImportGrants"] = after.ImportGrants,
        ["ImportGrantsNew"] = after.ImportGrants - before.ImportGrants,
        ["Reports"] = after.Imports - before.Imports,
    };
}

/// <summary>Every database command of the run (Npgsql's own activities: EF's queries, the COPYs and the raw SQL alike),
/// with when it started and how long it took, from sending it to closing its reader.</summary>
internal sealed class Timeline : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<TimelineEntry> _entries = new();
    private DateTime _start;
    private volatile bool _running;

    public Timeline()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (!_running) return;
                var sql = Regex.Replace(a.GetTagItem("db.query.text") as string ?? a.DisplayName, @"\s+", " ").Trim();
                if (sql.Contains("/* bench-probe */", StringComparison.Ordinal)) return;
                _entries.Enqueue(new TimelineEntry((a.StartTimeUtc - _start).TotalSeconds, a.Duration.TotalSeconds, Label(sql), sql));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Start()
    {
        _start = DateTime.UtcNow;
        _running = true;
    }

    public void Stop() => _running = false;

    public List<TimelineEntry> Entries => _entries.OrderBy(e => e.At).ToList();

    public List<StatementTime> Summary() => Entries.GroupBy(e => e.Label)
        .Select(g => new StatementTime(g.Key, g.Count(), g.Sum(e => e.Seconds), g.Min(e => e.At)))
        .OrderBy(s => s.FirstAt).ToList();

    public string Tsv()
    {
        var text = new StringBuilder("at_s\tseconds\tlabel\tsql\n");
        foreach (var e in Entries)
            text.Append(CultureInfo.InvariantCulture, $"{e.At:F3}\t{e.Seconds:F3}\t{e.Label}\t{(e.Sql.Length > 400 ? e.Sql[..400] + "…" : e.Sql)}\n");
        return text.ToString();
    }

    /// <summary>What a statement of the importer is, as MembershipImporter issues them.</summary>
    public static string Label(string s)
    {
        if (s.Contains("pg_advisory_xact_lock", StringComparison.Ordinal)) return "advisory lock";
        if (s.Contains("FROM \"MembershipMappings\"", StringComparison.Ordinal)) return "saved mapping";
        if (s.StartsWith("INSERT INTO \"MembershipMappings\"", StringComparison.Ordinal) || s.StartsWith("UPDATE \"MembershipMappings\"", StringComparison.Ordinal)) return "write: mapping saved";
        if (s.Contains("FROM \"Sections\"", StringComparison.Ordinal) && s.StartsWith("SELECT", StringComparison.Ordinal) && !s.Contains("\"People\"", StringComparison.Ordinal)) return "state: sections";
        if (s.Contains("DISTINCT ON (\"PersonId\", \"Purpose\", \"Channel\")", StringComparison.Ordinal)) return "state: latest consents";
        if (s.Contains("FROM \"RoleGrants\"", StringComparison.Ordinal) && s.StartsWith("SELECT", StringComparison.Ordinal)) return "state: secretaries' grants";
        if (s.StartsWith("SELECT", StringComparison.Ordinal) && s.Contains("FROM \"Memberships\"", StringComparison.Ordinal) && !s.Contains("LEFT JOIN", StringComparison.Ordinal)) return "state: numbers elsewhere";
        if (s.StartsWith("SELECT", StringComparison.Ordinal) && s.Contains("LEFT JOIN \"Memberships\"", StringComparison.Ordinal)) return "state: people of the scope";
        if (s.StartsWith("SELECT", StringComparison.Ordinal) && s.Contains("FROM \"People\"", StringComparison.Ordinal) && s.Contains("\"Email\"", StringComparison.Ordinal)) return "state: emails elsewhere";
        if (s.StartsWith("COPY \"People\"", StringComparison.Ordinal)) return "write: COPY People (new)";
        if (s.Contains("CREATE TEMP TABLE membership_people", StringComparison.Ordinal)) return "write: temp table people";
        if (s.StartsWith("COPY membership_people", StringComparison.Ordinal)) return "write: COPY updated people";
        if (s.StartsWith("UPDATE \"People\" p SET \"Kind\" = t.", StringComparison.Ordinal)) return "write: UPDATE People FROM temp";
        if (s.Contains("CREATE TEMP TABLE membership_rows", StringComparison.Ordinal)) return "write: temp table memberships";
        if (s.StartsWith("COPY membership_rows", StringComparison.Ordinal)) return "write: COPY memberships";
        if (s.StartsWith("INSERT INTO \"Memberships\"", StringComparison.Ordinal)) return "write: upsert Memberships";
        if (s.StartsWith("COPY \"ConsentRecords\"", StringComparison.Ordinal)) return "write: COPY ConsentRecords";
        if (s.Contains("INSERT INTO \"MembershipImports\"", StringComparison.Ordinal)) return "report saved";
        if (s.Contains("\"RoleGrant", StringComparison.Ordinal)) return "write: role grants";
        if (s.StartsWith("UPDATE", StringComparison.Ordinal)) return "write: " + Regex.Match(s, @"^UPDATE\s+""?(\w+)").Value;
        if (s.StartsWith("INSERT", StringComparison.Ordinal)) return "write: " + Regex.Match(s, @"^INSERT INTO\s+""?(\w+)").Value;
        return s.Length > 60 ? s[..60] + "…" : s;
    }

    public void Dispose() => _listener.Dispose();
}

internal sealed record TimelineEntry(double At, double Seconds, string Label, string Sql);

internal sealed record StatementTime(string Label, int Count, double Seconds, double FirstAt);

/// <summary>Where a run's time goes, from its statements' timeline and the planner's progress reports (one every 5,000
/// rows read, while it parses the file after reading the state): the importer's steps in the order it takes them.</summary>
internal static class Segments
{
    public static List<Segment> Of(List<TimelineEntry> entries, List<(double Seconds, long Done, long Total)> progress, double total, bool dryRun)
    {
        var segments = new List<Segment>();
        double End(TimelineEntry e) => e.At + e.Seconds;
        var state = entries.Where(e => e.Label.StartsWith("state:", StringComparison.Ordinal)).ToList();
        var writes = entries.Where(e => e.Label.StartsWith("write:", StringComparison.Ordinal)).ToList();
        var saved = entries.LastOrDefault(e => e.Label == "report saved");
        if (state.Count == 0) return segments;
        var stateStart = state[0].At;
        var stateEnd = End(state[^1]);
        segments.Add(new Segment("start: saved mapping, header read, transaction, advisory lock", 0, stateStart));
        // In a federation's scope, ReadStateAsync reads the whole file a first time (EmailsOf) between two of its queries.
        var numbers = state.FirstOrDefault(e => e.Label == "state: numbers elsewhere");
        var emails = state.FirstOrDefault(e => e.Label == "state: emails elsewhere");
        var emailPass = numbers is not null && emails is not null ? emails.At - End(numbers) : 0;
        segments.Add(new Segment("read state: queries", stateStart, stateEnd, stateEnd - stateStart - emailPass));
        if (emailPass > 0) segments.Add(new Segment("  of which the file's first pass for its emails (EmailsOf), between two queries", End(numbers!), emails!.At));
        foreach (var s in state.GroupBy(e => e.Label))
            segments.Add(new Segment($"  {s.Key}", s.Min(e => e.At), s.Max(End), s.Sum(e => e.Seconds)));
        var planEnd = writes.Count > 0 ? writes[0].At : saved?.At ?? total;
        var lastProgress = progress.Count > 0 ? progress[^1].Seconds : stateEnd;
        segments.Add(new Segment("plan: parse the rows (to the last progress report)", stateEnd, Math.Min(lastProgress, planEnd)));
        segments.Add(new Segment("plan: duplicates, matching, changes, consents, roles", Math.Min(lastProgress, planEnd), planEnd));
        if (writes.Count > 0)
        {
            var writeEnd = writes.Max(End);
            segments.Add(new Segment("write (first write statement to the last one's end)", planEnd, writeEnd, writes.Sum(e => e.Seconds)));
            foreach (var w in writes.GroupBy(e => e.Label))
                segments.Add(new Segment($"  {w.Key}", w.Min(e => e.At), w.Max(End), w.Sum(e => e.Seconds)));
            segments.Add(new Segment("commit, report saved", writeEnd, total));
        }
        else segments.Add(new Segment(dryRun ? "rollback (dry run), report saved" : "nothing to write: commit, report saved", planEnd, total));
        return segments;
    }
}

/// <param name="Database">Database time of the statements in it, where it is not the whole window.</param>
internal sealed record Segment(string What, double From, double To, double? Database = null)
{
    public double Seconds => To - From;
}

/// <summary>The largest working set (RSS) seen while the import runs, sampled every 20 ms.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public MemorySampler() => _timer = new Timer(_ =>
    {
        if (Running) Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), Environment.WorkingSet));
    }, null, 0, 20);

    public volatile bool Running;

    public long Peak => Interlocked.Read(ref _peak);

    public void Dispose() => _timer.Dispose();
}

internal sealed record GcStats(double AllocatedMb, int Gen0, int Gen1, int Gen2, double PauseSeconds, double HeapAfterMb)
{
    public static GcStats Now() => new(GC.GetTotalAllocatedBytes() / 1048576.0, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2),
        GC.GetTotalPauseDuration().TotalSeconds, GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0);

    public static GcStats operator -(GcStats a, GcStats b) =>
        new(a.AllocatedMb - b.AllocatedMb, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.PauseSeconds - b.PauseSeconds, a.HeapAfterMb);
}

/// <summary>CPU time used so far by this process, and by every PostgreSQL process of the machine (the bench's database
/// is the only one it works on during a phase, but other engineers' databases share the server).</summary>
internal sealed record Cpu(double Process, double Postgres)
{
    public static Cpu Now()
    {
        double postgres = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!char.IsAsciiDigit(Path.GetFileName(dir)[0])) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                if (stat[(stat.IndexOf('(') + 1)..close] != "postgres") continue;
                var fields = stat[(close + 2)..].Split(' ');
                postgres += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return new Cpu(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, postgres);
    }

    public static Cpu operator -(Cpu a, Cpu b) => new(a.Process - b.Process, a.Postgres - b.Postgres);
}

internal sealed record SetupResult(int Sections, int Rows, long FileBytes, double GenerateSeconds, int ChangedLines, int WithoutEmail, int WithFunction);

internal sealed class PhaseResult
{
    public required string Name { get; init; }
    public required string File { get; init; }
    public long FileBytes { get; init; }
    public bool DryRun { get; init; }
    public string Scope { get; init; } = "";
    public string? Encoding { get; init; }
    /// <summary>MembershipImporter.RunAsync, from the call to its return (the report saved).</summary>
    public double Seconds { get; init; }
    /// <summary>The report's own FinishedAt − StartedAt (without reading the saved mapping and saving the report).</summary>
    public double ReportSeconds { get; init; }
    public Dictionary<string, string> Report { get; init; } = [];
    public List<string> FirstProblems { get; init; } = [];
    public Dictionary<string, long> Database { get; init; } = [];
    public double PeakWorkingSetMb { get; init; }
    public double ProcessPeakWorkingSetMb { get; init; }
    public double CpuProcess { get; init; }
    public double CpuPostgres { get; init; }
    public GcStats? Gc { get; init; }
    public List<Segment> Segments { get; init; } = [];
    public List<StatementTime> Statements { get; init; } = [];
    public List<string> Problems { get; init; } = [];
    public string[] LoadAverage { get; init; } = [];

    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var r = Report;
        text.AppendLine(inv, $"   {r["Status"]} in {Seconds:F2} s (report's own {ReportSeconds:F2} s): {r["Rows"]} rows, {r["NewMembers"]} new, {r["BecomeMembers"]} becoming members, "
            + $"{r["Updated"]} updated, {r["MoveSection"]} moving, {r["Unchanged"]} unchanged, {r["BecomeFormerMembers"]} former, {r["RolesGranted"]} roles granted, "
            + $"{r["RolesWithdrawn"]} withdrawn, {r["RolesNotGranted"]} not granted, {r["ConsentsRecorded"]} consents recorded, {r["ProblemCount"]} problems");
        foreach (var p in FirstProblems.Take(10)) text.AppendLine(inv, $"   problem: {p}");
        text.AppendLine(inv, $"   peak working set {PeakWorkingSetMb:N0} MB during the import ({ProcessPeakWorkingSetMb:N0} MB for the process); CPU: bench {CpuProcess:F1} s, PostgreSQL {CpuPostgres:F1} s; "
            + $"GC: {Gc?.AllocatedMb:N0} MB allocated, {Gc?.Gen0}/{Gc?.Gen1}/{Gc?.Gen2} collections (gen 0/1/2), {Gc?.PauseSeconds:F2} s paused, heap {Gc?.HeapAfterMb:N0} MB at the end");
        text.AppendLine("   database after: " + string.Join(", ", Database.Select(d => $"{d.Key} {d.Value:N0}")));
        foreach (var s in Segments)
            text.AppendLine(inv, $"   {s.From,7:F2} → {s.To,7:F2} s  {s.Seconds,6:F2} s  {s.What}{(s.Database is { } d ? $" (database {d:F2} s)" : "")}");
        text.Append(Problems.Count == 0 ? "   checks: OK" : "   CHECKS FAILED: " + string.Join("; ", Problems));
        return text.ToString();
    }
}

internal static class Report
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static readonly string[] Order = ["dry-run", "apply", "reimport-dry-run", "reimport-apply", "changed-dry-run", "changed-apply"];

    private static readonly Dictionary<string, string> What = new()
    {
        ["dry-run"] = "dry run, empty database",
        ["apply"] = "apply, empty database",
        ["reimport-dry-run"] = "same file again: dry run",
        ["reimport-apply"] = "same file again: apply (changes nothing)",
        ["changed-dry-run"] = "1% of rows changed (commune): dry run",
        ["changed-apply"] = "1% of rows changed (commune): apply",
    };

    public static void Write(string dir)
    {
        var inv = CultureInfo.InvariantCulture;
        var phases = Directory.GetFiles(dir, "phase-*.json").Select(f => JsonSerializer.Deserialize<PhaseResult>(File.ReadAllText(f), Json)!)
            .OrderBy(p => Array.IndexOf(Order, p.Name) is var i && i >= 0 ? i : 99).ThenBy(p => p.Name).ToList();
        var setup = File.Exists(Path.Combine(dir, "setup.json")) ? JsonSerializer.Deserialize<SetupResult>(File.ReadAllText(Path.Combine(dir, "setup.json")), Json) : null;
        var copies = File.Exists(Path.Combine(dir, "copy.tsv"))
            ? File.ReadAllLines(Path.Combine(dir, "copy.tsv")).Select(l => double.Parse(l.Split('\t')[1], inv)).ToList() : [];
        var copy = copies.Count > 0 ? copies.Order().ElementAt(copies.Count / 2) : double.NaN;

        var md = new StringBuilder();
        md.AppendLine("# Membership file import bench: results").AppendLine();
        if (Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } machine) md.AppendLine(machine).AppendLine();
        if (setup is not null)
            md.AppendLine(inv, $"File: {setup.Rows:N0} members, {setup.FileBytes / 1048576.0:F1} MB, Windows-1252, ';', 15 columns (`MembershipFileGenerator`, seed 29), "
                + $"{setup.Sections} sections of federation 29, {setup.WithoutEmail:N0} rows without an email, {setup.WithFunction:N0} with a function; generated in {setup.GenerateSeconds:F1} s "
                + $"(not a target). Scope of the import: **federation 29** (all the file's sections are there). The changed file has {setup.ChangedLines:N0} lines with another commune.").AppendLine();
        md.AppendLine(inv, $"Baseline: `psql \\copy` of the same file into a bare table of 15 `text` columns (CSV, ';', header, WIN1252): "
            + $"{string.Join(", ", copies.Select(s => s.ToString("F2", inv) + " s"))}; **median {copy:F2} s**.").AppendLine();
        md.AppendLine("| phase | seconds (`RunAsync`) | ratio to `\\copy` | peak working set during the import / whole process | CPU bench / PostgreSQL | report | checks |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var p in phases)
        {
            var r = p.Report;
            var counts = $"{r["Status"]}: {int.Parse(r["NewMembers"], inv):N0} new, {int.Parse(r["Updated"], inv):N0} updated, {int.Parse(r["Unchanged"], inv):N0} unchanged, "
                + $"{r["RolesGranted"]} roles, {int.Parse(r["ConsentsRecorded"], inv):N0} consents, {r["ProblemCount"]} problems";
            md.AppendLine(inv, $"| {What.GetValueOrDefault(p.Name, p.Name)} | **{p.Seconds:F2}** | {p.Seconds / copy:F1}× | {p.PeakWorkingSetMb:N0} / {p.ProcessPeakWorkingSetMb:N0} MB | "
                + $"{p.CpuProcess:F1} / {p.CpuPostgres:F1} s | {counts} | {(p.Problems.Count == 0 ? "OK" : "FAILED: " + string.Join("; ", p.Problems))} |");
        }
        md.AppendLine();
        md.AppendLine("**Targets** (issue: \"Dry run and apply of a 100,000-member file: each under 30 s on this machine […]. A re-import of the same file that changes nothing: under 10 s.\"):").AppendLine();
        void Target(string name, double limit, string label)
        {
            if (phases.FirstOrDefault(p => p.Name == name) is not { } p) return;
            var met = p.Seconds < limit && p.Problems.Count == 0;
            md.AppendLine(inv, $"- {label}: {p.Seconds:F2} s against {limit:F0} s: **{(met ? "met" : "not met")}**{(p.Problems.Count > 0 ? " (checks failed)" : "")}.");
        }
        Target("dry-run", 30, "Dry run of 100,000");
        Target("apply", 30, "Apply of 100,000");
        Target("reimport-dry-run", 10, "Re-import changing nothing, dry run");
        Target("reimport-apply", 10, "Re-import changing nothing, apply");
        md.AppendLine();
        md.AppendLine("Where the time goes (from each run's database statements, timed by Npgsql's activities, and the planner's progress reports; `timeline-*.tsv` has every statement):").AppendLine();
        foreach (var p in phases)
        {
            md.AppendLine(inv, $"- **{p.Name}** ({p.Seconds:F2} s; GC: {p.Gc?.AllocatedMb:N0} MB allocated, {p.Gc?.Gen0}/{p.Gc?.Gen1}/{p.Gc?.Gen2} collections, {p.Gc?.PauseSeconds:F2} s paused)");
            foreach (var s in p.Segments)
                md.AppendLine(inv, $"{(s.What.StartsWith("  ", StringComparison.Ordinal) ? "    " : "  ")}- {s.What.Trim()}: {s.Seconds:F2} s{(s.Database is { } d && Math.Abs(d - s.Seconds) > 0.005 ? $" (database {d:F2} s)" : "")}");
        }
        md.AppendLine();
        var problems = phases.Where(p => p.FirstProblems.Count > 0).ToList();
        foreach (var p in problems)
        {
            md.AppendLine(inv, $"First problems of {p.Name} ({p.Report["ProblemCount"]} in all):").AppendLine();
            foreach (var line in p.FirstProblems.Take(10)) md.AppendLine(inv, $"- {line}");
            md.AppendLine();
        }
        if (File.Exists(Path.Combine(dir, "profile.json")))
        {
            var steps = JsonSerializer.Deserialize<List<ProfileStep>>(File.ReadAllText(Path.Combine(dir, "profile.json")), Json)!;
            md.AppendLine("Profile of a re-import's steps, each timed alone outside the importer (`Profile.cs`: the same calls, then variants; "
                + "first run in the process, then the better of two more; the 1% file against the database it was applied to, so nothing changes):").AppendLine();
            md.AppendLine("| step | first | again | allocated | result |").AppendLine("|---|---|---|---|---|");
            foreach (var s in steps) md.AppendLine(inv, $"| {s.Step} | {s.FirstSeconds:F2} s | {s.AgainSeconds:F2} s | {s.AllocatedMb:N0} MB | {s.Note} |");
            md.AppendLine();
        }
        if (File.Exists(Path.Combine(dir, "index-cost.tsv")))
        {
            md.AppendLine("What each index of `People` costs an insert of the 100,000 people (`INSERT … SELECT` from `People` into a copy of it with no index, "
                + "then with one index at a time, no foreign keys; the importer's `COPY People` has all of them, the generated `SearchText` and the two foreign keys):").AppendLine();
            md.AppendLine("| table | seconds |").AppendLine("|---|---|");
            foreach (var line in File.ReadAllLines(Path.Combine(dir, "index-cost.tsv")))
                if (line.Split('\t') is [var seconds, var what]) md.AppendLine(inv, $"| {what} | {double.Parse(seconds, inv):F2} |");
            md.AppendLine();
        }
        md.AppendLine(inv, $"Database after each phase: {string.Join("; ", phases.Select(p => $"{p.Name}: " + string.Join(", ", p.Database.Select(d => $"{d.Key} {d.Value:N0}"))))}.").AppendLine();
        md.AppendLine(inv, $"Load average at the end of each phase: {string.Join("; ", phases.Select(p => $"{p.Name} {string.Join(' ', p.LoadAverage)}"))}.");
        File.WriteAllText(Path.Combine(dir, "summary.md"), md.ToString());
        Console.WriteLine(md.ToString());
    }
}

internal sealed record Options(string Command, string ConnectionString, string Name, string? File, string? ChangedFile, bool DryRun, string Scope,
    int Sections, int Rows, Dictionary<string, string> Expect, Dictionary<string, string> ExpectDb, string Out)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        Dictionary<string, string> Pairs(string name) => (Value(name) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var port = Environment.GetEnvironmentVariable("COOPOL_DB_PORT") ?? "55432";
        return new Options(args.FirstOrDefault() ?? "import",
            Environment.GetEnvironmentVariable("COOPOL_BENCH_CONNECTION") ?? $"Host=127.0.0.1;Port={port};Database=coopol_bench_membership;Username=coopol",
            Value("--name") ?? "import", Value("--file"), Value("--changed-file"), args.Contains("--dry-run"), Value("--scope") ?? Bench.Federation,
            Int("--sections", 40), Int("--rows", 100_000), Pairs("--expect"), Pairs("--expect-db"), Value("--out") ?? "results");
    }
}
