using Coopol.Features.Geography;
using Coopol.Features.Imports;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Tests.Features.Geography;

/// <summary>The official list of communes and commune boundaries, from the real files of ../shared/data. The fixture
/// imported the list once; boundaries stay on communes between tests, so nothing here assumes they are absent.</summary>
[Collection(ApiCollection.Name)]
public sealed class CommuneImportTests(ApiFixture api)
{
    [Fact]
    public async Task TheOfficialListGives37006CommunesWithTheirDepartementsAndPopulations()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "communes-reference", SharedData.OfficialCommunes)).ShouldHaveSucceeded();

        report.Summary.ShouldBe("37006 communes (34969 current ones).");
        report.Counts()["communes"].ShouldBe(37006);
        report.Counts()["current"].ShouldBe(34969);
        (await api.WithDbAsync(db => db.Set<Commune>().CountAsync(c => c.Kind != "boundary"))).ShouldBe(37006);
        // Département 04: 198 current communes, 168,054 inhabitants (README of the data).
        var current04 = await api.WithDbAsync(db => db.Set<Commune>().Where(c => c.DepartementCode == "04" && c.Kind == "commune-actuelle")
            .Select(c => c.Population ?? 0).ToListAsync());
        current04.Count.ShouldBe(198);
        current04.Sum().ShouldBe(168_054);
        var brest = await api.WithDbAsync(db => db.Set<Commune>().SingleAsync(c => c.Code == "29019"));
        (brest.Name, brest.DepartementCode, brest.Kind).ShouldBe(("Brest", "29", "commune-actuelle"));
        brest.PostalCodes.ShouldContain("29200");
        // Corsica and Lyon's arrondissements keep their codes as text.
        (await api.WithDbAsync(db => db.Set<Commune>().SingleAsync(c => c.Code == "2A004"))).DepartementCode.ShouldBe("2A");
        (await api.WithDbAsync(db => db.Set<Commune>().SingleAsync(c => c.Code == "69381"))).Kind.ShouldBe("arrondissement-municipal");
    }

    [Fact]
    public async Task CommuneBoundariesOfFinistereAndAlpesDeHauteProvenceAreSetOnTheirCommunes()
    {
        await api.ResetAsync();
        var finistere = (await Importing.RunAsync(api, "communes", SharedData.File("boundaries", "communes-29-finistere.geojson"))).ShouldHaveSucceeded();
        var alpes = (await Importing.RunAsync(api, "communes", SharedData.File("boundaries", "communes-04-alpes-de-haute-provence.geojson"))).ShouldHaveSucceeded();

        finistere.Counts()["boundaries"].ShouldBe(279);
        alpes.Counts()["boundaries"].ShouldBe(198);
        // In 04 the boundary codes are those of the official list: nothing is added from the file.
        alpes.Counts()["addedCommunes"].ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<Commune>().CountAsync(c => c.DepartementCode == "04" && c.Kind == "commune-actuelle" && c.Boundary != null)))
            .ShouldBe(198);
        var brest = await api.WithDbAsync(db => db.Set<Commune>().SingleAsync(c => c.Code == "29019"));
        brest.Boundary.ShouldNotBeNull();
        brest.Boundary.SRID.ShouldBe(4326);
        brest.Boundary.Contains(new Point(-4.486, 48.390)).ShouldBeTrue("Brest's town hall lies inside Brest");
        brest.Boundary.Contains(new Point(6.236, 44.092)).ShouldBeFalse("Digne-les-Bains does not");
        var digne = await api.WithDbAsync(db => db.Set<Commune>().SingleAsync(c => c.Code == "04070"));
        digne.Boundary!.Contains(new Point(6.236, 44.092)).ShouldBeTrue();
    }

    [Fact]
    public async Task TheDepartementOutlineIsRejectedNamingItsOnlyFeature()
    {
        await api.ResetAsync();
        var report = await Importing.RunAsync(api, "communes", SharedData.File("boundaries", "departement-04-alpes-de-haute-provence.geojson"));

        report.ShouldBeRejectedWith("feature 1 (04): \"04\" is not a commune code (5 characters)");
        (await api.WithDbAsync(db => db.Set<Commune>().AnyAsync(c => c.Code == "04" || c.Kind == "boundary" && c.DepartementCode == "04"))).ShouldBeFalse();
        (await api.WithDbAsync(db => db.Set<ImportReport>().SingleAsync())).Status.ShouldBe(ImportStatus.Rejected);
    }
}
