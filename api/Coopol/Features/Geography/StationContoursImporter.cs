using Coopol.Common.Imports;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coopol.Features.Geography;

/// <summary>Polling-station contours (GeoJSON). Two id schemes are recognised without options: one property holding
/// <c>&lt;commune&gt;_&lt;bureau&gt;</c> (<c>CODE_BV</c> = "04036_2" in the REU contours, <c>codeBureauVote</c> on
/// data.gouv.fr), or a commune and a bureau number in two properties (<c>DEPCO</c> + <c>BVOTE</c> in Brest métropole's
/// layer). A feature without geometry creates its station without contour and is reported.</summary>
public sealed class StationContoursImporter(TerritoryService territories, IEnumerable<IStationContoursListener> listeners) : IImporter
{
    public string Kind => "station-contours";
    public string Description => "Polling-station contours (GeoJSON)";

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["id-property"] = "a property holding <commune>_<bureau> (default: CODE_BV, codeBureauVote, id_bv)",
        ["commune-property"] = "or the property holding the commune's INSEE code (default: DEPCO, INSEE_COM, codeCommune)",
        ["bureau-property"] = "with the property holding the bureau number (default: BVOTE, BUREAU, numeroBureauVote)",
        ["name-property"] = "the property holding the station's name (default: TITRE, LLIEU, nomBureauVote, NOM)",
        ["address-property"] = "the property holding the polling place's address (default: adresse, ADRESSE)",
    };

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        // Before the properties are known, a problem names the feature by the usual id properties.
        var features = GeoFeatures.Read(context.FilePath, f => f.Text("CODE_BV") ?? f.Text("codeBureauVote")
            ?? (f.Text("DEPCO") is { } commune ? $"{commune} bureau {f.Text("BVOTE")}" : null));
        var idProperty = context.Option("id-property");
        var communeProperty = context.Option("commune-property");
        var bureauProperty = context.Option("bureau-property");
        if (idProperty is null && bureauProperty is null)
        {
            idProperty = GeoFeatures.Detect(features, "CODE_BV", "codeBureauVote", "id_bv");
            if (idProperty is null)
            {
                communeProperty ??= GeoFeatures.Detect(features, "DEPCO", "INSEE_COM", "codeCommune", "code_commune");
                bureauProperty = GeoFeatures.Detect(features, "BVOTE", "BUREAU", "numeroBureauVote", "num_bureau");
            }
        }
        communeProperty ??= GeoFeatures.Detect(features, "INSEE_COM", "codeCommune", "DEPCO");
        if (idProperty is null && (bureauProperty is null || communeProperty is null))
            throw ImportException.File("cannot tell the polling station of a feature: give --id-property, or --commune-property and --bureau-property");
        var nameProperty = context.Option("name-property") ?? GeoFeatures.Detect(features, "TITRE", "LLIEU", "nomBureauVote", "NOM", "nom");
        var addressProperty = context.Option("address-property") ?? GeoFeatures.Detect(features, "adresse", "ADRESSE", "adresseBureauVote");

        var known = await Commune.KnownCodesAsync(context.Db, ct);
        string? Describe(GeoFeature f) => idProperty is not null ? f.Text(idProperty) : $"{f.Text(communeProperty)} bureau {f.Text(bureauProperty)}";

        var rows = new List<StagedPolygon>();
        var seen = new Dictionary<string, int>();
        var withoutGeometry = 0;
        foreach (var f in features)
        {
            string? commune, bureau;
            if (idProperty is not null)
            {
                var id = f.Text(idProperty) ?? throw GeoFeatures.Problem(f, Describe, $"no {idProperty}");
                var underscore = id.LastIndexOf('_');
                commune = underscore > 0 ? id[..underscore] : f.Text(communeProperty);
                bureau = underscore > 0 ? id[(underscore + 1)..] : id;
            }
            else (commune, bureau) = (f.Text(communeProperty), f.Text(bureauProperty));
            if (!Commune.IsWellFormedCode(commune)) throw GeoFeatures.Problem(f, Describe, $"\"{commune}\" is not a commune code");
            if (!known.Contains(commune!)) throw GeoFeatures.Problem(f, Describe, $"unknown commune {commune} (import the official commune list first)");
            var code = PollingStation.NormaliseCode(bureau) ?? throw GeoFeatures.Problem(f, Describe, $"\"{bureau}\" is not a bureau number");
            var stationId = $"{commune}_{code}";
            if (seen.TryGetValue(stationId, out var other)) throw GeoFeatures.Problem(f, Describe, $"polling station {stationId} is already feature {other}");
            seen[stationId] = f.Number;
            if (f.Geometry is null)
            {
                withoutGeometry++;
                context.Warn($"feature {f.Number} ({stationId}): no geometry; the station is kept without a contour");
            }
            var name = Clip(NormaliseSpaces(f.Text(nameProperty)), 200);
            rows.Add(new StagedPolygon(stationId, name, Clip(f.Text(addressProperty), 300), f.Geometry is null ? null : GeoFeatures.Wkb(f.Geometry), $"feature {f.Number} ({stationId})"));
        }
        var repaired = await PolygonStaging.StageAsync(context.Connection, rows, 4326, ct);
        if (repaired.Count > 0) context.Warn($"{repaired.Count} contours repaired with ST_MakeValid: {string.Join(", ", repaired.Take(20))}");
        int added;
        await using (var merge = new NpgsqlCommand($$"""
            WITH merged AS (
                INSERT INTO "PollingStations" ("Id", "CommuneCode", "DepartementCode", "Code", "Name", "Address", "Contour", "Location")
                SELECT key, split_part(key, '_', 1), {{Commune.DepartementSql("key")}},
                       split_part(key, '_', 2), name, extra, geom, ST_PointOnSurface(geom)
                FROM import_polygons
                ON CONFLICT ("Id") DO UPDATE SET
                    "Name" = coalesce(excluded."Name", "PollingStations"."Name"),
                    "Address" = coalesce(excluded."Address", "PollingStations"."Address"),
                    "Contour" = coalesce(excluded."Contour", "PollingStations"."Contour"),
                    "Location" = coalesce(excluded."Location", "PollingStations"."Location")
                RETURNING xmax = 0 AS inserted)
            SELECT count(*) FILTER (WHERE inserted) FROM merged;
            """, context.Connection))
            added = Convert.ToInt32(await merge.ExecuteScalarAsync(ct));
        await territories.RefreshAsync(null, ct);
        var communes = rows.Select(r => r.Key.Split('_')[0]).Distinct().ToList();
        foreach (var listener in listeners) await listener.StationContoursImportedAsync(context.Connection, communes, ct);
        return new ImportSummary(
            $"{rows.Count} polling stations ({added} new), {rows.Count - withoutGeometry} contours, {withoutGeometry} without geometry, {repaired.Count} repaired.",
            new Dictionary<string, long> { ["stations"] = rows.Count, ["newStations"] = added, ["withoutGeometry"] = withoutGeometry, ["repaired"] = repaired.Count });
    }

    private static string? Clip(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    private static string? NormaliseSpaces(string? s) => s is null ? null : string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
