using GraphQL.Types;
using NetTopologySuite.Geometries;

namespace Coopol.Common.GraphQL;

public sealed class GeoPointType : ObjectGraphType<Point>
{
    public GeoPointType()
    {
        Name = "GeoPoint";
        Field<NonNullGraphType<FloatGraphType>>("latitude").Resolve(ctx => ctx.Source.Y);
        Field<NonNullGraphType<FloatGraphType>>("longitude").Resolve(ctx => ctx.Source.X);
    }
}

public sealed class GeoPointInputType : InputObjectGraphType<Coopol.Features.People.GeoPointInput>
{
    public GeoPointInputType()
    {
        Name = "GeoPointInput";
        Field(x => x.Latitude);
        Field(x => x.Longitude);
    }
}
