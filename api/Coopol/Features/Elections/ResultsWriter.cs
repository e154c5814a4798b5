using Coopol.Common.Imports;
using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Elections;

/// <summary>Writes a checked <see cref="ResultsBatch"/> inside the import's transaction, with binary COPY. Re-importing
/// replaces the results of the stations in the file; candidates left without votes go with them.</summary>
public sealed class ResultsWriter(TerritoryService territories, TimeProvider clock)
{
    /// <summary>From this many stations on, the tables' statistics are refreshed with the import.</summary>
    public const int LargeFile = 5_000;

    public async Task<ImportSummary> WriteAsync(ImportContext context, ElectionOptions options, ResultsBatch batch, CancellationToken ct)
    {
        if (batch.Stations.Count == 0) throw ImportException.File("the file has a header but no rows");
        batch.AssignConstituencies();
        var connection = context.Connection;
        var electionId = await UpsertElectionAsync(connection, options, ct);

        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE import_stations (id text, commune text, departement text, code text) ON COMMIT DROP;
            CREATE TEMP TABLE import_candidates (key text, constituency text, panel int, nuance text, name text, first_name text, sex text, elected boolean) ON COMMIT DROP;
            """, connection)) await create.ExecuteNonQueryAsync(ct);

        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_stations FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var s in batch.Stations)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(s.Id, ct);
                await copy.WriteAsync(s.CommuneCode, ct);
                await copy.WriteAsync(Commune.DepartementOf(s.CommuneCode), ct);
                await copy.WriteAsync(s.Code, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_candidates FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var c in batch.Candidates)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.Key, ct);
                await copy.WriteAsync(c.Constituency!, ct);
                await WriteNullableAsync(copy, c.Panel, NpgsqlDbType.Integer, ct);
                await WriteNullableAsync(copy, c.Nuance, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Name, ct);
                await WriteNullableAsync(copy, c.FirstName, NpgsqlDbType.Text, ct);
                await WriteNullableAsync(copy, c.Sex, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Elected, ct);
            }
            await copy.CompleteAsync(ct);
        }

        if (batch.AbroadCommunes.Count > 0)
        {
            await using var abroad = new NpgsqlCommand("""
                INSERT INTO "Communes" ("Code", "Name", "DepartementCode", "Kind", "PostalCodes")
                SELECT code, name, 'ZZ', 'etranger', '{}' FROM unnest(@codes, @names) AS a(code, name)
                ON CONFLICT ("Code") DO NOTHING;
                """, connection);
            abroad.Parameters.AddWithValue("codes", batch.AbroadCommunes.Keys.ToArray());
            abroad.Parameters.AddWithValue("names", batch.AbroadCommunes.Values.ToArray());
            await abroad.ExecuteNonQueryAsync(ct);
        }
        var newStations = 0;
        var candidateIds = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using (var merge = new NpgsqlCommand("""
            WITH added AS (
                INSERT INTO "PollingStations" ("Id", "CommuneCode", "DepartementCode", "Code")
                SELECT id, commune, departement, code FROM import_stations
                ON CONFLICT ("Id") DO NOTHING RETURNING 1)
            SELECT count(*) FROM added;
            """, connection))
            newStations = Convert.ToInt32(await merge.ExecuteScalarAsync(ct));
        await using (var replace = new NpgsqlCommand("""
            DELETE FROM "CandidateVotes" WHERE "ElectionId" = @e AND "StationId" IN (SELECT id FROM import_stations);
            DELETE FROM "StationResults" WHERE "ElectionId" = @e AND "StationId" IN (SELECT id FROM import_stations);
            INSERT INTO "Candidates" ("Id", "ElectionId", "Key", "Constituency", "Panel", "Nuance", "Name", "FirstName", "Sex", "Elected")
            SELECT gen_random_uuid(), @e, key, constituency, panel, nuance, name, first_name, sex, elected FROM import_candidates
            ON CONFLICT ("ElectionId", "Key") DO UPDATE SET "Constituency" = excluded."Constituency", "Panel" = excluded."Panel",
                "Nuance" = excluded."Nuance", "Name" = excluded."Name", "FirstName" = excluded."FirstName", "Sex" = excluded."Sex", "Elected" = excluded."Elected";
            SELECT c."Key", c."Id" FROM "Candidates" c JOIN import_candidates i ON i.key = c."Key" WHERE c."ElectionId" = @e;
            """, connection))
        {
            replace.Parameters.AddWithValue("e", electionId);
            await using var reader = await replace.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) candidateIds[reader.GetString(0)] = reader.GetGuid(1);
        }

        var votes = 0L;
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "StationResults" ("ElectionId", "StationId", "Constituency", "Registered", "Voters", "Abstentions", "Blank", "Null", "Expressed") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            // Synchronous writes into COPY's buffer: an await per field cost more than the rows themselves.
            foreach (var s in batch.Stations)
            {
                ct.ThrowIfCancellationRequested();
                copy.StartRow();
                copy.Write(electionId, NpgsqlDbType.Uuid);
                copy.Write(s.Id);
                copy.Write(s.Constituency!);
                copy.Write(s.Registered);
                copy.Write(s.Voters);
                copy.Write(s.Abstentions);
                copy.Write(s.Blank);
                copy.Write(s.Null);
                copy.Write(s.Expressed);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY "CandidateVotes" ("ElectionId", "StationId", "CandidateId", "Votes") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            var ids = batch.Candidates.Select(c => candidateIds[c.Key]).ToArray();
            foreach (var s in batch.Stations)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var (candidate, count) in s.Votes)
                {
                    copy.StartRow();
                    copy.Write(electionId, NpgsqlDbType.Uuid);
                    copy.Write(s.Id);
                    copy.Write(ids[candidate], NpgsqlDbType.Uuid);
                    copy.Write(count);
                    votes++;
                }
            }
            await copy.CompleteAsync(ct);
        }
        await using (var orphans = new NpgsqlCommand("""
            DELETE FROM "Candidates" c WHERE c."ElectionId" = @e
                AND c."Id" NOT IN (SELECT DISTINCT v."CandidateId" FROM "CandidateVotes" v WHERE v."ElectionId" = @e);
            """, connection))
        {
            orphans.Parameters.AddWithValue("e", electionId);
            await orphans.ExecuteNonQueryAsync(ct);
        }
        var inferred = await InferConstituenciesAsync(connection, electionId, options.Kind, ct);
        if (batch.Stations.Count >= LargeFile)
        {
            // A large file changes the tables' statistics at once: maps and tables would be planned on stale ones until
            // autovacuum came by (a national file made département tiles ten times slower in the meantime).
            await using var analyze = new NpgsqlCommand("ANALYZE \"PollingStations\", \"StationResults\", \"CandidateVotes\", \"Candidates\"", connection);
            await analyze.ExecuteNonQueryAsync(ct);
        }
        if (newStations > 0) await territories.RefreshAsync(null, ct);

        var constituencies = batch.Stations.Select(s => s.Constituency).Distinct().Count();
        return new ImportSummary(
            $"{options.Name}: {batch.Stations.Count} polling stations ({newStations} new), {batch.Candidates.Count} candidates in {constituencies} constituencies"
            + (inferred > 0 ? $" ({inferred} named after an earlier election of the same kind)." : "."),
            new Dictionary<string, long>
            {
                ["stations"] = batch.Stations.Count, ["newStations"] = newStations, ["candidates"] = batch.Candidates.Count,
                ["constituencies"] = constituencies, ["votes"] = votes, ["registered"] = batch.Stations.Sum(s => (long)s.Registered),
            });
    }

    /// <summary>A file without a constituency column gets its constituencies' codes from another election of the same kind
    /// that has them, by the stations they share (most of them); the others keep their derived key.</summary>
    private static async Task<int> InferConstituenciesAsync(NpgsqlConnection connection, Guid electionId, ElectionKind kind, CancellationToken ct)
    {
        await using var infer = new NpgsqlCommand("""
            WITH shared AS (
                SELECT r."Constituency" AS derived, o."Constituency" AS known, count(*) AS n
                FROM "StationResults" r
                JOIN "StationResults" o ON o."StationId" = r."StationId" AND o."ElectionId" <> r."ElectionId" AND o."Constituency" NOT LIKE '%~%'
                JOIN "Elections" e ON e."Id" = o."ElectionId" AND e."Kind" = @kind
                WHERE r."ElectionId" = @e AND r."Constituency" LIKE '%~%'
                GROUP BY 1, 2),
            best AS (SELECT DISTINCT ON (derived) derived, known FROM shared ORDER BY derived, n DESC, known),
            stations AS (UPDATE "StationResults" r SET "Constituency" = best.known FROM best WHERE r."ElectionId" = @e AND r."Constituency" = best.derived RETURNING 1),
            candidates AS (UPDATE "Candidates" c SET "Constituency" = best.known FROM best WHERE c."ElectionId" = @e AND c."Constituency" = best.derived RETURNING 1)
            SELECT count(*) FROM best WHERE (SELECT count(*) FROM stations) >= 0 AND (SELECT count(*) FROM candidates) >= 0;
            """, connection);
        infer.Parameters.AddWithValue("e", electionId);
        infer.Parameters.AddWithValue("kind", kind.ToString());
        return Convert.ToInt32(await infer.ExecuteScalarAsync(ct));
    }

    private async Task<Guid> UpsertElectionAsync(NpgsqlConnection connection, ElectionOptions options, CancellationToken ct)
    {
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO "Elections" ("Id", "Kind", "Date", "Round", "Scope", "Name", "UpdatedAt") VALUES (gen_random_uuid(), @kind, @date, @round, @scope, @name, @now)
            ON CONFLICT ("Kind", "Date", "Round", "Scope") DO UPDATE SET "Name" = excluded."Name", "UpdatedAt" = excluded."UpdatedAt"
            RETURNING "Id";
            """, connection);
        upsert.Parameters.AddWithValue("kind", options.Kind.ToString());
        upsert.Parameters.AddWithValue("date", options.Date);
        upsert.Parameters.AddWithValue("round", options.Round);
        upsert.Parameters.AddWithValue("scope", options.Scope);
        upsert.Parameters.AddWithValue("name", options.Name);
        upsert.Parameters.AddWithValue("now", clock.GetUtcNow().UtcDateTime);
        return (Guid)(await upsert.ExecuteScalarAsync(ct))!;
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, int? value, NpgsqlDbType type, CancellationToken ct) =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);
}
