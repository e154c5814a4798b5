using Coopol.Access;
using Coopol.Features.Geography;
using Npgsql;

namespace Coopol.Features.Maps;

/// <summary>Where a map's zones come from: a territory to keep to (a federation, a commune, a section), if any.</summary>
public sealed record Territory(string? Departement, string? Commune, Guid? Section)
{
    public static readonly Territory Everything = new(null, null, null);
}

/// <summary>Builds the SQL of a layer's zones with their value — polling stations with a contour, and communes (their
/// stations' results added up) where no station contour is known; or IRIS, and communes where IRIS contours are
/// missing, for indicators — kept to the caller's scope, a territory and, for tiles, a bounding box.</summary>
public static class ZoneQuery
{
    /// <summary>The tile's bounding box in degrees, with a margin for labels and strokes, kept within the Web-Mercator world:
    /// a margin past ±180° would wrap into a box around the whole globe.</summary>
    private const string Box = """
        box AS (SELECT ST_Transform(ST_Intersection(ST_TileEnvelope(@z, @x, @y, margin => 0.015625),
            ST_MakeEnvelope(-20037508.342789244, -20037508.342789244, 20037508.342789244, 20037508.342789244, 3857)), 4326) AS b4326),
        """;

    /// <summary>A CTE named <c>valued(id, name, level, geom, value)</c>, to be followed by a SELECT.</summary>
    public static string Sql(MapLayer layer, bool compare, StationScope scope, Territory territory, bool inBox) => layer.Kind switch
    {
        LayerKind.Indicator => Indicator(scope, territory, inBox),
        LayerKind.Field => Field(layer, scope, territory, inBox),
        _ => Results(layer, compare, scope, territory, inBox),
    };

    /// <summary><paramref name="fieldReach"/>: whose door reports a field layer counts (the viewer's MANAGE_ACTIONS).</summary>
    public static void AddParameters(NpgsqlCommand command, MapLayer layer, Guid? election, Guid? compareTo, Guid? indicator,
        StationScope scope, Territory territory, Reach? fieldReach = null, int smallCount = 5)
    {
        scope.AddTo(command);
        if (fieldReach is { } reach)
        {
            command.Parameters.AddWithValue("field_everywhere", reach.Everywhere);
            command.Parameters.AddWithValue("field_small", smallCount);
            command.Parameters.Add(new NpgsqlParameter("field_federations", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = reach.FederationCodes.ToArray() });
            command.Parameters.Add(new NpgsqlParameter("field_sections", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid) { Value = reach.SectionIds.ToArray() });
        }
        if (election is { } e) command.Parameters.AddWithValue("election", e);
        if (compareTo is { } c) command.Parameters.AddWithValue("compare", c);
        if (indicator is { } i) command.Parameters.AddWithValue("indicator", i);
        if (layer.Kind is LayerKind.Bloc or LayerKind.Nuance) command.Parameters.AddWithValue("layer_key", layer.Key!);
        if (layer.CandidateId is { } candidate) command.Parameters.AddWithValue("layer_candidate", candidate);
        if (territory.Departement is { } d) command.Parameters.AddWithValue("territory_departement", d);
        if (territory.Commune is { } m) command.Parameters.AddWithValue("territory_commune", m);
        if (territory.Section is { } s) command.Parameters.AddWithValue("territory_section", s);
    }

    private static string StationTerritory(Territory t, string s) => string.Join(" AND ", new[]
    {
        t.Departement is null ? null : $"{s}.\"DepartementCode\" = @territory_departement",
        t.Commune is null ? null : $"{s}.\"CommuneCode\" = @territory_commune",
        t.Section is null ? null : $"EXISTS (SELECT 1 FROM \"SectionStations\" tss WHERE tss.\"StationId\" = {s}.\"Id\" AND tss.\"SectionId\" = @territory_section)",
    }.OfType<string>().DefaultIfEmpty("TRUE"));

