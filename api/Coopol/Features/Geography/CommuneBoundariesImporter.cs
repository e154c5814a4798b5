using Coopol.Common.Imports;
using Npgsql;

namespace Coopol.Features.Geography;

/// <summary>Commune boundaries (GeoJSON, properties <c>code</c> and <c>nom</c> as in france-geojson / Admin Express).
/// A code missing from the official list is added from the file (boundaries may be older than the list).</summary>
public sealed class CommuneBoundariesImporter(TerritoryService territories) : IImporter
{
    public string Kind => "communes";
    public string Description => "Commune boundaries (GeoJSON)";

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["code-property"] = "the property holding the INSEE code (default: code, INSEE_COM, codeCommune, insee)",
        ["name-property"] = "the property holding the name (default: nom, NOM_COM, name)",
    };

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        string? codeProperty = context.Option("code-property"), nameProperty = context.Option("name-property");
        var features = GeoFeatures.Read(context.FilePath, f => f.Text(codeProperty ?? "code"));
        codeProperty ??= GeoFeatures.Detect(features, "code", "INSEE_COM", "codeCommune", "insee", "CODE_INSEE")
            ?? throw ImportException.File("no feature has a code, INSEE_COM or insee property: give --code-property");
        nameProperty ??= GeoFeatures.Detect(features, "nom", "NOM_COM", "NOM", "name");
        string? Describe(GeoFeature f) => f.Text(codeProperty);

        var rows = new List<StagedPolygon>();
        var seen = new Dictionary<string, int>();
        foreach (var f in features)
        {
            var code = f.Text(codeProperty);
            if (!Commune.IsWellFormedCode(code))
                throw GeoFeatures.Problem(f, Describe, code is null ? $"no {codeProperty}" : $"\"{code}\" is not a commune code (5 characters)");
            if (seen.TryGetValue(code!, out var other)) throw GeoFeatures.Problem(f, Describe, $"commune {code} is already feature {other}");
            seen[code!] = f.Number;
            if (f.Geometry is null)
            {
                context.Warn($"feature {f.Number} ({code}): no geometry, skipped");
                continue;
            }
            rows.Add(new StagedPolygon(code!, f.Text(nameProperty), null, GeoFeatures.Wkb(f.Geometry), $"feature {f.Number} ({code})"));
        }
        var repaired = await PolygonStaging.StageAsync(context.Connection, rows, 4326, ct);
        if (repaired.Count > 0) context.Warn($"{repaired.Count} geometries repaired with ST_MakeValid: {string.Join(", ", repaired.Take(20))}");
        int added;
        await using (var merge = new NpgsqlCommand($$"""
            WITH added AS (
                INSERT INTO "Communes" ("Code", "Name", "DepartementCode", "Kind", "Boundary", "PostalCodes")
                SELECT key, coalesce(name, key), {{Commune.DepartementSql("key")}}, 'boundary', geom, '{}'
                FROM import_polygons
                ON CONFLICT ("Code") DO UPDATE SET "Boundary" = excluded."Boundary"
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted) FROM added;
            """, context.Connection))
            added = Convert.ToInt32(await merge.ExecuteScalarAsync(ct));
        if (added > 0) context.Warn($"{added} communes were not in the official list and were added from this file");
        await territories.RefreshAsync(null, ct);
        return new ImportSummary($"{rows.Count} commune boundaries ({added} communes added, {repaired.Count} geometries repaired).",
            new Dictionary<string, long> { ["boundaries"] = rows.Count, ["addedCommunes"] = added, ["repaired"] = repaired.Count });
    }
}
