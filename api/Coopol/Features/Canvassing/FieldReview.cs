using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Canvassing;

public enum ReviewLevel
{
    Station,
    Section,
    Federation,
    Nation,
}

/// <summary>Field activity of one zone (and week, when asked by week). People counts from 1 to
/// Privacy:SmallCountMinimum − 1 are withheld (null, <see cref="Withheld"/> true): a small number of doors or
/// volunteers in a polling station would point at households and people.</summary>
public sealed record FieldActivity(string Key, string Label, DateOnly? Week, int ActionsHeld, int AttendanceTarget, int? Volunteers, int? CheckedIn,
    int? DoorsKnocked, int? Contacts, int? NewSupporters, bool Withheld);

public sealed class FieldReviewQuery
{
    public ReviewLevel Level { get; init; } = ReviewLevel.Station;
    /// <summary>A federation code to narrow to (within the viewer's reach).</summary>
    public string? FederationCode { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
    public bool ByWeek { get; init; }
}

/// <summary>Reviews of field work: actions held against their attendance targets, volunteers, doors knocked and contacts
/// made, by polling station, section, federation or nation, over time. Each viewer sees the ground of their
/// MANAGE_ACTIONS (the national team everything, a federation its own, a section secretary their section).</summary>
public sealed class FieldReview(CoopolDbContext db, CallerContext caller, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Privacy.PrivacyOptions> privacy)
{
    /// <summary>Counts of people below this are withheld (Privacy:SmallCountMinimum, 5 by default).</summary>
    private int SmallCount => privacy.Value.Minimum;
    public const int MaxRows = 2000;

    public async Task<IReadOnlyList<FieldActivity>> ReadAsync(FieldReviewQuery query, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        var reach = rights.ReachOf(Permission.ManageActions);
        if (reach.IsEmpty) throw new ForbiddenException("Reviews of field work are for those who organize actions.");
        if (query.FederationCode is { } f && !reach.Everywhere && !reach.FederationCodes.Contains(f))
            throw new ForbiddenException($"Federation {f} is outside your reach.");
        if (query.From is { } from && query.To is { } to && to <= from)
            throw InputValidationException.For("to", "ENDS_BEFORE_START", "The end must come after the start.");

        var reports = await RunAsync(ReportsSql(query.Level, query.ByWeek), query, reach, ct, r => (
            Doors: r.GetInt32(2), Contacts: r.GetInt32(3), Reporters: r.GetInt32(4), Supporters: r.GetInt32(5)));
        var held = await RunAsync(ActionsSql(query.Level, query.ByWeek), query, reach, ct, r => (
            Held: r.GetInt32(2), Target: r.GetInt32(3), CheckedIn: r.GetInt32(4)));
        var keys = reports.Keys.Union(held.Keys).ToList();
        var labels = await LabelsAsync(query.Level, keys.Select(k => k.Key).Distinct().ToList(), ct);
        var small = SmallCount;
        int? Shown(int n, ref bool withheld)
        {
            if (n > 0 && n < small) { withheld = true; return null; }
            return n;
        }
        return keys.Select(k =>
        {
            var withheld = false;
            reports.TryGetValue(k, out var r);
            held.TryGetValue(k, out var a);
            return new FieldActivity(k.Key, labels.GetValueOrDefault(k.Key, k.Key), k.Week, a.Held, a.Target,
                Shown(r.Reporters, ref withheld), Shown(a.CheckedIn, ref withheld), Shown(r.Doors, ref withheld), Shown(r.Contacts, ref withheld),
                Shown(r.Supporters, ref withheld), withheld);
        }).OrderByDescending(x => x.Week).ThenByDescending(x => x.DoorsKnocked ?? 0).ThenBy(x => x.Key, StringComparer.Ordinal).Take(MaxRows).ToList();
    }

    private static string KeyOf(ReviewLevel level, string alias, bool actions) => level switch
    {
        ReviewLevel.Station => actions ? $"unnest({alias}.\"TurfStationIds\")" : $"{alias}.\"StationId\"",
        ReviewLevel.Section => $"{alias}.\"SectionId\"::text",
        ReviewLevel.Federation => $"{alias}.\"FederationCode\"",
        _ => "'FR'",
    };

