using Coopol.Access;
using Coopol.Common.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Elections;

/// <summary>Elections, candidates and results by polling station, nuances and blocs; their importers.</summary>
public sealed class ElectionsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<ResultsWriter>()
        .AddScoped<IImporter, Results2024Importer>()
        .AddScoped<IImporter, ResultsOlderImporter>()
        .AddScoped<IImporter, ResultsLongImporter>()
        .AddScoped<IImporter, ResultsMappedImporter>()
        .AddScoped<IImporter, BlocsImporter>();

    public Permission Permissions => Permission.ViewResults | Permission.EnterResults;
}
