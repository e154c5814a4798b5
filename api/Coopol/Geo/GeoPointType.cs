using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace Coopol.Geo;

public sealed class GeoPointType : ObjectGraphType<Point>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Description = "A WGS84 point (SRID 4326).";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Resolve(ctx => ctx.Source.Y);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Resolve(ctx => ctx.Source.X);
    }
}

public sealed class GeoPointInputType : InputObjectGraphType<GeoPointInput>
{
    public GeoPointInputType()
    {
        Name = "GeoPointInput";
        Field(x => x.Latitude);
        Field(x => x.Longitude);
    }
}
