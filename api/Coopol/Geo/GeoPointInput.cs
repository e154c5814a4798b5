using FluentValidation;
using NetTopologySuite.Geometries;

namespace Coopol.Geo;

public sealed class GeoPointInput
{
    public double Latitude { get; init; }
    public double Longitude { get; init; }

    /// <summary>Every geometry is WGS84 (SRID 4326); points are stored as geography so distances are in metres.</summary>
    public static Point? ToPoint(GeoPointInput? p) => p is null ? null : new Point(p.Longitude, p.Latitude) { SRID = 4326 };
}

public sealed class GeoPointInputValidator : AbstractValidator<GeoPointInput>
{
    public GeoPointInputValidator()
    {
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).WithErrorCode("OUT_OF_RANGE");
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).WithErrorCode("OUT_OF_RANGE");
    }
}
