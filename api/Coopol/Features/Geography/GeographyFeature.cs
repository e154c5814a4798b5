using Coopol.Common.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Geography;

/// <summary>Electoral geography: communes, IRIS, polling stations, sections' territories, sociodemographic indicators.
/// All public data; what is scoped is which part a caller works on.</summary>
public sealed class GeographyFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<TerritoryService>()
        .AddScoped<IImporter, CommuneReferenceImporter>()
        .AddScoped<IImporter, CommuneBoundariesImporter>()
        .AddScoped<IImporter, StationContoursImporter>()
        .AddScoped<IImporter, IrisImporter>()
        .AddScoped<IImporter, IndicatorsImporter>();
}
