using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Data.DemoData;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace Coopol.Features.PartyTree;

/// <summary>The party tree: federations (fixed, one per département) and their sections.</summary>
public sealed class PartyTreeFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<SectionService>().AddScoped<SectionLoader>().AddScoped<FederationLoader>().AddScoped<FederationSectionsLoader>();

    public Permission Permissions => Permission.ManageSections;

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<FederationType>>>("federations").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<SectionService>().FederationsAsync(ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<FederationType>("federation").Argument<NonNullGraphType<StringGraphType>>("code")
            .ResolveAsync(async ctx => await ctx.Service<SectionService>().FindFederationAsync(ctx.GetArgument<string>("code"), ctx.CancellationToken));
        query.Field<SectionType>("section").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), SectionService.NodeType) is { } id
                ? await ctx.Service<SectionService>().FindAsync(id, ctx.CancellationToken) : null);
        query.Field<NonNullGraphType<ConnectionType<SectionType>>>("sections")
            .Description("Sections by name, federation code or federation name (case and accent insensitive), in name order.")
            .Argument<StringGraphType>("search").Argument<StringGraphType>("federationCode").PagingArguments()
            .WithComplexityImpact(GraphQLLimits.SectionSearchImpact)
            .ResolveAsync(async ctx => (await ctx.Service<SectionService>().SearchAsync(ctx.GetArgument<string?>("search"),
                ctx.GetArgument<string?>("federationCode"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateSectionPayloadType>>("createSection")
            .Argument<NonNullGraphType<CreateSectionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Section>.RunAsync(() =>
                ctx.Service<SectionService>().CreateAsync(ctx.GetArgument<CreateSectionInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<RenameSectionPayloadType>>("renameSection")
            .Argument<NonNullGraphType<RenameSectionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Section>.RunAsync(() =>
                ctx.Service<SectionService>().RenameAsync(ctx.GetArgument<RenameSectionInput>("input"), ctx.CancellationToken)));
    }

    public IEnumerable<NodeFetcher> NodeTypes =>
    [
        NodeFetcher.ForGuids(SectionService.NodeType, (s, ids, ct) => s.GetRequiredService<SectionService>().ByIdsAsync(ids, ct)),
        new(SectionService.FederationNodeType, async (s, codes, ct) =>
            (await s.GetRequiredService<SectionService>().FederationsByCodesAsync(codes, ct)).ToDictionary(kv => kv.Key, kv => (object)kv.Value)),
    ];

    public Task SeedDemoAsync(DemoWorld demo, CancellationToken ct)
    {
        DemoSection Seed(string federation, string name, string city, string postalCode, double lat, double lon, string[] places) => new(
            new Section
            {
                FederationCode = federation, Name = name, SeatAddress = $"Place de la Mairie, {postalCode} {city}",
                SeatLocation = new Point(lon, lat) { SRID = 4326 }, CreatedAt = demo.Now,
            }, city, postalCode, lat, lon, places);
        demo.Sections.AddRange(
        [
            Seed("29", DemoUsers.BrestCentre, "Brest", "29200", 48.3904, -4.4861, ["Siam", "Saint-Martin", "Recouvrance", "Kerigonan"]),
            Seed("29", "Brest Bellevue", "Brest", "29200", 48.4010, -4.5040, ["Bellevue", "Kergoat", "Kerbernier"]),
            Seed("29", "Brest Saint-Marc", "Brest", "29200", 48.3990, -4.4410, ["Saint-Marc", "Le Forestou", "Kerinou"]),
            Seed("29", "Quimper", "Quimper", "29000", 47.9960, -4.1024, ["Locmaria", "Kerfeunteun", "Ergué-Armel"]),
            Seed("29", "Morlaix", "Morlaix", "29600", 48.5776, -3.8280, ["Troudoustin", "La Boissière"]),
            Seed("04", "Digne-les-Bains", "Digne-les-Bains", "04000", 44.0925, 6.2356, ["Centre ancien", "Les Arches"]),
            Seed("04", "Manosque", "Manosque", "04100", 43.8283, 5.7867, ["Les Serres", "Saint-Lazare"]),
            Seed("04", "Sisteron", "Sisteron", "04200", 44.1951, 5.9437, ["La Baume", "Le Gand"]),
            Seed("75", "Paris 11e", "Paris", "75011", 48.8590, 2.3800, ["Belleville", "Bastille", "Folie-Méricourt"]),
            Seed("75", "Paris 18e", "Paris", "75018", 48.8925, 2.3444, ["Goutte d'Or", "La Chapelle", "Montmartre"]),
            Seed("75", "Paris 20e", "Paris", "75020", 48.8638, 2.3985, ["Ménilmontant", "Saint-Fargeau", "Charonne"]),
            Seed("69", "Lyon 7e", "Lyon", "69007", 45.7454, 4.8427, ["Guillotière", "Gerland", "Jean Macé"]),
            Seed("69", "Villeurbanne", "Villeurbanne", "69100", 45.7719, 4.8902, ["Gratte-Ciel", "Charpennes", "Croix-Luizet"]),
        ]);
        demo.Db.Sections.AddRange(demo.Sections.Select(s => s.Section));
        return Task.CompletedTask;
    }
}

public sealed class CreateSectionPayloadType() : PayloadType<SectionType, Section>("CreateSectionPayload", "section");

public sealed class RenameSectionPayloadType() : PayloadType<SectionType, Section>("RenameSectionPayload", "section");
