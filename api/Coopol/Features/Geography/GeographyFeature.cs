using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Common.Imports;
using Coopol.Features.PartyTree;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Geography;

/// <summary>Electoral geography: communes, IRIS, polling stations, sections' territories, sociodemographic indicators.
/// All public data; what is scoped is which part a caller works on.</summary>
public sealed class GeographyFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<TerritoryService>().AddScoped<SectionTerritoryService>()
        .AddScoped<IImporter, CommuneReferenceImporter>()
        .AddScoped<IImporter, CommuneBoundariesImporter>()
        .AddScoped<IImporter, StationContoursImporter>()
        .AddScoped<IImporter, IrisImporter>()
        .AddScoped<IImporter, IndicatorsImporter>();

    public void AddQueries(ObjectGraphType query) =>
        query.Field<SectionTerritoryType>("sectionTerritory").Argument<NonNullGraphType<IdGraphType>>("sectionId")
            .Description("The communes and polling stations a section works on.")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("sectionId"), SectionService.NodeType) is { } id
                && await ctx.Service<SectionService>().FindAsync(id, ctx.CancellationToken) is not null
                    ? await ctx.Service<SectionTerritoryService>().ReadAsync(id, ctx.CancellationToken) : null);

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<SetSectionTerritoryPayloadType>>("setSectionTerritory")
            .Description("Replaces a section's territory (MANAGE_SECTIONS over the section). Its geometry follows.")
            .Argument<NonNullGraphType<SetSectionTerritoryInputType>>("input")
            .ResolveAsync(async ctx => await Payload<SectionTerritory>.RunAsync(() =>
                ctx.Service<SectionTerritoryService>().SetAsync(ctx.GetArgument<SetSectionTerritoryInput>("input"), ctx.CancellationToken)));
}
