using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Coopol;
using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Fakes;
using Coopol.Features.JobRuns;
using Coopol.Features.Messaging;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

// Messaging at scale (see README.md): a newsletter to a section's 100,000 people through the local outbox, and an SMS
// to 20,000 of them through Twilio's SDK to a local fake of Twilio, each composed and sent as the national team and
// sent by SendMessageJob in-process, in the services the jobs host builds. One phase per process, so that each
// phase's peak memory is its own.
// Usage: Messaging migrate
//        Messaging newsletter [--expect N] [--out DIR]
//        Messaging sms --parallelism P [--expect N] [--sdk-only N] [--out DIR]
//        Messaging report [--out DIR]
var options = Options.Parse(args);
switch (options.Command)
{
    case "migrate":
    {
        // What the API and the jobs host do at start (MigrateCoopolDatabaseAsync): the committed migrations.
        using var host = Bench.BuildHost(options, []);
        await host.Services.MigrateCoopolDatabaseAsync();
        Console.WriteLine("Schema migrated.");
        break;
    }
    case "newsletter":
    case "sms":
        Environment.ExitCode = await Bench.RunPhaseAsync(options);
        break;
    case "report":
        Report.Write(options.Out);
        break;
    default:
        throw new ArgumentException($"Unknown command {options.Command}.");
}

internal static class Bench
{
    public const string SmsSender = "MG0123456789abcdef0123456789abcdef";
    public const string PublicUrl = "https://coopol.example.org";

    private const string NewsletterSubject = "Les nouvelles de {{section}} — décembre";
    private const string NewsletterBody = """
        Bonjour {{firstName}},

        Voici les nouvelles de **{{section}}** pour ce mois-ci.

        ## Samedi : porte-à-porte au centre-ville

        Rendez-vous **samedi à 10 h** devant la mairie. Nous ferons équipe par deux ; les nouveaux et nouvelles sont les
        bienvenu·es, une formation rapide aura lieu sur place. Pensez à apporter de bonnes chaussures.

        ## Réunion de section

        La prochaine réunion aura lieu **jeudi 12 à 19 h**, salle Jean-Moulin. À l'ordre du jour :

        1. le bilan des actions de novembre ;
        2. la préparation des municipales ;
        3. les questions diverses.

        ## Adhésions

        Nous sommes maintenant plus nombreux que jamais. Merci à toutes et à tous ! Si vous connaissez quelqu'un qui
        voudrait nous rejoindre, parlez-lui de [notre site](https://coopol.example.org).

        À bientôt,

        L'équipe de {{section}}
        """;
    private const string SmsBody = "Bonjour {{firstName}}, porte-à-porte samedi 10h devant la mairie avec {{section}}. On compte sur vous ! STOP au 36180";