    private static string WeekOf(string column, bool byWeek) =>
        byWeek ? $"date_trunc('week', {column} AT TIME ZONE 'Europe/Paris')::date" : "NULL::date";

    /// <summary>Reports: doors knocked, contacts made, reporters, supporters made, per zone (and week).</summary>
    private static string ReportsSql(ReviewLevel level, bool byWeek) => $"""
        SELECT {KeyOf(level, "r", false)} AS k, {WeekOf("r.\"VisitedAt\"", byWeek)} AS w,
               count(*)::int, count(*) FILTER (WHERE r."Outcome" IN ({DoorReport.ContactOutcomesSql}))::int,
               count(DISTINCT r."ReporterId")::int, count(r."ContactId")::int
        FROM "DoorReports" r
        WHERE {Scope("r")} AND (@from IS NULL OR r."VisitedAt" >= @from) AND (@to IS NULL OR r."VisitedAt" < @to)
          {(level == ReviewLevel.Station ? "AND r.\"StationId\" IS NOT NULL" : "")}
        GROUP BY 1, 2
        """;

    /// <summary>Actions held (done, or published and over): how many, their targets, who was checked in.</summary>
    private static string ActionsSql(ReviewLevel level, bool byWeek) => $"""
        SELECT k, w, count(*)::int, sum(target)::int, sum(checked)::int FROM (
          SELECT {KeyOf(level, "a", true)} AS k, {WeekOf("a.\"StartsAt\"", byWeek)} AS w, a."AttendanceTarget" AS target,
                 (SELECT count(*) FROM "ActionParticipants" p WHERE p."ActionId" = a."Id" AND p."CheckedInAt" IS NOT NULL) + a."ErasedCheckIns" AS checked
          FROM "Actions" a
          WHERE (a."Status" = 'Done' OR (a."Status" = 'Published' AND a."EndsAt" <= @now)) AND {Scope("a")}
            AND (@from IS NULL OR a."StartsAt" >= @from) AND (@to IS NULL OR a."StartsAt" < @to)
        ) held
        GROUP BY 1, 2
        """;

    private static string Scope(string alias) =>
        $"(@everywhere OR {alias}.\"FederationCode\" = ANY(@federations) OR {alias}.\"SectionId\" = ANY(@sections)) AND (@federation IS NULL OR {alias}.\"FederationCode\" = @federation)";

    private async Task<Dictionary<(string Key, DateOnly? Week), T>> RunAsync<T>(string sql, FieldReviewQuery query, Reach reach, CancellationToken ct,
        Func<NpgsqlDataReader, T> read)
    {
        await using var command = await db.CommandAsync(sql, ct);
        command.Parameters.Add(new NpgsqlParameter("everywhere", reach.Everywhere));
        command.Parameters.Add(new NpgsqlParameter("federations", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = reach.FederationCodes.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("sections", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = reach.SectionIds.ToArray() });
        command.Parameters.Add(new NpgsqlParameter("federation", NpgsqlDbType.Text) { Value = (object?)query.FederationCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = (object?)Instants.Utc(query.From) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = (object?)Instants.Utc(query.To) ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("now", NpgsqlDbType.TimestampTz) { Value = clock.GetUtcNow().UtcDateTime });
        var rows = new Dictionary<(string, DateOnly?), T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (reader.IsDBNull(0)) continue;
            rows[(reader.GetString(0), reader.IsDBNull(1) ? null : DateOnly.FromDateTime(reader.GetDateTime(1)))] = read(reader);
        }
        return rows;
    }

    private async Task<Dictionary<string, string>> LabelsAsync(ReviewLevel level, List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0 || level == ReviewLevel.Nation) return new() { ["FR"] = "France" };
        var sql = level switch
        {
            ReviewLevel.Station => """SELECT "Id", COALESCE("Name", "Id") FROM "PollingStations" WHERE "Id" = ANY(@keys)""",
            ReviewLevel.Section => """SELECT "Id"::text, "Name" FROM "Sections" WHERE "Id"::text = ANY(@keys)""",
            _ => """SELECT "Code", "Name" FROM "Federations" WHERE "Code" = ANY(@keys)""",
        };
        await using var command = await db.CommandAsync(sql, ct);
        command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.ToArray() });
        var labels = new Dictionary<string, string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) labels[reader.GetString(0)] = reader.GetString(1);
        return labels;
    }
}
