using System.Security.Cryptography;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.Elections;
using Coopol.Features.PartyTree;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Maps;

/// <summary>The campaign map: vector tiles and GeoJSON of any layer (results, changes, indicators) over the caller's
/// ground, and the layers' legends.</summary>
public sealed class MapsFeature : IFeature
{
    public const string TileMediaType = "application/vnd.mapbox-vector-tile";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<MapService>();

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LayerChoiceType>>>>("mapLayers")
            .Description("The layers the map offers for an election (VIEW_RESULTS).")
            .Argument<NonNullGraphType<IdGraphType>>("electionId")
            .WithComplexityImpact(GraphQLLimits.SectionSearchImpact)
            .ResolveAsync(async ctx => await ctx.Service<MapService>().ChoicesAsync(
                ElectionId(ctx.GetArgument<string>("electionId")) ?? throw new ElectionNotFoundException(), ctx.CancellationToken));
        query.Field<NonNullGraphType<LayerInfoType>>("mapLayer")
            .Description("A layer's class breaks (quintiles of its zones) and extent over the viewer's ground, or a territory of it.")
            .Argument<NonNullGraphType<StringGraphType>>("layer").Argument<IdGraphType>("electionId").Argument<IdGraphType>("compareTo")
            .Argument<StringGraphType>("within", "federation:29, commune:29019 or section:<id>")
            .WithComplexityImpact(GraphQLLimits.ResultsAggregateImpact)
            .ResolveAsync(async ctx => await ctx.Service<MapService>().InfoAsync(MapLayer.Parse(ctx.GetArgument<string>("layer")),
                ElectionId(ctx.GetArgument<string?>("electionId")), ElectionId(ctx.GetArgument<string?>("compareTo")),
                ParseTerritory(ctx.GetArgument<string?>("within")), ctx.CancellationToken));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/tiles/{layer}/{z:int}/{x:int}/{y:int}.mvt", async (string layer, int z, int x, int y, string? election, string? compare,
            HttpContext http, MapService maps, CancellationToken ct) => await HttpProblems.RunAsync(http, async () =>
        {
            {
                var tile = await maps.TileAsync(MapLayer.Parse(layer), ElectionId(election), ElectionId(compare), z, x, y, ct);
                // Tiles depend on who asks (their ground): private caching only, revalidated by content. Field work is
                // not kept in a browser's cache at all.
                var parsed = MapLayer.Parse(layer);
                http.Response.Headers.CacheControl = parsed.Kind == LayerKind.Field ? "private, no-store" : "private, max-age=300";
                if (tile.Length == 0) return Results.NoContent();
                var etag = $"\"{Convert.ToBase64String(SHA256.HashData(tile))[..22]}\"";
                http.Response.Headers.ETag = etag;
                if (http.Request.Headers.IfNoneMatch.Contains(etag)) return Results.StatusCode(StatusCodes.Status304NotModified);
                return Results.Bytes(tile, TileMediaType);
            }
        }));
        endpoints.MapGet("/geojson/{layer}", async (string layer, string? election, string? compare, string? within,
            HttpContext http, MapService maps, CancellationToken ct) => await HttpProblems.RunAsync(http, async () =>
        {
            http.Response.Headers.CacheControl = "no-store";
            {
                var json = await maps.GeoJsonAsync(MapLayer.Parse(layer), ElectionId(election), ElectionId(compare), ParseTerritory(within), ct);
                var name = $"{layer}{(within is null ? "" : "-" + within.Replace(':', '-'))}.geojson";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{new string(name.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_').ToArray())}\"";
                return Results.Text(json, "application/geo+json");
            }
        }));
    }

    private static Guid? ElectionId(string? id) => id is null ? null
        : GlobalId.TryDecodeGuid(id, ElectionService.NodeType) ?? throw new ElectionNotFoundException();

    /// <summary><c>federation:29</c>, <c>commune:29019</c> or <c>section:&lt;id&gt;</c>.</summary>
    public static Territory ParseTerritory(string? within)
    {
        if (string.IsNullOrEmpty(within)) return Territory.Everything;
        var (kind, value) = within.IndexOf(':') is var i and > 0 ? (within[..i], within[(i + 1)..]) : (within, "");
        return kind switch
        {
            "federation" when Federation.IsWellFormedCode(value) => new Territory(value.ToUpperInvariant(), null, null),
            "commune" when Geography.Commune.IsWellFormedCode(value) => new Territory(null, value.ToUpperInvariant(), null),
            "section" when GlobalId.TryDecodeGuid(value, SectionService.NodeType) is { } id => new Territory(null, null, id),
            _ => throw InputValidationException.For("within", "INVALID", "Give federation:CODE, commune:INSEE or section:ID."),
        };
    }
}

public sealed class LayerInfoType : ObjectGraphType<LayerInfo>
{
    public LayerInfoType()
    {
        Name = "MapLayerInfo";
        Field(l => l.Layer);
        Field(l => l.Label);
        Field(l => l.Unit).Description("%, pts (percentage points) or the indicator's unit.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FloatGraphType>>>>("breaks").Resolve(ctx => ctx.Source.Breaks)
            .Description("Class breaks: the quintiles of the zones' values (up to 4 numbers, 5 classes).");
        Field(l => l.Min, nullable: true);
        Field(l => l.Max, nullable: true);
        Field(l => l.Zones).Description("Zones with a value.");
        Field<ListGraphType<NonNullGraphType<FloatGraphType>>>("bounds").Resolve(ctx => ctx.Source.Bounds)
            .Description("[west, south, east, north] of the zones, in degrees.");
    }
}

public sealed class LayerChoiceType : ObjectGraphType<LayerChoice>
{
    public LayerChoiceType()
    {
        Name = "MapLayerChoice";
        Field(l => l.Layer);
        Field(l => l.Label);
        Field(l => l.Group).Description("participation, bloc, nuance, candidate or indicator.");
    }
}
