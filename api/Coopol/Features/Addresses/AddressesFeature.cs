using Coopol.Common.Imports;
using Coopol.Data.DemoData;
using Coopol.Features.Geography;
using Coopol.Features.PartyTree;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Addresses;

/// <summary>Addresses for door-to-door: address → building → door, imported from the BAN / a Base Adresse Locale, the
/// addresses of a turf, walk lists split among volunteers and printed. Public data; no GraphQL of its own yet: the
/// Actions feature calls <see cref="WalkListService"/>, <see cref="WalkList"/>, <see cref="WalkListPdf"/> and
/// <see cref="AddressService"/> after checking its callers' rights.</summary>
public sealed class AddressesFeature : IFeature
{
    public const string DemoSection = "Mont-Bonvillers";

    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<AddressService>().AddScoped<WalkListService>()
        .AddScoped<IStationContoursListener, AddressStationsOnContours>()
        .AddScoped<IImporter, AddressesImporter>();

    /// <summary>The section of the real Mont-Bonvillers address file (its territory and addresses come with the open data,
    /// see <see cref="DemoOpenData"/>).</summary>
    public Task SeedDemoAsync(DemoWorld demo, CancellationToken ct)
    {
        demo.Db.Sections.Add(new Section
        {
            FederationCode = "54", Name = DemoSection, SeatAddress = "Place de la Mairie, 54111 Mont-Bonvillers",
            SeatLocation = new Point(5.8336, 49.3222) { SRID = 4326 }, CreatedAt = demo.Now,
        });
        return Task.CompletedTask;
    }
}
