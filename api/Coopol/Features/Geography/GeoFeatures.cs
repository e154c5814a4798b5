using System.Text.Json;
using Coopol.Common.Imports;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Converters;

namespace Coopol.Features.Geography;

/// <summary>One feature of a GeoJSON file: its position (1-based), properties and polygonal geometry (null when the file
/// gives none).</summary>
public sealed record GeoFeature(int Number, JsonElement Properties, MultiPolygon? Geometry)
{
    public string? Text(string? property) =>
        property is not null && Properties.ValueKind == JsonValueKind.Object && Properties.TryGetProperty(property, out var v)
            ? v.ValueKind switch
            {
                JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s.Trim() : null,
                JsonValueKind.Number => v.GetRawText(),
                _ => null,
            }
            : null;

    public bool Has(string property) => Properties.ValueKind == JsonValueKind.Object && Properties.TryGetProperty(property, out _);
}

/// <summary>Reads GeoJSON as published: a FeatureCollection or a single Feature, WGS 84 longitude/latitude (RFC 7946),
/// Polygon or MultiPolygon geometries. A problem names the feature ("feature 12 (04036_2)").</summary>
public static class GeoFeatures
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public static List<GeoFeature> Read(string path, Func<GeoFeature, string?> describe)
    {
        JsonDocument document;
        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length == 0) throw ImportException.File("the file is empty");
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException e)
        {
            throw ImportException.File($"the file is not valid JSON (line {e.LineNumber + 1}): a truncated file?");
        }
        using (document)
        {
            var root = document.RootElement;
            var type = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var t) ? t.GetString() : null;
            IEnumerable<JsonElement> features = type switch
            {
                "FeatureCollection" when root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array => f.EnumerateArray(),
                "Feature" => [root],
                _ => throw ImportException.File("the file is not a GeoJSON FeatureCollection or Feature"),
            };
            var list = new List<GeoFeature>();
            var number = 0;
            foreach (var element in features)
            {
                number++;
                var properties = element.TryGetProperty("properties", out var p) ? p.Clone() : default;
                var feature = new GeoFeature(number, properties, null);
                if (!element.TryGetProperty("geometry", out var g) || g.ValueKind == JsonValueKind.Null)
                {
                    list.Add(feature);
                    continue;
                }
                list.Add(feature with { Geometry = Polygonal(ParseGeometry(g, feature, describe), feature, describe) });
            }
            if (list.Count == 0) throw ImportException.File("the file has no features");
            return list;
        }
    }

    public static ImportException Problem(GeoFeature feature, Func<GeoFeature, string?> describe, string problem) =>
        new(describe(feature) is { } id ? $"feature {feature.Number} ({id})" : $"feature {feature.Number}", problem);

    private static Geometry ParseGeometry(JsonElement element, GeoFeature feature, Func<GeoFeature, string?> describe)
    {
        try
        {
            return element.Deserialize<Geometry>(Options) ?? throw Problem(feature, describe, "the geometry is empty");
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or ParseException)
        {
            throw Problem(feature, describe, $"the geometry cannot be read ({e.Message})");
        }
    }

    /// <summary>A Polygon or MultiPolygon in longitude/latitude, as a MultiPolygon with SRID 4326.</summary>
    public static MultiPolygon Polygonal(Geometry geometry, GeoFeature feature, Func<GeoFeature, string?> describe)
    {
        var multi = geometry switch
        {
            MultiPolygon m => m,
            Polygon p => new MultiPolygon([p], p.Factory),
            _ => throw Problem(feature, describe, $"a {geometry.GeometryType} where a Polygon or MultiPolygon is expected"),
        };
        var box = multi.EnvelopeInternal;
        if (box.MinX < -180 || box.MaxX > 180 || box.MinY < -90 || box.MaxY > 90)
            throw Problem(feature, describe, "the coordinates are not longitude/latitude (GeoJSON is WGS 84: reproject the file first)");
        multi.SRID = 4326;
        return multi;
    }

    public static byte[] Wkb(Geometry geometry) => new WKBWriter(ByteOrder.LittleEndian, handleSRID: false).Write(geometry);

    /// <summary>The first of these property names that the file's features use.</summary>
    public static string? Detect(IReadOnlyList<GeoFeature> features, params string[] candidates) =>
        candidates.FirstOrDefault(c => features.Take(20).Any(f => f.Has(c)));
}