    public static IHost BuildHost(Options options, Dictionary<string, string?> settings)
    {
        // As jobs/Coopol.Jobs/Program.cs builds its services (without starting a Hangfire server: the bench runs the job
        // itself, as the tests do), with this bench's database and settings.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coopol"] = options.ConnectionString,
            ["Database:ApplicationName"] = "bench-messaging",
            ["Web:PublicUrl"] = PublicUrl,
            ["Logging:LogLevel:Default"] = "Warning",
        }.Concat(settings));
        builder.Services.AddCoopolCore(builder.Configuration);
        builder.Services.AddCoopolJobs(builder.Configuration, runServer: false);
        return builder.Build();
    }

    public static async Task<int> RunPhaseAsync(Options options)
    {
        var sms = options.Command == "sms";
        var channel = sms ? ConsentChannel.Sms : ConsentChannel.Email;
        var name = sms ? $"sms-p{options.Parallelism}" : "newsletter";
        var ct = CancellationToken.None;
        await using var fake = sms ? await FakeTwilio.StartAsync() : null;
        var settings = new Dictionary<string, string?>();
        if (fake is not null)
        {
            settings["Twilio:AccountSid"] = fake.AccountSid;
            settings["Twilio:AuthToken"] = fake.AuthToken;
            settings["Twilio:BaseUrl"] = fake.Url;
            settings["Twilio:From"] = SmsSender;
            settings["Twilio:CallbackBaseUrl"] = PublicUrl;
            settings["Twilio:Parallelism"] = options.Parallelism.ToString(CultureInfo.InvariantCulture);
        }
        using var host = BuildHost(options, settings);
        var services = host.Services;
        var emailSender = services.GetRequiredService<IEmailSender>();
        var smsSender = services.GetRequiredService<ISmsSender>();
        if (sms ? smsSender is not TwilioSmsSender : !emailSender.IsLocal)
            throw new InvalidOperationException("The phase's sender is not the one it measures.");

        var probeConnection = new NpgsqlConnectionStringBuilder(options.ConnectionString) { ApplicationName = "bench-messaging-probe" }.ConnectionString;
        await using var probe = new NpgsqlConnection(probeConnection);
        await probe.OpenAsync(ct);
        var national = (Guid)(await Sql.ScalarAsync(probe, """SELECT "Id" FROM "People" WHERE "Email" = 'national@bench.coopol.fr'"""))!;
        var sectionId = (Guid)(await Sql.ScalarAsync(probe, """SELECT "Id" FROM "Sections" WHERE "Name" = 'Bench Messagerie'"""))!;
        var sectionPeople = (long)(await Sql.ScalarAsync(probe, $"""SELECT count(*) FROM "People" WHERE "SectionId" = '{sectionId}'"""))!;
        var outboxBefore = (long)(await Sql.ScalarAsync(probe, """SELECT count(*) FROM "Outbox" """))!;

        async Task<T> AsNational<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CallerContext>().ActFor(national);
            return await action(scope.ServiceProvider);
        }

        Console.WriteLine($"-- {name}: {(sms ? $"SMS through Twilio's SDK to the local fake, Twilio:Parallelism {options.Parallelism}" : "newsletter to the local outbox (no SMTP)")}; "
            + $"section of {sectionPeople:N0} people, {outboxBefore:N0} outbox rows already there");

        // 1. The draft, as the national team, to the whole section (no filter).
        var message = await AsNational(s => s.GetRequiredService<MessageService>().ComposeAsync(new ComposeMessageInput
        {
            SectionId = GlobalId.Encode("Section", sectionId), Channel = channel, Subject = sms ? null : NewsletterSubject,
            Body = sms ? SmsBody : NewsletterBody, Definition = new SegmentDefinitionInput(), IgnoreQuietHours = sms,
        }, ct));
        var messageGlobalId = GlobalId.Encode(MessageService.NodeType, message.Id);
        int batchSize;
        using (var scope = services.CreateScope()) batchSize = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().BatchSize(message);

        // 2. A test send to its author, as a sender does before sending (untimed; it also warms the whole path up).
        await AsNational(s => s.GetRequiredService<MessageService>().TestSendAsync(messageGlobalId, ct));
        foreach (var run in await QueuedRunsAsync(services, message.Id)) await RunJobAsync(services, run);
        var testSent = (long)(await Sql.ScalarAsync(probe, $"""SELECT count(*) FROM "Outbox" WHERE "MessageId" = '{message.Id}' AND "IsTest" AND "Status" = 'Sent'"""))!;
        if (testSent != 1 || (fake is not null && fake.Received.Count != 1)) throw new InvalidOperationException("The test send did not go.");
        fake?.Reset();

        // 3. For SMS, the ceiling of Twilio's SDK and the fake alone on this machine: the same sender, no database.
        SdkOnly? sdkOnly = null;
        if (fake is not null && options.SdkOnly > 0)
        {
            var failures = 0;
            var cpu = Cpu.Now();
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, options.SdkOnly), new ParallelOptions { MaxDegreeOfParallelism = smsSender.Parallelism },
                async (i, token) =>
                {
                    var result = await smsSender.SendAsync(new OutgoingSms(-1 - i, $"+3362{i:0000000}", "Bonjour, test du banc. STOP au 36180", sectionId), token);
                    if (result is not SendResult.Accepted) Interlocked.Increment(ref failures);
                });
            var elapsed = watch.Elapsed.TotalSeconds;
            var used = Cpu.Now() - cpu;
            if (failures > 0 || fake.Received.Count != options.SdkOnly) throw new InvalidOperationException($"SDK-only: {failures} failures.");
            sdkOnly = new SdkOnly(options.SdkOnly, elapsed, options.SdkOnly / elapsed, used.Process, used.Postgres);
            Console.WriteLine($"   SDK and fake alone (no database): {options.SdkOnly:N0} SMS in {elapsed:F2} s = {sdkOnly.Rate:N0}/s at parallelism {smsSender.Parallelism}");
            fake.Reset();
        }

        // 4. The send, timed: sendMessage (the counts it checks, the run it starts), then the job in a scope of its own.
        using var statements = new StatementRecorder();
        using var memory = new MemorySampler();
        var cpu0 = Cpu.Now();
        var sendWatch = Stopwatch.StartNew();
        await AsNational(s => s.GetRequiredService<MessageService>().SendAsync(new SendMessageInput { MessageId = messageGlobalId }, ct));
        var sendMessageMs = sendWatch.Elapsed.TotalMilliseconds;
        var runs = await QueuedRunsAsync(services, message.Id);
        if (runs.Count != 1) throw new InvalidOperationException($"{runs.Count} runs queued for the message.");
        var runId = runs[0];
        var cpuSend = Cpu.Now();

        statements.Phase = "queue";
        memory.Phase = "queue";
        var watcher = new Watcher(probe, message.Id, runId, () => { statements.Phase = "dispatch"; memory.Phase = "dispatch"; });
        var jobWatch = Stopwatch.StartNew();
        var watching = watcher.RunAsync(jobWatch);
        await RunJobAsync(services, runId);
        var jobSeconds = jobWatch.Elapsed.TotalSeconds;
        var cpuEnd = Cpu.Now();
        statements.Phase = null;
        memory.Phase = null;
        watcher.Stop();
        await watching;
        var peakWorkingSet = Process.GetCurrentProcess().PeakWorkingSet64;

        // 5. What became of it, from the database (and the fake).
        var counts = new Dictionary<string, long>();
        await using (var read = new NpgsqlCommand($"""SELECT "Status", count(*) FROM "Outbox" WHERE "MessageId" = '{message.Id}' AND NOT "IsTest" GROUP BY 1""", probe))
        await using (var reader = await read.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) counts[reader.GetString(0)] = reader.GetInt64(1);
        var row = await Sql.RowAsync(probe, $"""
            SELECT m."Status", m."Matched", m."WithoutConsent", m."WithoutContact", m."Duplicates", m."Queued", r."Status", coalesce(r."Summary", r."StopReason", ''),
                   extract(epoch FROM (SELECT max(o."SentAt") - min(o."ClaimedAt") FROM "Outbox" o WHERE o."MessageId" = m."Id" AND NOT o."IsTest"))::float8
            FROM "Messages" m, "JobRuns" r WHERE m."Id" = '{message.Id}' AND r."Id" = '{runId}'
            """);
        var queued = (int)row[5]!;
        var sent = counts.GetValueOrDefault("Sent");
        var problems = new List<string>();
        if (queued != options.Expect) problems.Add($"queued {queued:N0}, expected {options.Expect:N0}");
        if (sent != queued) problems.Add($"{sent:N0} rows Sent of {queued:N0} queued ({string.Join(", ", counts.Select(c => $"{c.Key} {c.Value:N0}"))})");
        if ((string)row[0]! != "Sent") problems.Add($"message status {row[0]}");
        if ((string)row[6]! != "Succeeded") problems.Add($"job run {row[6]}: {row[7]}");
        if (watcher.QueuedAt is null) problems.Add("the queue's end was not seen");
        if (fake is not null)
        {
            var received = fake.Received;
            if (received.Count != queued || received.Select(r => r.To).Distinct().Count() != queued)
                problems.Add($"the fake received {received.Count:N0} SMS to {received.Select(r => r.To).Distinct().Count():N0} numbers");
            if (received.Any(r => r.MessagingServiceSid != SmsSender || !r.Body.Contains("STOP au 36180", StringComparison.Ordinal)))
                problems.Add("an SMS reached the fake without the sender or the text");
        }

        var queueSeconds = watcher.QueuedAt ?? double.NaN;
        var dispatchSeconds = jobSeconds - queueSeconds;
        var result = new PhaseResult
        {
            Name = name, Channel = channel.ToString(), Parallelism = sms ? smsSender.Parallelism : emailSender.Parallelism, BatchSize = batchSize,
            SectionPeople = sectionPeople, OutboxRowsBefore = outboxBefore, Matched = (int)row[1]!, WithoutConsent = (int)row[2]!,
            WithoutContact = (int)row[3]!, Duplicates = (int)row[4]!, Queued = queued, Sent = sent, MessageStatus = (string)row[0]!,
            RunStatus = (string)row[6]!, RunSummary = (string)row[7]!,
            SendMessageMs = sendMessageMs, QueueSeconds = queueSeconds, DispatchSeconds = dispatchSeconds, JobSeconds = jobSeconds,
            DispatchRate = queued / dispatchSeconds, SteadyRate = watcher.SteadyRate(queued), EndToEndRate = queued / (sendMessageMs / 1000 + jobSeconds),
            DbDispatchSeconds = row[8] as double? ?? double.NaN,
            PeakWorkingSetMb = peakWorkingSet / 1048576.0, PeakQueueMb = memory.Peak("queue") / 1048576.0, PeakDispatchMb = memory.Peak("dispatch") / 1048576.0,
            CpuSend = cpuSend - cpu0, CpuQueue = watcher.CpuAtQueued is { } q ? q - cpuSend : null, CpuDispatch = watcher.CpuAtQueued is { } d ? cpuEnd - d : null,
            FakeRequests = fake?.Requests, SdkOnly = sdkOnly, Statements = statements.Summary(), Problems = problems,
            LoadAverage = File.ReadAllText("/proc/loadavg").Split(' ')[..3],
        };
        Directory.CreateDirectory(options.Out);
        await File.WriteAllTextAsync(Path.Combine(options.Out, $"phase-{name}.json"), JsonSerializer.Serialize(result, Report.Json));
        await File.WriteAllTextAsync(Path.Combine(options.Out, $"statements-{name}.tsv"), statements.Tsv());
        Console.WriteLine(result.Describe());
        return problems.Count == 0 ? 0 : 1;
    }

    private static async Task<List<Guid>> QueuedRunsAsync(IServiceProvider services, Guid messageId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopolDbContext>();
        var runs = await db.Set<JobRun>().AsNoTracking().Where(r => r.Kind == SendMessageJob.Kind && r.Status == JobRunStatus.Queued)
            .OrderBy(r => r.CreatedAt).ToListAsync();
        return runs.Where(r => JobRunService.ParametersOf<SendMessageJob.Parameters>(r)?.MessageId == messageId).Select(r => r.Id).ToList();
    }

    /// <summary>As Hangfire runs it: a scope of its own, the run's id.</summary>
    private static async Task RunJobAsync(IServiceProvider services, Guid runId)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendMessageJob>().RunAsync(runId, CancellationToken.None);
    }
}