    private static string Results(MapLayer layer, bool compare, StationScope scope, Territory territory, bool inBox)
    {
        var (num, den) = layer.ResultsSql;
        var value = compare
            ? "CASE WHEN den > 0 AND cden > 0 THEN 100.0 * num / den - 100.0 * cnum / cden END"
            : "CASE WHEN den > 0 THEN 100.0 * num / den END";
        // Two indexable halves instead of one OR (which no index serves, and which the planner cannot estimate): stations
        // whose contour meets the tile, and stations without contour in communes whose boundary meets it.
        string Stations(bool withContour) => $"""
                SELECT s."Id", s."CommuneCode", s."Contour", coalesce(s."Name", 'Bureau ' || s."Code") AS name,
                       r.num, r.den, {(compare ? "c.num AS cnum, c.den AS cden" : "NULL::bigint AS cnum, NULL::bigint AS cden")}
                FROM "PollingStations" s
                JOIN LATERAL (SELECT ({num})::bigint AS num, ({den})::bigint AS den FROM "StationResults" r WHERE r."ElectionId" = @election AND r."StationId" = s."Id") r ON TRUE
                {(compare ? $"JOIN LATERAL (SELECT ({num})::bigint AS num, ({den})::bigint AS den FROM \"StationResults\" r WHERE r.\"ElectionId\" = @compare AND r.\"StationId\" = s.\"Id\") c ON TRUE" : "")}
                WHERE {scope.Condition("s")} AND {StationTerritory(territory, "s")} AND r.num IS NOT NULL
                  AND {(withContour
                      ? (inBox ? "s.\"Contour\" && (SELECT b4326 FROM box)" : "s.\"Contour\" IS NOT NULL")
                      : (inBox ? "s.\"Contour\" IS NULL AND s.\"CommuneCode\" IN (SELECT bc.\"Code\" FROM \"Communes\" bc WHERE bc.\"Boundary\" && (SELECT b4326 FROM box))"
                               : "s.\"Contour\" IS NULL"))}
                """;
        return $"""
            {(inBox ? Box : "")}
            sv AS (
                {Stations(withContour: true)}
                UNION ALL
                {Stations(withContour: false)}),
            zones AS (
                SELECT "Id" AS id, name, 'station' AS level, "Contour" AS geom, num, den, cnum, cden FROM sv WHERE "Contour" IS NOT NULL
                UNION ALL
                SELECT c."Code", c."Name", 'commune', c."Boundary", sum(sv.num), sum(sv.den), sum(sv.cnum), sum(sv.cden)
                FROM sv JOIN "Communes" c ON c."Code" = sv."CommuneCode"
                WHERE sv."Contour" IS NULL AND c."Boundary" IS NOT NULL
                  AND NOT EXISTS (SELECT 1 FROM "PollingStations" o WHERE o."CommuneCode" = c."Code" AND o."Contour" IS NOT NULL AND {scope.Condition("o")})
                GROUP BY c."Code", c."Name", c."Boundary"),
            valued AS (SELECT id, name, level, geom, ({value})::float8 AS value FROM zones)
            """;
    }

    /// <summary>Field work per polling station with a contour (door reports carry their address's station): doors knocked
    /// or contacts made, counting the reports of the sections the viewer organizes for. A count from 1 to Privacy:SmallCountMinimum − 1 is withheld
    /// (no value): so few doors would point at households.</summary>
    private static string Field(MapLayer layer, StationScope scope, Territory territory, bool inBox)
    {
        var filter = layer.Key == "contacts" ? $"AND r.\"Outcome\" IN ({Canvassing.DoorReport.ContactOutcomesSql})" : "";
        return $"""
            {(inBox ? Box : "")}
            zones AS (
                SELECT s."Id" AS id, coalesce(s."Name", 'Bureau ' || s."Code") AS name, 'station' AS level, s."Contour" AS geom,
                       (SELECT count(*) FROM "DoorReports" r WHERE r."StationId" = s."Id" {filter}
                          AND (@field_everywhere OR r."FederationCode" = ANY(@field_federations) OR r."SectionId" = ANY(@field_sections))) AS n
                FROM "PollingStations" s
                WHERE {scope.Condition("s")} AND {StationTerritory(territory, "s")}
                  AND {(inBox ? "s.\"Contour\" && (SELECT b4326 FROM box)" : "s.\"Contour\" IS NOT NULL")}),
            valued AS (SELECT id, name, level, geom, (CASE WHEN n > 0 AND n < @field_small THEN NULL ELSE n END)::float8 AS value FROM zones)
            """;
    }

