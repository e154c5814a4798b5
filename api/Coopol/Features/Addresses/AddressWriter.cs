using Npgsql;

namespace Coopol.Features.Addresses;

/// <summary>An address checked and ready to be written.</summary>
public sealed record AddressRow(string Key, string CommuneCode, string StreetName, int Number, string? Suffix, string Label, double Longitude, double Latitude);

public sealed record AddressWriteCounts(long New, long Changed, long Retired, long InStation);

/// <summary>Writes addresses inside the caller's transaction: binary COPY into a temporary table, then one upsert by key
/// (ids stay, so doors and their reports stay), a building with one door for each new address, the polling station of
/// each address, and the addresses of the same communes absent from the rows marked retired.</summary>
public static class AddressWriter
{
    public static async Task<AddressWriteCounts> WriteAsync(NpgsqlConnection connection, IReadOnlyCollection<AddressRow> rows, bool generated, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand("""
            DROP TABLE IF EXISTS import_addresses;
            CREATE TEMP TABLE import_addresses (key text PRIMARY KEY, commune text, street text, number int, suffix text, label text, lon float8, lat float8) ON COMMIT DROP;
            """, connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_addresses FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                copy.StartRow();
                copy.Write(row.Key);
                copy.Write(row.CommuneCode);
                copy.Write(row.StreetName);
                copy.Write(row.Number);
                if (row.Suffix is null) copy.WriteNull(); else copy.Write(row.Suffix);
                copy.Write(row.Label);
                copy.Write(row.Longitude);
                copy.Write(row.Latitude);
            }
            await copy.CompleteAsync(ct);
        }
        long added, changed, retired;
        await using (var merge = new NpgsqlCommand("""
            WITH merged AS (
                INSERT INTO "Addresses" ("Key", "CommuneCode", "StreetName", "Number", "Suffix", "Label", "Point", "Generated", "Retired")
                SELECT key, commune, street, number, suffix, label, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography, @generated, false
                FROM import_addresses
                ON CONFLICT ("Key") DO UPDATE SET "CommuneCode" = excluded."CommuneCode", "StreetName" = excluded."StreetName",
                    "Number" = excluded."Number", "Suffix" = excluded."Suffix", "Label" = excluded."Label", "Point" = excluded."Point",
                    "Generated" = excluded."Generated", "Retired" = false
                WHERE ("Addresses"."CommuneCode", "Addresses"."StreetName", "Addresses"."Number", "Addresses"."Suffix", "Addresses"."Label",
                       "Addresses"."Generated", "Addresses"."Retired")
                      IS DISTINCT FROM (excluded."CommuneCode", excluded."StreetName", excluded."Number", excluded."Suffix", excluded."Label",
                       excluded."Generated", false)
                   OR NOT ST_Equals("Addresses"."Point"::geometry, excluded."Point"::geometry)
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM merged;
            -- Statements apart: a statement's parts do not see each other's rows.
            WITH new_buildings AS (
                INSERT INTO "Buildings" ("AddressId")
                SELECT a."Id" FROM "Addresses" a JOIN import_addresses i ON i.key = a."Key"
                WHERE NOT EXISTS (SELECT 1 FROM "Buildings" b WHERE b."AddressId" = a."Id")
                RETURNING "Id")
            INSERT INTO "Doors" ("BuildingId", "Position", "Label") SELECT "Id", 1, '1' FROM new_buildings;
            WITH retired AS (
                UPDATE "Addresses" a SET "Retired" = true
                WHERE a."CommuneCode" IN (SELECT DISTINCT commune FROM import_addresses) AND NOT a."Retired"
                  AND NOT EXISTS (SELECT 1 FROM import_addresses i WHERE i.key = a."Key")
                RETURNING 1)
            SELECT count(*) FROM retired;
            """, connection))
        {
            merge.Parameters.AddWithValue("generated", generated);
            await using var reader = await merge.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (added, changed) = (reader.GetInt64(0), reader.GetInt64(1));
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            retired = reader.GetInt64(0);
        }
        var communes = rows.Select(r => r.CommuneCode).Distinct().ToArray();
        await AddressStations.RefreshAsync(connection, communes, ct);
        await using var inStation = new NpgsqlCommand(
            """SELECT count(*) FROM "Addresses" a JOIN import_addresses i ON i.key = a."Key" WHERE a."StationId" IS NOT NULL""", connection);
        return new AddressWriteCounts(added, changed, retired, Convert.ToInt64(await inStation.ExecuteScalarAsync(ct)));
    }
}
