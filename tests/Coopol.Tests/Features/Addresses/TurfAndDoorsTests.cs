using Coopol.Data;
using Coopol.Features.Addresses;
using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using PdfSharp.Pdf.IO;

namespace Coopol.Tests.Features.Addresses;

/// <summary>A turf's addresses (by polling station, by drawn area), door counts, and the printed walk list, on the real
/// Mont-Bonvillers file and on the demo's generated Brest addresses.</summary>
[Collection(ApiCollection.Name)]
public sealed class TurfAndDoorsTests(ApiFixture api)
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task GeneratedBrestAddressesLieInTheirStationAndATurfOfStationsGivesExactlyThem()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        var made = await api.WithDbAsync(db => AddressesDemo.GenerateBrestAsync(db, CancellationToken.None));
        made.ShouldBeGreaterThan(104 * 12);
        (await api.WithDbAsync(db => AddressesDemo.GenerateBrestAsync(db, CancellationToken.None))).ShouldBe(0, "generated once");

        var turf = await WithServiceAsync<WalkListService, IReadOnlyList<TurfAddress>>(s => s.TurfAddressesAsync(["29019_76", "29019_1"], null, CancellationToken.None));

        turf.Select(a => a.StationId).Distinct().Order().ShouldBe(["29019_1", "29019_76"]);
        turf.ShouldAllBe(a => a.StreetName.StartsWith("Rue générée ") && a.Label.EndsWith(", Brest"));
        var contours = await api.WithDbAsync(db => db.Set<PollingStation>().Where(s => s.Id == "29019_76" || s.Id == "29019_1").ToDictionaryAsync(s => s.Id, s => s.Contour!));
        turf.ShouldAllBe(a => contours[a.StationId!].Contains(new Point(a.Longitude, a.Latitude)));
        var stored = await api.WithDbAsync(db => db.Set<Address>().CountAsync(a => a.Generated && (a.StationId == "29019_76" || a.StationId == "29019_1")));
        turf.Count.ShouldBe(stored);
        // Some generated addresses are blocks of flats with their doors counted.
        (await api.WithDbAsync(db => db.Set<Building>().CountAsync(b => b.DoorCount >= 4))).ShouldBeGreaterThan(made / 10);
    }

    [Fact]
    public async Task ATurfDrawnAsAPolygonGivesTheAddressesInsideItAndLeavesRetiredOnesOut()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        var box = Wgs84.CreatePolygon([new(5.830, 49.320), new(5.836, 49.320), new(5.836, 49.326), new(5.830, 49.326), new(5.830, 49.320)]);
        var all = await api.WithDbAsync(db => db.Set<Address>().ToListAsync());
        var inside = all.Where(a => box.Contains(a.Point)).Select(a => a.Id).ToList();
        inside.Count.ShouldBeInRange(20, 400);
        await api.WithDbAsync(db => db.Set<Address>().Where(a => a.Id == inside[0]).ExecuteUpdateAsync(u => u.SetProperty(a => a.Retired, true)));

        var turf = await WithServiceAsync<WalkListService, IReadOnlyList<TurfAddress>>(s => s.TurfAddressesAsync([], Wgs84.CreateMultiPolygon([box]), CancellationToken.None));

        turf.Select(a => a.Id).ShouldBe(inside.Skip(1), ignoreOrder: true);
        turf.ShouldAllBe(a => a.Buildings.Count == 1 && a.Buildings[0].Doors == 1 && a.Doors == 1);
        await Should.ThrowAsync<ArgumentException>(() => WithServiceAsync<WalkListService, IReadOnlyList<TurfAddress>>(
            s => s.TurfAddressesAsync([], Wgs84.CreatePoint(new Coordinate(5.83, 49.32)), CancellationToken.None)));
    }

    [Fact]
    public async Task SettingADoorCountAddsOrRemovesTheLastDoorsAndKeepsTheFirst()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        var building = await api.WithDbAsync(db => db.Set<Building>().Join(db.Set<Address>(), b => b.AddressId, a => a.Id, (b, a) => new { b.Id, a.Key })
            .SingleAsync(x => x.Key == "54084_0200_00001"));
        var firstDoor = await api.WithDbAsync(db => db.Set<Door>().SingleAsync(d => d.BuildingId == building.Id));

        (await WithServiceAsync<AddressService, Building>(s => s.SetDoorCountAsync(building.Id, 12, CancellationToken.None))).DoorCount.ShouldBe(12);
        var twelve = await WithServiceAsync<AddressService, IReadOnlyList<Door>>(s => s.DoorsAsync(building.Id, CancellationToken.None));
        twelve.Select(d => d.Label).ShouldBe(Enumerable.Range(1, 12).Select(n => n.ToString()));
        twelve[0].Id.ShouldBe(firstDoor.Id);

        await WithServiceAsync<AddressService, Building>(s => s.SetDoorCountAsync(building.Id, 5, CancellationToken.None));
        var five = await WithServiceAsync<AddressService, IReadOnlyList<Door>>(s => s.DoorsAsync(building.Id, CancellationToken.None));
        five.Select(d => d.Id).ShouldBe(twelve.Take(5).Select(d => d.Id));

        (await Should.ThrowAsync<DoorCountOutOfRangeException>(() => WithServiceAsync<AddressService, Building>(s => s.SetDoorCountAsync(building.Id, 501, CancellationToken.None))))
            .Code.ShouldBe("DOOR_COUNT_OUT_OF_RANGE");
        await Should.ThrowAsync<DoorCountOutOfRangeException>(() => WithServiceAsync<AddressService, Building>(s => s.SetDoorCountAsync(building.Id, 0, CancellationToken.None)));
        (await Should.ThrowAsync<BuildingNotFoundException>(() => WithServiceAsync<AddressService, Building>(s => s.SetDoorCountAsync(-1, 3, CancellationToken.None))))
            .Code.ShouldBe("BUILDING_NOT_FOUND");

        // A re-import leaves what volunteers entered.
        (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        var turf = await WithServiceAsync<WalkListService, IReadOnlyList<TurfAddress>>(s => s.TurfAddressesAsync([], Wgs84.CreatePolygon(
            [new(5.8335, 49.3221), new(5.8338, 49.3221), new(5.8338, 49.3223), new(5.8335, 49.3223), new(5.8335, 49.3221)]), CancellationToken.None));
        var joffre = turf.Single(a => a.Label == "1 Rue Joffre, Mont-Bonvillers");
        (joffre.Buildings.Single().DoorCount, joffre.Buildings.Single().Doors, joffre.Doors).ShouldBe((5, 5, 5));
    }

    [Fact]
    public async Task AShareOfTheRealFilePrintsAsAPdfOfAsManyPagesAsItsBuildingsNeed()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        var all = await WithServiceAsync<WalkListService, IReadOnlyList<TurfAddress>>(s => s.TurfAddressesAsync([], Wgs84.CreatePolygon(
            [new(5.82, 49.31), new(5.85, 49.31), new(5.85, 49.34), new(5.82, 49.34), new(5.82, 49.31)]), CancellationToken.None));
        all.Count.ShouldBe(486);
        var shares = WalkList.Split(all, 3);

        var pdf = WalkListPdf.Render("Porte-à-porte à Mont-Bonvillers", "Part 1 sur 3", shares[0]);

        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var pages = WalkListPdf.PagesFor(shares[0].Count);
        pages.ShouldBeGreaterThanOrEqualTo(5);
        using var read = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        read.PageCount.ShouldBe(pages);
        WalkListPdf.PagesFor(0).ShouldBe(1);
        PdfReader.Open(new MemoryStream(WalkListPdf.Render("Vide", "Part 3", [])), PdfDocumentOpenMode.Import).PageCount.ShouldBe(1);
    }
}
