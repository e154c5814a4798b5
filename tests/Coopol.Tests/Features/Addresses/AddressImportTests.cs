using Coopol.Features.Addresses;
using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Addresses;

/// <summary>The addresses import on the real Base Adresse Locale of Mont-Bonvillers as published, its BAN-layout twin,
/// and bad variants of it made here.</summary>
[Collection(ApiCollection.Name)]
public sealed class AddressImportTests(ApiFixture api)
{
    [Fact]
    public async Task TheRealFileGives486AddressesOn21StreetsEachWithOneBuildingAndOneDoor()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();

        report.Summary.ShouldBe("BAL file: 486 addresses on 21 streets in 1 commune (486 new, 0 changed, 0 retired), 0 inside a polling station's contour.");
        var addresses = await api.WithDbAsync(db => db.Set<Address>().ToListAsync());
        addresses.Count.ShouldBe(486);
        addresses.Select(a => a.StreetName).Distinct().Count().ShouldBe(21);
        addresses.ShouldAllBe(a => a.CommuneCode == "54084" && !a.Generated && !a.Retired && a.StationId == null);
        var sixteenB = addresses.Single(a => a.Key == "54084_b114_00016_b");
        (sixteenB.Number, sixteenB.Suffix).ShouldBe((16, "b"));
        addresses.Where(a => a.Suffix != null).Select(a => a.Suffix).Distinct().Order().ShouldBe(["a", "b", "bis", "t", "ter"]);
        var joffre = addresses.Single(a => a.Key == "54084_0200_00001");
        joffre.Label.ShouldBe("1 Rue Joffre, Mont-Bonvillers");
        (joffre.Point.X, joffre.Point.Y).ShouldBe((5.833622, 49.322203));
        addresses.Single(a => a.Key == "54084_b114_00005_bis").Label.ShouldEndWith(", Mont-Bonvillers");
        addresses.Single(a => a.Key == "54084_b114_00005_bis").Label.ShouldStartWith("5 bis ");
        // Points projected onto a street segment: some addresses share one, and all are kept.
        addresses.GroupBy(a => (a.Point.X, a.Point.Y)).Count(g => g.Count() > 1).ShouldBe(10);
        (await api.WithDbAsync(db => db.Set<Building>().CountAsync(b => b.DoorCount == null && b.Label == null))).ShouldBe(486);
        (await api.WithDbAsync(db => db.Set<Door>().CountAsync(d => d.Position == 1 && d.Label == "1"))).ShouldBe(486);
    }

    [Fact]
    public async Task ReimportingTheSameFileChangesNothingAndKeepsEveryId()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        var before = await IdsAsync();

        var again = (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();

        (again.Counts()["new"], again.Counts()["changed"], again.Counts()["retired"]).ShouldBe((0L, 0L, 0L));
        (await IdsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AddressesAbsentFromANewFileOfTheirCommuneAreRetiredNotDeletedAndComeBackWithTheirIds()
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        var before = await IdsAsync();
        using var temp = new TempFolder();
        var shorter = RealAddressFile.Read();
        var gone = shorter.Rows.TakeLast(10).Select(r => r[shorter.Column("cle_interop")]).ToList();
        shorter.Rows.RemoveRange(shorter.Rows.Count - 10, 10);
        shorter.With(2, "voie_nom", "Rue Joffre prolongée");

        var report = (await Importing.RunAsync(api, "addresses", temp.Write("shorter.csv", shorter.Text))).ShouldHaveSucceeded();

        (report.Counts()["addresses"], report.Counts()["new"], report.Counts()["changed"], report.Counts()["retired"]).ShouldBe((476L, 0L, 1L, 10L));
        var retired = await api.WithDbAsync(db => db.Set<Address>().Where(a => a.Retired).Select(a => a.Key).ToListAsync());
        retired.ShouldBe(gone, ignoreOrder: true);
        (await api.WithDbAsync(db => db.Set<Address>().SingleAsync(a => a.Key == "54084_0200_00001"))).Label.ShouldBe("1 Rue Joffre prolongée, Mont-Bonvillers");

        var back = (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        (back.Counts()["new"], back.Counts()["changed"], back.Counts()["retired"]).ShouldBe((0L, 11L, 0L));
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync(a => a.Retired))).ShouldBe(0);
        (await IdsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task TheBanLayoutOfTheSameAddressesFindsThemByKey()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var ban = (await Importing.RunAsync(api, "addresses", temp.Write("adresses-54.csv", RealAddressFile.Read().AsBanFile()))).ShouldHaveSucceeded();
        ban.Summary!.ShouldStartWith("BAN file: 486 addresses on 21 streets in 1 commune (486 new");
        var before = await IdsAsync();

        var bal = (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();

        (bal.Counts()["new"], bal.Counts()["changed"], bal.Counts()["retired"]).ShouldBe((0L, 0L, 0L));
        (await IdsAsync()).ShouldBe(before);
    }

    public static TheoryData<string, string, string, string> BadFields => new()
    {
        // line, column name, value, the problem the report starts with
        { "12", "lat", "91.5", "line 12, column 15: 91.5 is not a latitude (between -90 and 90 degrees)" },
        { "40", "lat", "", "line 40, column 15: the latitude is missing" },
        { "7", "long", "-181", "line 7, column 14: -181 is not a longitude (between -180 and 180 degrees)" },
        { "300", "long", "5.83x", "line 300, column 14: \"5.83x\" is not a number" },
        { "5", "commune_insee", "99999", "line 5, column 3: unknown commune 99999" },
        { "9", "numero", "douze", "line 9, column 9: \"douze\" is not a whole number" },
        { "20", "cle_interop", "54084_0200_00001", "line 20, column 2: the key 54084_0200_00001 is already on line 2" },
        { "487", "voie_nom", "", "line 487, column 7: the street name is empty" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task ABadFieldIsNamedByLineAndColumnAndNothingOfTheFileIsKept(string line, string column, string value, string problem)
    {
        await api.ResetAsync();
        (await Importing.RunAsync(api, "addresses", RealAddressFile.Path)).ShouldHaveSucceeded();
        var before = await IdsAsync();
        using var temp = new TempFolder();
        var bad = RealAddressFile.Read().With(int.Parse(line), column, value);
        // The bad line comes after good ones that differ from what is stored: none of them may be kept.
        bad.With(2, "voie_nom", "Rue Joffre prolongée");

        (await Importing.RunAsync(api, "addresses", temp.Write("bad.csv", bad.Text))).ShouldBeRejectedWith(problem);

        (await IdsAsync()).ShouldBe(before);
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync(a => a.Retired || a.StreetName == "Rue Joffre prolongée"))).ShouldBe(0);
    }

    [Fact]
    public async Task APositionOf0And0IsRefusedAsAMissingOne()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var bad = RealAddressFile.Read().With(30, "long", "0").With(30, "lat", "0");

        (await Importing.RunAsync(api, "addresses", temp.Write("zeros.csv", bad.Text)))
            .ShouldBeRejectedWith("line 30, column 14: the position is 0,0 (a missing position written as zeros?)");
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AMissingColumnIsNamed()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();

        (await Importing.RunAsync(api, "addresses", temp.Write("no-lat.csv", RealAddressFile.Read().Without("lat").Text)))
            .ShouldBeRejectedWith("line 1: missing column \"lat\" (the header has 18 columns separated by ';')");
        (await Importing.RunAsync(api, "addresses", temp.Write("no-street.csv", RealAddressFile.Read().Without("voie_nom").Text)))
            .ShouldBeRejectedWith("line 1: missing column \"voie_nom\"");
        (await api.WithDbAsync(db => db.Set<Address>().CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task AddressesTakeThePollingStationWhoseContourHoldsThemAndFollowContoursImportedLater()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        // Two Brest addresses at points inside its stations 76 and 1, imported before the contours.
        var points = await StationPointsAsync(temp);
        var file = temp.Write("brest.csv", $"cle_interop;commune_insee;voie_nom;numero;suffixe;long;lat\r\n"
            + FormattableString.Invariant($"29019_test_00001;29019;Rue de Kerinou;1;;{points["29019_76"].X};{points["29019_76"].Y}\r\n")
            + FormattableString.Invariant($"29019_test_00002;29019;Rue de Siam;2;;{points["29019_1"].X};{points["29019_1"].Y}"));

        // Before the contours: no station.
        await api.ResetAsync();
        (await Importing.RunAsync(api, "addresses", file)).ShouldHaveSucceeded().Counts()["inStation"].ShouldBe(0);
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();

        var stations = await api.WithDbAsync(db => db.Set<Address>().OrderBy(a => a.Key).Select(a => a.StationId).ToListAsync());
        stations.ShouldBe(["29019_76", "29019_1"]);
        // Imported again after the contours: found at once.
        (await Importing.RunAsync(api, "addresses", file)).ShouldHaveSucceeded().Counts()["inStation"].ShouldBe(2);
    }

    /// <summary>The points the contours import computes inside Brest's stations (then undone by the next reset).</summary>
    private async Task<Dictionary<string, NetTopologySuite.Geometries.Point>> StationPointsAsync(TempFolder temp)
    {
        (await Importing.RunAsync(api, "station-contours", SharedData.File("boundaries", "brest-bureaux-de-vote.geojson"))).ShouldHaveSucceeded();
        return await api.WithDbAsync(db => db.Set<PollingStation>().Where(s => s.Id == "29019_76" || s.Id == "29019_1")
            .ToDictionaryAsync(s => s.Id, s => s.Location!));
    }

    /// <summary>Every address, building and door id with what it belongs to, one line each.</summary>
    private Task<List<string>> IdsAsync() =>
        api.WithDbAsync(async db =>
            (await db.Set<Address>().OrderBy(a => a.Id).Select(a => "address " + a.Id + " " + a.Key).ToListAsync())
            .Concat(await db.Set<Building>().OrderBy(b => b.Id).Select(b => "building " + b.Id + " of " + b.AddressId).ToListAsync())
            .Concat(await db.Set<Door>().OrderBy(d => d.Id).Select(d => "door " + d.Id + " of " + d.BuildingId).ToListAsync()).ToList());
}