/// <summary>Watches the message and its run from a connection of its own while the job runs: when its recipients are
/// queued (Messages.SendStartedAt is set, in the transaction that wrote the outbox rows), then the run's progress.</summary>
internal sealed class Watcher(NpgsqlConnection connection, Guid messageId, Guid runId, Action queuedSeen)
{
    private volatile bool _stop;
    private readonly List<(double Seconds, int Done)> _progress = [];

    public double? QueuedAt { get; private set; }
    public Cpu? CpuAtQueued { get; private set; }

    public void Stop() => _stop = true;

    public async Task RunAsync(Stopwatch job)
    {
        await using var command = new NpgsqlCommand($"""
            /* bench-probe */ SELECT m."SendStartedAt" IS NOT NULL, r."Done" FROM "Messages" m, "JobRuns" r WHERE m."Id" = '{messageId}' AND r."Id" = '{runId}'
            """, connection);
        await command.PrepareAsync();
        var last = -1;
        while (!_stop)
        {
            bool queued;
            int done;
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                queued = reader.GetBoolean(0);
                done = reader.GetInt32(1);
            }
            var at = job.Elapsed.TotalSeconds;
            if (queued && QueuedAt is null)
            {
                QueuedAt = at;
                CpuAtQueued = Cpu.Now();
                queuedSeen();
            }
            if (done != last)
            {
                _progress.Add((at, done));
                last = done;
            }
            // Finely until the queue's end (it is what is timed), then about as often as the job reports progress.
            await Task.Delay(QueuedAt is null ? 10 : 100);
        }
    }

    /// <summary>Messages per second between the progress reports nearest 10% and 90% of the queue (the job reports
    /// about once a second), without the first batch's and the last one's effects; NaN if too few reports.</summary>
    public double SteadyRate(int total)
    {
        var from = _progress.FirstOrDefault(p => p.Done >= total * 0.1);
        var to = _progress.LastOrDefault(p => p.Done <= total * 0.9 && p.Done > 0);
        return to.Seconds > from.Seconds && to.Done > from.Done ? (to.Done - from.Done) / (to.Seconds - from.Seconds) : double.NaN;
    }
}

