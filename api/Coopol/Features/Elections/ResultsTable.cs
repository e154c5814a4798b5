using System.Text.Json;
using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coopol.Features.Elections;

public enum ResultsLevel
{
    Nation,
    Federation,
    Constituency,
    Commune,
    Station,
}

public enum ResultsOrderField
{
    Name,
    Registered,
    Turnout,
    BlocShare,
    TurnoutChange,
    BlocShareChange,
}

/// <summary>What the national review asks: an election (and one to compare with), a level, where (a federation, a
/// constituency, a commune, a section), an order and a turnout range.</summary>
public sealed record ResultsQuery(Guid Election, Guid? Compare, ResultsLevel Level, string? Federation, string? Constituency, string? Commune,
    Guid? Section, ResultsOrderField OrderBy, string? Bloc, bool Descending, double? MinTurnout, double? MaxTurnout);

/// <summary>One zone's results: counts, turnout, blocs, and the same for the election compared with.</summary>
public sealed record ZoneResults(ResultsLevel Level, string Code, string Name, int Stations, long Registered, long Voters, long Expressed,
    long Blank, long Null, double? Turnout, IReadOnlyList<BlocVotes> Blocs, double? CompareTurnout, IReadOnlyList<BlocVotes>? CompareBlocs)
{
    public double? TurnoutChange => Turnout is { } t && CompareTurnout is { } c ? Math.Round(t - c, 2) : null;
}

/// <summary>The national review's table: results added up by federation, constituency, commune or station, sorted,
/// filtered and paged in SQL, within the caller's ground. The same table serves a section for its territory.</summary>
public sealed class ResultsTable(CoopolDbContext db, CallerContext caller)
{
    public const int MaxExportRows = 100_000;

