using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Coopol.Access;
using Coopol.Data;
using Coopol.Features.Membership;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

/// <summary>Where a re-import's time goes, step by step, outside the importer (which is not modified): the same calls it
/// makes, each timed alone, twice (the first run of a step in this process pays for its JIT compilation, as the first
/// import of a process does; then the better of two more runs), and a few variants of the slow steps to show what a fix would save.</summary>
internal static class Profile
{
    public static async Task RunAsync(Options options)
    {
        using var host = Bench.BuildHost(options);
        var services = host.Services;
        var path = Path.GetFullPath(options.File!);
        var steps = new List<ProfileStep>();
        var inv = CultureInfo.InvariantCulture;

        async Task Time(string name, Func<Task<string>> step)
        {
            var times = new List<double>();
            var allocated = new List<double>();
            var note = "";
            for (var i = 0; i < 3; i++)
            {
                GC.Collect();
                var a0 = GC.GetTotalAllocatedBytes(true);
                var watch = Stopwatch.StartNew();
                note = await step();
                times.Add(watch.Elapsed.TotalSeconds);
                allocated.Add((GC.GetTotalAllocatedBytes(true) - a0) / 1048576.0);
            }
            // The first run, then the better of two more (the machine is shared: the better one is the step's own cost).
            var again = Math.Min(times[1], times[2]);
            steps.Add(new ProfileStep(name, times[0], again, allocated[2], note));
            Console.WriteLine(FormattableString.Invariant($"   {times[0],6:F2} s first, {again,6:F2} s again, {allocated[2],5:N0} MB allocated  {name}{(note.Length > 0 ? $" ({note})" : "")}"));
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopolDbContext>();
        await db.Sections.CountAsync();
        var federation = options.Scope;
        var sections = await db.Sections.AsNoTracking().Where(s => s.FederationCode == federation)
            .Select(s => new ScopeSection(s.Id, s.Name, s.FederationCode)).ToListAsync();
        var sectionIds = sections.Select(s => s.Id).ToArray();
        Console.WriteLine($"-- profile of a re-import's steps, scope {federation}, {Path.GetFileName(path)}");

        // 1. Reading the state: the importer's query of the scope's people, and variants.
        List<KnownPerson> people = [];
        await Time("state: people of the scope, the importer's LINQ (projects p.Address, a complex property: EF reads the whole Person)", async () =>
        {
            people = await (from p in db.People.AsNoTracking().Where(p => sectionIds.Contains(p.SectionId))
                            join m in db.Set<Membership>() on p.Id equals m.PersonId into ms
                            from m in ms.DefaultIfEmpty()
                            select new KnownPerson(p.Id, p.Kind, p.FirstName, p.LastName, p.Email, p.LinkedToId, p.Phone, p.Address, p.SectionId, m)).ToListAsync();
            return $"{people.Count:N0} people";
        });
        await Time("state: people of the scope, the address's columns projected one by one (same result)", async () =>
        {
            var rows = await (from p in db.People.AsNoTracking().Where(p => sectionIds.Contains(p.SectionId))
                              join m in db.Set<Membership>() on p.Id equals m.PersonId into ms
                              from m in ms.DefaultIfEmpty()
                              select new
                              {
                                  p.Id, p.Kind, p.FirstName, p.LastName, p.Email, p.LinkedToId, p.Phone, p.SectionId,
                                  Line1 = p.Address!.Line1, Line2 = p.Address.Line2, PostalCode = p.Address.PostalCode, City = p.Address.City, Country = p.Address.Country, m,
                              }).ToListAsync();
            var list = rows.Select(r => new KnownPerson(r.Id, r.Kind, r.FirstName, r.LastName, r.Email, r.LinkedToId, r.Phone,
                r.Line1 is null ? null : new PostalAddress(r.Line1, r.Line2, r.PostalCode, r.City, r.Country), r.SectionId, r.m)).ToList();
            var same = list.Count == people.Count && list.OrderBy(p => p.Id).Zip(people.OrderBy(p => p.Id)).All(x => x.First.Address == x.Second.Address && x.First.Email == x.Second.Email);
            return $"{list.Count:N0} people, {(same ? "same" : "DIFFERENT")} addresses";
        });
        await Time("state: people of the scope, plain Npgsql reader of the same columns", async () =>
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
            await using var command = new NpgsqlCommand("""
                SELECT p."Id", p."Kind", p."FirstName", p."LastName", p."Email", p."LinkedToId", p."Phone", p."AddressLine1", p."AddressLine2",
                       p."AddressPostalCode", p."AddressCity", p."AddressCountry", p."SectionId",
                       m."PersonId", m."Number", m."Title", m."Function", m."JoinedOn", m."DuesPaid", m."Scope", m."EndedAt"
                FROM "People" p LEFT JOIN "Memberships" m ON m."PersonId" = p."Id" WHERE p."SectionId" = ANY(@s)
                """, connection);
            command.Parameters.AddWithValue("s", sectionIds);
            var list = new List<KnownPerson>();
            await using var reader = await command.ExecuteReaderAsync();
            string? S(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            while (await reader.ReadAsync())
            {
                var membership = reader.IsDBNull(13) ? null : new Membership
                {
                    PersonId = reader.GetGuid(13), Number = reader.GetString(14), Title = S(15), Function = S(16),
                    JoinedOn = reader.IsDBNull(17) ? null : reader.GetFieldValue<DateOnly>(17), DuesPaid = reader.IsDBNull(18) ? null : reader.GetBoolean(18),
                    Scope = reader.GetString(19), EndedAt = reader.IsDBNull(20) ? null : reader.GetDateTime(20),
                };
                list.Add(new KnownPerson(reader.GetGuid(0), Enum.Parse<PersonKind>(reader.GetString(1)), reader.GetString(2), reader.GetString(3), S(4),
                    reader.IsDBNull(5) ? null : reader.GetGuid(5), S(6), S(7) is { } line1 ? new PostalAddress(line1, S(8), S(9)!, S(10)!, S(11)!) : null,
                    reader.GetGuid(12), membership));
            }
            return $"{list.Count:N0} people";
        });
        var ids = people.Select(p => p.Id).ToArray();
        var consentCount = 0;
        await Time("state: latest consents, the importer's FromSql (= ANY of the people's ids) into ConsentRecord entities", async () =>
        {
            var consents = await db.Set<ConsentRecord>()
                .FromSql($"""
                    SELECT DISTINCT ON ("PersonId", "Purpose", "Channel") * FROM "ConsentRecords"
                    WHERE "PersonId" = ANY({ids}) ORDER BY "PersonId", "Purpose", "Channel", "At" DESC, "Id" DESC
                    """).AsNoTracking().ToListAsync();
            consentCount = consents.Count;
            return $"{consents.Count:N0} lines";
        });
        await Time("state: latest consents, joined to the scope's people in SQL instead of 100,000 ids sent", async () =>
        {
            var consents = await db.Set<ConsentRecord>()
                .FromSql($"""
                    SELECT DISTINCT ON (c."PersonId", c."Purpose", c."Channel") c.* FROM "ConsentRecords" c JOIN "People" p ON p."Id" = c."PersonId"
                    WHERE p."SectionId" = ANY({sectionIds}) ORDER BY c."PersonId", c."Purpose", c."Channel", c."At" DESC, c."Id" DESC
                    """).AsNoTracking().ToListAsync();
            return $"{consents.Count:N0} lines{(consents.Count == consentCount ? "" : " (DIFFERENT)")}";
        });

        // 2. The file: each of the planner's per-row steps alone, on every row.
        var header = MembershipFileGenerator.Header;
        int Col(string name) => Array.IndexOf(header, name);
        List<MembershipFile.Row> rows = [];
        await Time("file: MembershipFile.Rows() only (decode Windows-1252, Sep, a string per cell)", () =>
        {
            using var file = MembershipFile.Open(path);
            rows = file.Rows().ToList();
            return Task.FromResult($"{rows.Count:N0} rows");
        });
        await Time("file: the planner's Text() on every cell (string.Join(' ', Split(null, RemoveEmptyEntries)))", () =>
        {
            long n = 0;
            foreach (var row in rows)
                foreach (var cell in row.Cells)
                    n += string.Join(' ', cell.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Length;
            return Task.FromResult("");
        });
        await Time("file: EmailAddress.IsValid + Normalize (email column)", () =>
        {
            var c = Col("Email");
            var valid = rows.Count(r => r.Cells[c].Length > 0 && EmailAddress.IsValid(r.Cells[c]) && EmailAddress.Normalize(r.Cells[c]).Length > 0);
            return Task.FromResult($"{valid:N0} valid");
        });
        await Time("file: MobilePhone.ToE164 (libphonenumber: Parse, IsValidNumber, GetNumberType, Format)", () =>
        {
            var c = Col("Portable");
            var mobiles = rows.Count(r => r.Cells[c].Length > 0 && MobilePhone.ToE164(r.Cells[c]) is not null);
            return Task.FromResult($"{mobiles:N0} mobiles");
        });
        await Time("file: MembershipColumns.Simplify on the section and the 3 yes/no cells", () =>
        {
            int[] cs = [Col("Section"), Col("Cotisation à jour"), Col("Accepte email"), Col("Accepte SMS")];
            long n = 0;
            foreach (var row in rows)
                foreach (var c in cs) n += MembershipColumns.Simplify(row.Cells[c]).Length;
            return Task.FromResult("");
        });
        string[] formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd HH:mm:ss", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm"];
        await Time("file: the membership date, DateTime.TryParseExact with the planner's 9 formats", () =>
        {
            var c = Col("Date d'adhésion");
            var ok = rows.Count(r => DateTime.TryParseExact(r.Cells[c], formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            return Task.FromResult($"{ok:N0} dates");
        });

        // 3. The planner as a whole, with this scope's state (a re-import: every row matched, nothing changes).
        var grants = await db.RoleGrants.AsNoTracking().Where(g => g.FederationCode == federation && g.RevokedAt == null).ToListAsync();
        var consentsAll = await db.Set<ConsentRecord>().FromSql($"""
            SELECT DISTINCT ON ("PersonId", "Purpose", "Channel") * FROM "ConsentRecords"
            WHERE "PersonId" = ANY({ids}) ORDER BY "PersonId", "Purpose", "Channel", "At" DESC, "Id" DESC
            """).AsNoTracking().ToListAsync();
        var state = new MembershipState
        {
            Scope = federation, Sections = sections, People = people, NumbersElsewhere = new HashSet<string>(), EmailsElsewhere = new Dictionary<string, Guid>(),
            Grants = grants, Consents = consentsAll.ToDictionary(c => (c.PersonId, c.Purpose, c.Channel), c => (c.Granted, c.Method)),
            MayAppoint = _ => true, Now = DateTime.UtcNow,
        };
        await Time("plan: MembershipPlanner.Plan with the scope's state (what a re-import plans)", () =>
        {
            using var file = MembershipFile.Open(path);
            var mapping = MembershipColumns.Suggest(file.Header, null);
            var plan = MembershipPlanner.Plan(file, mapping, state);
            return Task.FromResult($"{plan.Counts.Unchanged:N0} unchanged, {plan.Counts.Updated:N0} updated, {plan.ProblemCount} problems");
        });
        var empty = new MembershipState
        {
            Scope = federation, Sections = sections, People = [], NumbersElsewhere = new HashSet<string>(), EmailsElsewhere = new Dictionary<string, Guid>(),
            Grants = [], Consents = new Dictionary<(Guid, ConsentPurpose, ConsentChannel), (bool, ConsentMethod)>(), MayAppoint = _ => true, Now = DateTime.UtcNow,
        };
        await Time("plan: MembershipPlanner.Plan with an empty state (a first import: every row new)", () =>
        {
            using var file = MembershipFile.Open(path);
            var plan = MembershipPlanner.Plan(file, MembershipColumns.Suggest(file.Header, null), empty);
            return Task.FromResult($"{plan.Counts.NewMembers:N0} new, {plan.Consents.Count:N0} consents");
        });

        Directory.CreateDirectory(options.Out);
        await File.WriteAllTextAsync(Path.Combine(options.Out, "profile.json"), JsonSerializer.Serialize(steps, Report.Json));
    }
}

internal sealed record ProfileStep(string Step, double FirstSeconds, double AgainSeconds, double AllocatedMb, string Note);