/// <summary>CPU time used so far by this process, and by every PostgreSQL process of the machine (the bench's database
/// is the only one it works on during a phase, but another engineer's databases share the server).</summary>
internal sealed record Cpu(double Process, double Postgres)
{
    private static readonly double Tick = 100.0;

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
                postgres += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / Tick;
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

/// <summary>The largest working set (RSS) seen in each phase, sampled every 20 ms.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _peaks = new();
    private readonly Timer _timer;

    public MemorySampler() => _timer = new Timer(_ =>
    {
        if (Phase is { } phase) _peaks.AddOrUpdate(phase, Environment.WorkingSet, (_, v) => Math.Max(v, Environment.WorkingSet));
    }, null, 0, 20);

    public volatile string? Phase;

    public long Peak(string phase) => _peaks.GetValueOrDefault(phase);

    public void Dispose() => _timer.Dispose();
}

/// <summary>Every database command of the phase (Npgsql's own activities: EF's queries and the raw ones alike), timed
/// from sending it to closing its reader (reading the rows into objects included), grouped by statement.</summary>
internal sealed class StatementRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<(string Phase, string Sql), (int Count, double Ms)> _byStatement = new();

    public volatile string? Phase;

    public StatementRecorder()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Phase is not { } phase) return;
                var sql = a.GetTagItem("db.query.text") as string ?? a.DisplayName;
                if (sql.Contains("/* bench-probe */", StringComparison.Ordinal)) return;
                var key = (phase, Regex.Replace(sql, @"\s+", " ").Trim());
                _byStatement.AddOrUpdate(key, (1, a.Duration.TotalMilliseconds), (_, v) => (v.Count + 1, v.Ms + a.Duration.TotalMilliseconds));
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public List<StatementTime> Summary() => _byStatement
        .Select(s => new StatementTime(s.Key.Phase, Label(s.Key.Sql), s.Value.Count, s.Value.Ms))
        .GroupBy(s => (s.Phase, s.Label)).Select(g => new StatementTime(g.Key.Phase, g.Key.Label, g.Sum(s => s.Count), g.Sum(s => s.TotalMs)))
        .OrderBy(s => s.Phase).ThenByDescending(s => s.TotalMs).ToList();

    public string Tsv()
    {
        var text = new StringBuilder("phase\tcount\ttotal_ms\tmean_ms\tlabel\tsql\n");
        foreach (var s in _byStatement.OrderBy(s => s.Key.Phase).ThenByDescending(s => s.Value.Ms))
            text.Append(CultureInfo.InvariantCulture, $"{s.Key.Phase}\t{s.Value.Count}\t{s.Value.Ms:F1}\t{s.Value.Ms / s.Value.Count:F3}\t{Label(s.Key.Sql)}\t{s.Key.Sql}\n");
        return text.ToString();
    }

    /// <summary>A short name for a statement: what it does, to which table, and which of the messaging code's it is.</summary>
    public static string Label(string sql)
    {
        var s = sql.TrimStart();
        string Table(string pattern) => Regex.Match(s, pattern, RegexOptions.IgnoreCase) is { Success: true } m ? m.Groups[1].Value : "?";
        if (s.StartsWith("UPDATE \"Outbox\" o SET \"Status\" = 'Sending'", StringComparison.Ordinal)) return "claim a batch (UPDATE Outbox … RETURNING)";
        if (s.StartsWith("UPDATE \"Outbox\" o SET \"Status\" = r.status", StringComparison.Ordinal)) return "record outcomes (UPDATE Outbox FROM unnest)";
        if (s.Contains("pg_advisory", StringComparison.Ordinal)) return "advisory lock";
        if (s.StartsWith("COPY", StringComparison.OrdinalIgnoreCase)) return "COPY Outbox";
        if (s.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)) return $"UPDATE {Table(@"^UPDATE\s+""?(\w+)")}";
        if (s.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase)) return $"INSERT {Table(@"^INSERT INTO\s+""?(\w+)")}";
        if (s.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)) return $"DELETE {Table(@"^DELETE FROM\s+""?(\w+)")}";
        var from = Table(@"FROM\s+""(\w+)""");
        var consent = s.Contains("\"ConsentRecords\"", StringComparison.Ordinal);
        if (s.StartsWith("SELECT count(*)", StringComparison.OrdinalIgnoreCase))
            return $"count {from}{(consent ? " with consent" : "")}";
        if (from == "People" && consent) return "read consenting people (id, name, email, phone, section)";
        if (from == "ConsentRecords") return "latest consent of the batch's people";
        if (from == "People" && s.Contains("\"LinkedToId\" IS NOT NULL", StringComparison.Ordinal)) return "primaries of the batch's people";
        if (from == "UnusableContacts") return s.Contains("= ANY", StringComparison.Ordinal) ? "unusable addresses of the batch" : "read all unusable addresses";
        return $"SELECT {from}";
    }

    public void Dispose() => _listener.Dispose();
}