    public async Task<(IReadOnlyList<ZoneResults> Rows, int Total)> QueryAsync(ResultsQuery q, int offset, int limit, CancellationToken ct)
    {
        var scope = await StationScope.OfCallerAsync(caller, ct);
        if (!await db.Set<Election>().AnyAsync(e => e.Id == q.Election, ct) || (q.Compare is { } c && !await db.Set<Election>().AnyAsync(e => e.Id == c, ct)))
            throw new ElectionNotFoundException();
        if (q.OrderBy is ResultsOrderField.BlocShare or ResultsOrderField.BlocShareChange && q.Bloc is null)
            throw InputValidationException.For("orderBy.bloc", "REQUIRED", "Sorting by a bloc's share needs the bloc.");
        if (q.OrderBy is ResultsOrderField.TurnoutChange or ResultsOrderField.BlocShareChange && q.Compare is null)
            throw InputValidationException.For("compareTo", "REQUIRED", "Sorting by a change needs the election to compare with.");
        var key = q.Level switch
        {
            ResultsLevel.Nation => "'FR'::text",
            ResultsLevel.Federation => "base.\"DepartementCode\"",
            ResultsLevel.Constituency => "base.\"Constituency\"",
            ResultsLevel.Commune => "base.\"CommuneCode\"",
            _ => "base.\"StationId\"",
        };
        var name = q.Level switch
        {
            ResultsLevel.Nation => "'France'",
            ResultsLevel.Federation => "coalesce((SELECT f.\"Name\" FROM \"Federations\" f WHERE f.\"Code\" = rows.code), rows.code)",
            ResultsLevel.Constituency => "rows.code",
            ResultsLevel.Commune => "coalesce((SELECT c.\"Name\" FROM \"Communes\" c WHERE c.\"Code\" = rows.code), rows.code)",
            _ => "(SELECT coalesce(s.\"Name\", 'Bureau ' || s.\"Code\") FROM \"PollingStations\" s WHERE s.\"Id\" = rows.code)",
        };
        var share = "(blocs->>@bloc)::float8 * 100 / nullif(exp, 0)";
        var cshare = "(cblocs->>@bloc)::float8 * 100 / nullif(cexp, 0)";
        var order = q.OrderBy switch
        {
            // Stations in bureau order (2 before 10), not in the alphabetical order of their names.
            ResultsOrderField.Name when q.Level == ResultsLevel.Station => "split_part(code, '_', 1), lpad(split_part(code, '_', 2), 8, '0')",
            ResultsOrderField.Name => "name",
            ResultsOrderField.Registered => "reg",
            ResultsOrderField.Turnout => "turnout",
            ResultsOrderField.BlocShare => share,
            ResultsOrderField.TurnoutChange => "turnout - cturnout",
            _ => $"{share} - {cshare}",
        };
        string Filter(string alias) => string.Join(" AND ", new[]
        {
            scope.Condition("s"),
            q.Federation is null ? null : "s.\"DepartementCode\" = @federation",
            q.Commune is null ? null : "s.\"CommuneCode\" = @commune",
            q.Constituency is null ? null : $"{alias}.\"Constituency\" = @constituency",
            q.Section is null ? null : "EXISTS (SELECT 1 FROM \"SectionStations\" tss WHERE tss.\"StationId\" = s.\"Id\" AND tss.\"SectionId\" = @section)",
        }.OfType<string>());
        string Aggregates(string prefix, string election) => $"""
            {prefix}base AS (
                SELECT r.*, s."CommuneCode", s."DepartementCode" FROM "StationResults" r JOIN "PollingStations" s ON s."Id" = r."StationId"
                WHERE r."ElectionId" = {election} AND {Filter("r")}),
            {prefix}z AS (
                SELECT {key.Replace("base.", prefix + "base.")} AS code, sum("Registered") AS reg, sum("Voters") AS vot, sum("Expressed") AS exp,
                       sum("Blank") AS blank, sum("Null") AS nul, count(*)::int AS stations
                FROM {prefix}base GROUP BY 1),
            {prefix}bj AS (
                SELECT code, jsonb_object_agg(bloc, votes) AS blocs FROM (
                    SELECT {key.Replace("base.", prefix + "base.")} AS code, nb."Bloc" AS bloc, sum(v."Votes") AS votes
                    FROM {prefix}base
                    JOIN "CandidateVotes" v ON v."ElectionId" = {prefix}base."ElectionId" AND v."StationId" = {prefix}base."StationId"
                    JOIN "Candidates" c ON c."Id" = v."CandidateId"
                    JOIN "NuanceBlocs" nb ON nb."Nuance" = c."Nuance" AND nb."SchemeId" = (SELECT "Id" FROM "BlocSchemes" WHERE "IsDefault")
                    GROUP BY 1, 2) b GROUP BY code)
            """;
        var compare = q.Compare is not null;
        var sql = $"""
            WITH {Aggregates("", "@election")}{(compare ? "," + Aggregates("c", "@compare") : "")},
            rows AS (
                SELECT z.*, bj.blocs, CASE WHEN z.reg > 0 THEN 100.0 * z.vot / z.reg END AS turnout,
                       {(compare ? "cz.exp AS cexp, cbj.blocs AS cblocs, CASE WHEN cz.reg > 0 THEN 100.0 * cz.vot / cz.reg END AS cturnout"
                                 : "NULL::bigint AS cexp, NULL::jsonb AS cblocs, NULL::numeric AS cturnout")}
                FROM z LEFT JOIN bj USING (code)
                {(compare ? "LEFT JOIN cz USING (code) LEFT JOIN cbj USING (code)" : "")}),
            named AS (SELECT rows.*, {name} AS name FROM rows)
            SELECT count(*) OVER ()::int AS total, code, name, stations, reg, vot, exp, blank, nul, turnout::float8, blocs::text, cturnout::float8, cblocs::text, cexp
            FROM named
            WHERE (@min_turnout::float8 IS NULL OR turnout >= @min_turnout) AND (@max_turnout::float8 IS NULL OR turnout <= @max_turnout)
            ORDER BY {order} {(q.Descending ? "DESC" : "ASC")} NULLS LAST, code
            LIMIT @limit OFFSET @offset
            """;
        await using var command = await db.CommandAsync(sql, ct);
        scope.AddTo(command);
        command.Parameters.AddWithValue("election", q.Election);
        if (compare) command.Parameters.AddWithValue("compare", q.Compare!.Value);
        if (q.Federation is not null) command.Parameters.AddWithValue("federation", q.Federation);
        if (q.Commune is not null) command.Parameters.AddWithValue("commune", q.Commune);
        if (q.Constituency is not null) command.Parameters.AddWithValue("constituency", q.Constituency);
        if (q.Section is not null) command.Parameters.AddWithValue("section", q.Section.Value);
        if (sql.Contains("@bloc", StringComparison.Ordinal)) command.Parameters.AddWithValue("bloc", q.Bloc ?? "");
        command.Parameters.Add(new NpgsqlParameter("min_turnout", NpgsqlTypes.NpgsqlDbType.Double) { Value = (object?)q.MinTurnout ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("max_turnout", NpgsqlTypes.NpgsqlDbType.Double) { Value = (object?)q.MaxTurnout ?? DBNull.Value });
        command.Parameters.AddWithValue("limit", limit);
        command.Parameters.AddWithValue("offset", offset);

        var blocs = await db.Set<NuanceBloc>().AsNoTracking().Where(n => db.Set<BlocScheme>().Any(s => s.IsDefault && s.Id == n.SchemeId))
            .Select(n => new { n.Bloc, n.BlocName, n.BlocOrder }).Distinct().ToListAsync(ct);
        IReadOnlyList<BlocVotes> Blocs(string? json, long expressed) => json is null ? [] :
            JsonSerializer.Deserialize<Dictionary<string, long>>(json)!.Select(kv =>
            {
                var bloc = blocs.FirstOrDefault(b => b.Bloc == kv.Key);
                return new BlocVotes(kv.Key, bloc?.BlocName ?? kv.Key, bloc?.BlocOrder ?? 99, kv.Value, expressed > 0 ? Math.Round(100.0 * kv.Value / expressed, 2) : null);
            }).OrderBy(b => b.Order).ToList();

        var list = new List<ZoneResults>();
        var total = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            total = reader.GetInt32(0);
            double? Round(int i) => reader.IsDBNull(i) ? null : Math.Round(reader.GetDouble(i), 2);
            var expressed = reader.GetInt64(6);
            list.Add(new ZoneResults(q.Level, reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetInt64(4), reader.GetInt64(5), expressed,
                reader.GetInt64(7), reader.GetInt64(8), Round(9), Blocs(reader.IsDBNull(10) ? null : reader.GetString(10), expressed), Round(11),
                compare ? Blocs(reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? 0 : reader.GetInt64(13)) : null));
        }
        await reader.DisposeAsync();
        if (list.Count == 0 && (offset > 0 || limit == 0))
        {
            // An empty page still tells how many rows there are.
            command.Parameters["limit"].Value = 1;
            command.Parameters["offset"].Value = 0;
            total = await command.ExecuteScalarAsync(ct) is int n ? n : 0;
        }
        return (list, total);
    }
}