    /// <summary>Indicators: IRIS with a contour, and communes (their IRIS added up or averaged, or their own value) where
    /// no IRIS contour is known. A zone is in scope when it is in a reached département, or, for a section, when the
    /// section's territory holds the IRIS's inner point or overlaps the commune (touching it is not enough) (a commune's INSEE figures are public).</summary>
    private static string Indicator(StationScope scope, Territory territory, bool inBox)
    {
        // An IRIS belongs to a section's ground when the territory holds its inner point; a commune's figure (public INSEE
        // data) when the section works in that commune: one of its areas, or holds some of its stations.
        string InSections(string sections, string code, string geom, bool iris) => iris
            ? $"""
              EXISTS (SELECT 1 FROM "Sections" scope_sec WHERE scope_sec."Id" = ANY({sections}) AND scope_sec."Territory" IS NOT NULL
                      AND ST_Intersects(scope_sec."Territory", ST_PointOnSurface({geom})))
              """
            : $"""
              (EXISTS (SELECT 1 FROM "SectionAreas" scope_sa WHERE scope_sa."SectionId" = ANY({sections}) AND scope_sa."CommuneCode" = {code})
               OR EXISTS (SELECT 1 FROM "SectionStations" scope_ss JOIN "PollingStations" scope_ps ON scope_ps."Id" = scope_ss."StationId"
                          WHERE scope_ss."SectionId" = ANY({sections}) AND scope_ps."CommuneCode" = {code}))
              """;
        string InScope(string code, string geom, bool iris) => scope.Everywhere ? "TRUE" : $"""
            (left({code}, 2) = ANY(@scope_departements) OR left({code}, 3) = ANY(@scope_departements)
             OR {InSections("@scope_sections", code, geom, iris)})
            """;
        string InTerritory(string code, string geom, bool iris) => string.Join(" AND ", new[]
        {
            territory.Departement is null ? null : $"(left({code}, 2) = @territory_departement OR left({code}, 3) = @territory_departement)",
            territory.Commune is null ? null : $"{code} = @territory_commune",
            territory.Section is null ? null : InSections("ARRAY[@territory_section]", code, geom, iris),
        }.OfType<string>().DefaultIfEmpty("TRUE"));
        return $"""
            {(inBox ? Box : "")}
            ind AS (SELECT "Aggregation" FROM "Indicators" WHERE "Id" = @indicator),
            zones AS (
                SELECT i."Code" AS id, i."Name" AS name, 'iris' AS level, i."Boundary" AS geom, v."Value" AS value
                FROM "IrisZones" i {(inBox ? "CROSS JOIN box" : "")}
                JOIN "IndicatorValues" v ON v."IndicatorId" = @indicator AND v."ZoneCode" = i."Code"
                WHERE i."Boundary" IS NOT NULL {(inBox ? "AND i.\"Boundary\" && box.b4326" : "")}
                  AND {InScope("i.\"CommuneCode\"", "i.\"Boundary\"", true)} AND {InTerritory("i.\"CommuneCode\"", "i.\"Boundary\"", true)}
                UNION ALL
                SELECT c."Code", c."Name", 'commune', c."Boundary",
                       CASE WHEN (SELECT "Aggregation" FROM ind) = 'Sum' THEN sum(v."Value") ELSE avg(v."Value") END
                FROM "Communes" c {(inBox ? "CROSS JOIN box" : "")}
                JOIN "IndicatorValues" v ON v."IndicatorId" = @indicator AND left(v."ZoneCode", 5) = c."Code"
                WHERE c."Boundary" IS NOT NULL {(inBox ? "AND c.\"Boundary\" && box.b4326" : "")}
                  AND NOT EXISTS (SELECT 1 FROM "IrisZones" i WHERE i."CommuneCode" = c."Code" AND i."Boundary" IS NOT NULL)
                  AND {InScope("c.\"Code\"", "c.\"Boundary\"", false)} AND {InTerritory("c.\"Code\"", "c.\"Boundary\"", false)}
                GROUP BY c."Code", c."Name", c."Boundary"),
            valued AS (SELECT id, name, level, geom, value::float8 AS value FROM zones)
            """;
    }
}