internal static class Sql
{
    public static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand("/* bench-probe */ " + sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public static async Task<object?[]> RowAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand("/* bench-probe */ " + sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) throw new InvalidOperationException("No row.");
        var values = new object?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
        return values;
    }
}

internal sealed record SdkOnly(int Count, double Seconds, double Rate, double CpuProcess, double CpuPostgres);

internal sealed record StatementTime(string Phase, string Label, int Count, double TotalMs);

internal sealed class PhaseResult
{
    public required string Name { get; init; }
    public required string Channel { get; init; }
    public int Parallelism { get; init; }
    public int BatchSize { get; init; }
    public long SectionPeople { get; init; }
    public long OutboxRowsBefore { get; init; }
    public int Matched { get; init; }
    public int WithoutConsent { get; init; }
    public int WithoutContact { get; init; }
    public int Duplicates { get; init; }
    public int Queued { get; init; }
    public long Sent { get; init; }
    public string MessageStatus { get; init; } = "";
    public string RunStatus { get; init; } = "";
    public string RunSummary { get; init; } = "";
    /// <summary>MessageService.SendAsync: the segment's counts, the message marked Sending, the run recorded and enqueued.</summary>
    public double SendMessageMs { get; init; }
    /// <summary>From the job's start to its recipients' being queued (SendStartedAt and Queued committed with the rows).</summary>
    public double QueueSeconds { get; init; }
    /// <summary>From then to the job's end (every row sent, the message marked Sent).</summary>
    public double DispatchSeconds { get; init; }
    public double JobSeconds { get; init; }
    public double DispatchRate { get; init; }
    public double SteadyRate { get; init; }
    public double EndToEndRate { get; init; }
    /// <summary>The same window seen in the outbox: last SentAt − first ClaimedAt.</summary>
    public double DbDispatchSeconds { get; init; }
    public double PeakWorkingSetMb { get; init; }
    public double PeakQueueMb { get; init; }
    public double PeakDispatchMb { get; init; }
    public Cpu? CpuSend { get; init; }
    public Cpu? CpuQueue { get; init; }
    public Cpu? CpuDispatch { get; init; }
    public int? FakeRequests { get; init; }
    public SdkOnly? SdkOnly { get; init; }
    public List<StatementTime> Statements { get; init; } = [];
    public List<string> Problems { get; init; } = [];
    public string[] LoadAverage { get; init; } = [];

