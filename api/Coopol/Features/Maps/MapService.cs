using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coopol.Features.Maps;

/// <summary>What a layer shows over the caller's ground: its class breaks and extent.</summary>
public sealed record LayerInfo(string Layer, string Label, string Unit, IReadOnlyList<double> Breaks, double? Min, double? Max, int Zones, IReadOnlyList<double>? Bounds);

/// <summary>One layer the map offers for an election.</summary>
public sealed record LayerChoice(string Layer, string Label, string Group);

/// <summary>Vector tiles, layer legends and GeoJSON exports, all made by PostGIS from one zone query.</summary>
public sealed class MapService(CoopolDbContext db, CallerContext caller, Microsoft.Extensions.Options.IOptions<Privacy.PrivacyOptions> privacy)
{
    /// <summary>Zoom levels served; beyond 16 a polling station fills the screen.</summary>
    public const int MaxZoom = 16;

    public async Task<byte[]> TileAsync(MapLayer layer, Guid? election, Guid? compareTo, int z, int x, int y, CancellationToken ct)
    {
        if (z is < 0 or > MaxZoom || x < 0 || y < 0 || x >= 1 << z || y >= 1 << z) throw new TileOutOfRangeException();
        var scope = await StationScope.OfCallerAsync(caller, ct);
        var (e, c, indicator, reach) = await ResolveAsync(layer, election, compareTo, ct);
        // Simplified to half a pixel of a 512-pixel tile: invisible at that zoom, far fewer vertices.
        var tolerance = 40075016.686 / (512.0 * (1 << z)) / 2;
        var sql = $"""
            WITH {ZoneQuery.Sql(layer, c is not null, scope, Territory.Everything, inBox: true)}
            SELECT ST_AsMVT(t, 'zones', 4096, 'geom') FROM (
                SELECT id, name, level, round(value::numeric, 2)::float8 AS value,
                       ST_AsMVTGeom(ST_SimplifyPreserveTopology(ST_Transform(geom, 3857), @tolerance), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS geom
                FROM valued OFFSET 0) t
            WHERE geom IS NOT NULL
            """;
        await using var command = await db.CommandAsync(sql, ct);
        ZoneQuery.AddParameters(command, layer, e, c, indicator, scope, Territory.Everything, reach, privacy.Value.Minimum);
        command.Parameters.AddWithValue("z", z);
        command.Parameters.AddWithValue("x", x);
        command.Parameters.AddWithValue("y", y);
        command.Parameters.AddWithValue("tolerance", tolerance);
        return await command.ExecuteScalarAsync(ct) as byte[] ?? [];
    }

