using System.Text.Json;
using Coopol.Common;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Coopol.Geo;

/// <summary>A drawn area sent as a GeoJSON Polygon or MultiPolygon (WGS84 longitude, latitude), checked before use:
/// a turf, a geographic group. Errors name the input field.</summary>
public static class GeoJsonArea
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new GeoJsonConverterFactory() } };

    public const int MaxPoints = 10_000;

    public static string Write(Geometry geometry) => JsonSerializer.Serialize(geometry, Options);

    /// <summary>Null or "" is no area.</summary>
    public static MultiPolygon? Parse(string? geoJson, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(geoJson)) return null;
        Geometry? geometry;
        try
        {
            geometry = JsonSerializer.Deserialize<Geometry>(geoJson, Options);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            throw InputValidationException.For(field, "INVALID_GEOMETRY", $"The {what} is not a GeoJSON geometry.");
        }
        var area = geometry switch
        {
            Polygon p => new MultiPolygon([p]),
            MultiPolygon m => m,
            _ => throw InputValidationException.For(field, "INVALID_GEOMETRY", $"The {what} must be a Polygon or a MultiPolygon."),
        };
        if (area.NumPoints > MaxPoints)
            throw InputValidationException.For(field, "TOO_LONG", $"The {what} has too many points (at most {MaxPoints:N0}).");
        if (area.Coordinates.Any(c => c.X is < -180 or > 180 || c.Y is < -90 or > 90))
            throw InputValidationException.For(field, "INVALID_GEOMETRY", $"The {what}'s coordinates must be WGS84 longitude, latitude.");
        if (!area.IsValid)
            throw InputValidationException.For(field, "INVALID_GEOMETRY", $"The {what} crosses itself: draw it again.");
        area.SRID = 4326;
        return area;
    }
}