    public string Describe()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"   segment: {Matched:N0} matched, {WithoutConsent:N0} without consent, {WithoutContact:N0} without contact, {Duplicates:N0} duplicates, {Queued:N0} queued; batch {BatchSize}, parallelism {Parallelism}");
        text.AppendLine(inv, $"   sendMessage (counts, run recorded and enqueued): {SendMessageMs:N0} ms");
        text.AppendLine(inv, $"   queue (job start -> Queued set):   {QueueSeconds,7:F2} s    CPU bench {CpuQueue?.Process:F1} s, PostgreSQL {CpuQueue?.Postgres:F1} s; peak RSS {PeakQueueMb:N0} MB");
        text.AppendLine(inv, $"   dispatch (-> all {Sent:N0} Sent):  {DispatchSeconds,7:F2} s    CPU bench {CpuDispatch?.Process:F1} s, PostgreSQL {CpuDispatch?.Postgres:F1} s; peak RSS {PeakDispatchMb:N0} MB");
        text.AppendLine(inv, $"   rate: {DispatchRate:N0} messages/s through dispatch ({SteadyRate:N0}/s between 10% and 90%); {EndToEndRate:N0}/s from sendMessage to the last sent; outbox's own window {DbDispatchSeconds:F2} s");
        text.AppendLine(inv, $"   process peak working set {PeakWorkingSetMb:N0} MB; run: {RunStatus} ({RunSummary}); message {MessageStatus}{(FakeRequests is { } r ? $"; fake Twilio answered {r:N0} requests" : "")}");
        foreach (var phase in new[] { "queue", "dispatch" })
        {
            var top = Statements.Where(s => s.Phase == phase).Take(6).ToList();
            if (top.Count == 0) continue;
            text.Append(inv, $"   database time in {phase}: ").AppendLine(string.Join("; ", top.Select(s => FormattableString.Invariant($"{s.Label} {s.Count:N0}x {s.TotalMs / 1000:F2} s"))));
        }
        text.Append(Problems.Count == 0 ? "   checks: OK" : "   CHECKS FAILED: " + string.Join("; ", Problems));
        return text.ToString();
    }
}

