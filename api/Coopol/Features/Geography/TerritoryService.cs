using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coopol.Features.Geography;

/// <summary>Keeps what derives from sections' areas up to date: the stations each section covers, and its territory (the
/// union of its communes' boundaries and its stations' contours). Called when areas change and after every geography
/// import, inside the caller's transaction.</summary>
public sealed class TerritoryService(CoopolDbContext db)
{
    /// <summary>Recomputes the given sections, or every section that has areas when <paramref name="sectionIds"/> is null.</summary>
    public async Task RefreshAsync(IReadOnlyCollection<Guid>? sectionIds, CancellationToken ct)
    {
        var all = sectionIds is null;
        var ids = sectionIds?.ToArray() ?? [];
        await db.Database.ExecuteSqlRawAsync("""
            DELETE FROM "SectionStations" WHERE @all OR "SectionId" = ANY(@ids);
            INSERT INTO "SectionStations" ("SectionId", "StationId")
            SELECT DISTINCT a."SectionId", s."Id"
            FROM "SectionAreas" a
            JOIN "PollingStations" s ON s."Id" = a."StationId" OR s."CommuneCode" = a."CommuneCode"
            WHERE @all OR a."SectionId" = ANY(@ids);
            UPDATE "Sections" sec SET "Territory" = t.geom
            FROM (
                SELECT x."Id", (
                    SELECT ST_Multi(ST_CollectionExtract(ST_Union(coalesce(c."Boundary", s."Contour")), 3))
                    FROM "SectionAreas" a
                    LEFT JOIN "Communes" c ON c."Code" = a."CommuneCode"
                    LEFT JOIN "PollingStations" s ON s."Id" = a."StationId"
                    WHERE a."SectionId" = x."Id") AS geom
                FROM "Sections" x
                WHERE (@all AND EXISTS (SELECT 1 FROM "SectionAreas" a WHERE a."SectionId" = x."Id")) OR x."Id" = ANY(@ids)
            ) t
            WHERE sec."Id" = t."Id";
            """, [new NpgsqlParameter("all", all), new NpgsqlParameter("ids", ids)], ct);
    }
}
