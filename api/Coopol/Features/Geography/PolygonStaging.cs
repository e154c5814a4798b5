using Coopol.Common.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Geography;

/// <summary>Polygons on their way in: copied (binary COPY) into a temporary table of the import's transaction, repaired
/// there with ST_MakeValid when invalid, and rejected with their id when nothing polygonal is left.</summary>
public sealed record StagedPolygon(string Key, string? Name, string? Extra, byte[]? Wkb, string Where);

public static class PolygonStaging
{
    /// <summary>Fills <c>import_polygons(key, name, extra, geom)</c> with SRID 4326 geometries (reprojected from
    /// <paramref name="srid"/>), repaired; returns the keys of those that were repaired.</summary>
    public static async Task<List<string>> StageAsync(NpgsqlConnection connection, IEnumerable<StagedPolygon> rows, int srid, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE import_polygons (key text PRIMARY KEY, name text, extra text, wkb bytea, geom geometry, repaired boolean, place text) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_polygons (key, name, extra, wkb, place) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(row.Key, ct);
                if (row.Name is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(row.Name, ct);
                if (row.Extra is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(row.Extra, ct);
                if (row.Wkb is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(row.Wkb, NpgsqlDbType.Bytea, ct);
                await copy.WriteAsync(row.Where, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var repair = new NpgsqlCommand($"""
            UPDATE import_polygons SET geom = ST_Transform(ST_SetSRID(ST_GeomFromWKB(wkb), {srid}), 4326) WHERE wkb IS NOT NULL;
            UPDATE import_polygons SET repaired = NOT ST_IsValid(geom) WHERE geom IS NOT NULL;
            UPDATE import_polygons SET geom = ST_Multi(ST_CollectionExtract(ST_MakeValid(geom), 3)) WHERE repaired;
            UPDATE import_polygons SET geom = ST_Multi(geom) WHERE geom IS NOT NULL AND NOT repaired;
            """, connection))
            await repair.ExecuteNonQueryAsync(ct);
        await using (var broken = new NpgsqlCommand("SELECT place FROM import_polygons WHERE repaired AND (geom IS NULL OR ST_IsEmpty(geom)) LIMIT 1", connection))
            if (await broken.ExecuteScalarAsync(ct) is string place)
                throw new ImportException(place, "the geometry is invalid and cannot be repaired into a polygon");
        var repairedKeys = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT key FROM import_polygons WHERE repaired ORDER BY key", connection))
        await using (var reader = await list.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) repairedKeys.Add(reader.GetString(0));
        return repairedKeys;
    }
}