    public async Task<LayerInfo> InfoAsync(MapLayer layer, Guid? election, Guid? compareTo, Territory territory, CancellationToken ct)
    {
        var scope = await StationScope.OfCallerAsync(caller, ct);
        var (e, c, indicator, reach) = await ResolveAsync(layer, election, compareTo, ct);
        var sql = $"""
            WITH {ZoneQuery.Sql(layer, c is not null, scope, territory, inBox: false)}
            SELECT percentile_cont(ARRAY[0.2, 0.4, 0.6, 0.8]) WITHIN GROUP (ORDER BY value) FILTER (WHERE value IS NOT NULL),
                   min(value), max(value), count(value)::int,
                   ST_XMin(ST_Extent(geom)), ST_YMin(ST_Extent(geom)), ST_XMax(ST_Extent(geom)), ST_YMax(ST_Extent(geom))
            FROM valued
            """;
        await using var command = await db.CommandAsync(sql, ct);
        ZoneQuery.AddParameters(command, layer, e, c, indicator, scope, territory, reach, privacy.Value.Minimum);
        double[] breaks;
        double? min, max;
        int zones;
        double[]? bounds;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            breaks = reader.IsDBNull(0) ? [] : ((double[])reader.GetValue(0)).Select(b => Math.Round(b, 2)).Distinct().ToArray();
            (min, max, zones) = (reader.IsDBNull(1) ? null : reader.GetDouble(1), reader.IsDBNull(2) ? null : reader.GetDouble(2), reader.GetInt32(3));
            bounds = reader.IsDBNull(4) ? null : [reader.GetDouble(4), reader.GetDouble(5), reader.GetDouble(6), reader.GetDouble(7)];
        }
        var label = await LabelAsync(layer, ct);
        var unit = layer.Kind != LayerKind.Indicator ? layer.Unit : await db.Set<Indicator>().Where(i => i.Id == indicator).Select(i => i.Unit).FirstOrDefaultAsync(ct) ?? "";
        return new LayerInfo(layer.Name, label, unit, breaks, min, max, zones, bounds);
    }

    /// <summary>At most this many zones in one GeoJSON export (a département's stations; not the nation's).</summary>
    public const int MaxGeoJsonZones = 5_000;

    /// <summary>The zones of a layer as RFC 7946 GeoJSON (longitude/latitude, 6 decimals ≈ 10 cm, simplified to about a
    /// metre), for a territory of at most <see cref="MaxGeoJsonZones"/> zones.</summary>
    public async Task<string> GeoJsonAsync(MapLayer layer, Guid? election, Guid? compareTo, Territory territory, CancellationToken ct)
    {
        var scope = await StationScope.OfCallerAsync(caller, ct);
        var (e, c, indicator, reach) = await ResolveAsync(layer, election, compareTo, ct);
        var sql = $"""
            WITH {ZoneQuery.Sql(layer, c is not null, scope, territory, inBox: false)}
            SELECT CASE WHEN (SELECT count(*) FROM valued) > {MaxGeoJsonZones} THEN NULL ELSE (SELECT json_build_object('type', 'FeatureCollection', 'features', coalesce(json_agg(json_build_object(
                'type', 'Feature', 'id', id,
                'properties', json_build_object('id', id, 'name', name, 'level', level, 'layer', @layer_name, 'value', round(value::numeric, 2)),
                'geometry', ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(geom, 0.00001)), 6)::json) ORDER BY id), '[]'::json))::text
            FROM valued) END
            """;
        await using var command = await db.CommandAsync(sql, ct);
        ZoneQuery.AddParameters(command, layer, e, c, indicator, scope, territory, reach, privacy.Value.Minimum);
        command.Parameters.AddWithValue("layer_name", layer.Name);
        return await command.ExecuteScalarAsync(ct) as string ?? throw new GeoJsonTooLargeException();
    }

    /// <summary>The layers an election offers: participation, each bloc and nuance present, each candidate, and the
    /// indicators imported.</summary>
    public async Task<IReadOnlyList<LayerChoice>> ChoicesAsync(Guid election, CancellationToken ct)
    {
        var scope = await StationScope.OfCallerAsync(caller, ct);
        var choices = new List<LayerChoice> { new("turnout", "Participation", "participation"), new("abstention", "Abstention", "participation") };
        // Only the candidates who stood somewhere in the caller's ground.
        var candidatesHere = db.Set<Candidate>().Where(c => c.ElectionId == election);
        if (!scope.Everywhere)
        {
            var stationsHere = scope.Filter(db.Set<PollingStation>(), db).Select(s => s.Id);
            var standingHere = db.Set<CandidateVote>().Where(v => v.ElectionId == election && stationsHere.Contains(v.StationId)).Select(v => v.CandidateId).Distinct();
            candidatesHere = candidatesHere.Where(c => standingHere.Contains(c.Id));
        }
        var blocs = await candidatesHere
            .Join(db.Set<NuanceBloc>().Where(n => db.Set<BlocScheme>().Any(s => s.IsDefault && s.Id == n.SchemeId)), c => c.Nuance, n => n.Nuance, (c, n) => n)
            .Select(n => new { n.Bloc, n.BlocName, n.BlocOrder }).Distinct().OrderBy(b => b.BlocOrder).ToListAsync(ct);
        choices.AddRange(blocs.Select(b => new LayerChoice($"bloc.{b.Bloc}", b.BlocName, "bloc")));
        var nuances = await candidatesHere.Where(c => c.Nuance != null).Select(c => c.Nuance!).Distinct().OrderBy(n => n).ToListAsync(ct);
        choices.AddRange(nuances.Select(n => new LayerChoice($"nuance.{n}", n, "nuance")));
        var candidates = await candidatesHere.OrderBy(c => c.Constituency).ThenBy(c => c.Panel).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.FirstName, c.Nuance }).ToListAsync(ct);
        choices.AddRange(candidates.Select(c => new LayerChoice($"candidate.{c.Id:N}",
            string.Join(" ", new[] { c.FirstName, c.Name }.OfType<string>()) + (c.Nuance is null ? "" : $" ({c.Nuance})"), "candidate")));
        var indicators = await db.Set<Indicator>().OrderBy(i => i.Label).Select(i => new { i.Code, i.Label }).ToListAsync(ct);
        choices.AddRange(indicators.Select(i => new LayerChoice($"indicator.{i.Code}", i.Label, "indicator")));
        if (!(await caller.GetRightsAsync(ct)).ReachOf(Permission.ManageActions).IsEmpty)
            choices.AddRange([new("field.doors", "Portes frappées", "field"), new("field.contacts", "Contacts", "field")]);
        return choices;
    }

    private async Task<string> LabelAsync(MapLayer layer, CancellationToken ct)
    {
        var label = layer.Kind switch
        {
            LayerKind.Turnout => "Participation",
            LayerKind.Abstention => "Abstention",
            LayerKind.Bloc => await db.Set<NuanceBloc>().Where(n => n.Bloc == layer.Key).Select(n => n.BlocName).FirstOrDefaultAsync(ct) ?? layer.Key!,
            LayerKind.Nuance => layer.Key!,
            LayerKind.Candidate => await db.Set<Candidate>().Where(c => c.Id == layer.CandidateId).Select(c => c.Name).FirstOrDefaultAsync(ct) ?? "?",
            LayerKind.Field => layer.Key == "contacts" ? "Contacts" : "Portes frappées",
            _ => await db.Set<Indicator>().Where(i => i.Code == layer.Key).Select(i => i.Label).FirstOrDefaultAsync(ct) ?? layer.Key!,
        };
        return layer.Change ? $"{label} (évolution)" : label;
    }

    private async Task<(Guid? Election, Guid? Compare, Guid? Indicator, Reach? FieldReach)> ResolveAsync(MapLayer layer, Guid? election, Guid? compareTo,
        CancellationToken ct)
    {
        if (layer.Kind == LayerKind.Field)
        {
            // Field work is for those who organize it, over the sections they organize for.
            var reach = (await caller.GetRightsAsync(ct)).ReachOf(Permission.ManageActions);
            if (reach.IsEmpty) throw new ForbiddenException("Field work is shown to those who organize actions.");
            return (null, null, null, reach);
        }
        if (!layer.IsResults)
        {
            var indicator = await db.Set<Indicator>().Where(i => i.Code == layer.Key).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            return (null, null, indicator ?? throw new UnknownLayerException(layer.Name), null);
        }
        if (election is null || !await db.Set<Election>().AnyAsync(e => e.Id == election, ct)) throw new ElectionNotFoundException();
        if (layer.Change && (compareTo is null || !await db.Set<Election>().AnyAsync(e => e.Id == compareTo, ct)))
            throw InputValidationException.For("compareTo", "REQUIRED", "A change layer needs the election to compare with.");
        return (election, layer.Change ? compareTo : null, null, null);
    }
}

public sealed class TileOutOfRangeException() : CoopolException("TILE_NOT_FOUND", $"Tiles exist for zoom 0 to {MapService.MaxZoom}, x and y within the zoom's grid.");

public sealed class GeoJsonTooLargeException()
    : CoopolException("GEOJSON_TOO_LARGE", $"A GeoJSON export holds at most {MapService.MaxGeoJsonZones} zones: choose a federation, a commune or a section (within=).");