internal static class Report
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void Write(string dir)
    {
        var order = new[] { "newsletter", "sms-p16", "sms-p8" };
        var phases = Directory.GetFiles(dir, "phase-*.json").Select(f => JsonSerializer.Deserialize<PhaseResult>(File.ReadAllText(f), Json)!)
            .OrderBy(p => Array.IndexOf(order, p.Name) is var i && i >= 0 ? i : 99).ThenBy(p => p.Name).ToList();
        var inv = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine("# Messaging bench: results").AppendLine();
        if (Environment.GetEnvironmentVariable("BENCH_MACHINE") is { Length: > 0 } machine) md.AppendLine(machine).AppendLine();
        md.AppendLine("| phase | recipients | sendMessage | queue (job start → `Queued` set) | dispatch | **messages/s** (dispatch) | steady 10–90% | end to end | peak RSS queue / dispatch / process | checks |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var p in phases)
        {
            var what = p.Channel == "Email" ? "newsletter → local outbox" : $"SMS → fake Twilio, parallelism {p.Parallelism}";
            md.AppendLine(inv, $"| {what} | {p.Queued:N0} | {p.SendMessageMs / 1000:F2} s | {p.QueueSeconds:F2} s | {p.DispatchSeconds:F2} s | **{p.DispatchRate:N0}** | {p.SteadyRate:N0} | {p.EndToEndRate:N0} | {p.PeakQueueMb:N0} / {p.PeakDispatchMb:N0} / {p.PeakWorkingSetMb:N0} MB | {(p.Problems.Count == 0 ? "OK" : "FAILED: " + string.Join("; ", p.Problems))} |");
        }
        md.AppendLine();
        var sdk = phases.Where(p => p.SdkOnly is not null).ToList();
        if (sdk.Count > 0)
        {
            md.AppendLine("Twilio's SDK and the fake alone, same sender, no database (the ceiling of this machine for the SMS path): "
                + string.Join("; ", sdk.Select(p => FormattableString.Invariant($"parallelism {p.Parallelism}: {p.SdkOnly!.Rate:N0}/s ({p.SdkOnly.Count:N0} in {p.SdkOnly.Seconds:F2} s)"))) + ".").AppendLine();
        }
        md.AppendLine("**Target: the pipeline at ≥ 1,000 messages/s.** "
            + string.Join("; ", phases.Select(p => FormattableString.Invariant($"{p.Name}: {p.DispatchRate:N0}/s, {(p.DispatchRate >= 1000 ? "met" : "missed")}"))) + ".").AppendLine();
        md.AppendLine("CPU seconds used (bench process, which also hosts the fake Twilio / all PostgreSQL processes of the machine):").AppendLine();
        md.AppendLine("| phase | sendMessage | queue | dispatch | dispatch CPU per message (bench + PostgreSQL) |").AppendLine("|---|---|---|---|---|");
        foreach (var p in phases)
            md.AppendLine(inv, $"| {p.Name} | {p.CpuSend?.Process:F1} / {p.CpuSend?.Postgres:F1} | {p.CpuQueue?.Process:F1} / {p.CpuQueue?.Postgres:F1} | {p.CpuDispatch?.Process:F1} / {p.CpuDispatch?.Postgres:F1} | {(p.CpuDispatch is { } c ? (c.Process + c.Postgres) * 1e6 / p.Queued : 0):N0} µs |");
        md.AppendLine();
        md.AppendLine("Database time by statement (Npgsql's activities: from sending a command to closing its reader, rows read into objects included; `statements-*.tsv` has the SQL):").AppendLine();
        foreach (var p in phases)
        {
            md.AppendLine(inv, $"- **{p.Name}**");
            foreach (var phase in new[] { "queue", "dispatch" })
            {
                var window = phase == "queue" ? p.QueueSeconds : p.DispatchSeconds;
                md.Append(inv, $"  - {phase} ({window:F2} s): ").AppendLine(string.Join("; ", p.Statements.Where(s => s.Phase == phase).Take(7)
                    .Select(s => FormattableString.Invariant($"{s.Label} {s.Count:N0}× {s.TotalMs / 1000:F2} s"))));
            }
        }
        md.AppendLine().AppendLine(inv, $"Load average at the end of each phase: {string.Join("; ", phases.Select(p => $"{p.Name} {string.Join(' ', p.LoadAverage)}"))}.");
        File.WriteAllText(Path.Combine(dir, "summary.md"), md.ToString());
        Console.WriteLine(md.ToString());
    }
}

internal sealed record Options(string Command, string ConnectionString, int Parallelism, int Expect, int SdkOnly, string Out)
{
    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var port = Environment.GetEnvironmentVariable("COOPOL_DB_PORT") ?? "55432";
        var command = args.FirstOrDefault() ?? "newsletter";
        return new Options(command,
            Environment.GetEnvironmentVariable("COOPOL_BENCH_CONNECTION") ?? $"Host=127.0.0.1;Port={port};Database=coopol_bench_messaging;Username=coopol",
            Int("--parallelism", 8), Int("--expect", command == "sms" ? 20_000 : 100_000), Int("--sdk-only", 0), Value("--out") ?? "results");
    }
}
