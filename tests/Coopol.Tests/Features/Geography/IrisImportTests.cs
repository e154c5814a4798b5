using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Geography;

/// <summary>IGN's CONTOURS-IRIS shapefile of the Rhône (69), in Lambert-93, reprojected to WGS 84 on the way in.</summary>
[Collection(ApiCollection.Name)]
public sealed class IrisImportTests(ApiFixture api)
{
    private static string Shapefile => SharedData.File("boundaries", "iris-69", "IRIS_GE.SHP");

    [Fact]
    public async Task The752IrisOfTheRhoneAreReprojectedFromLambert93ToLongitudeLatitude()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "iris", Shapefile)).ShouldHaveSucceeded();

        report.Summary.ShouldBe("752 IRIS in 275 communes, reprojected from Lambert-93, 0 repaired.");
        report.Counts()["iris"].ShouldBe(752);
        var zones = await api.WithDbAsync(db => db.Set<IrisZone>().ToListAsync());
        zones.Count.ShouldBe(752);
        zones.ShouldAllBe(z => z.Code.Length == 9 && z.Code.StartsWith(z.CommuneCode) && z.Boundary != null && z.Boundary.SRID == 4326);
        // Every IRIS lies in the Rhône, in degrees.
        zones.ShouldAllBe(z => z.Boundary!.EnvelopeInternal.MinX > 4.2 && z.Boundary.EnvelopeInternal.MaxX < 5.2
            && z.Boundary.EnvelopeInternal.MinY > 45.4 && z.Boundary.EnvelopeInternal.MaxY < 46.4);
        // Lyon 1er, Terreaux: near the Hôtel de Ville (4.836, 45.767); names read as UTF-8 (.CPG).
        var terreaux = zones.Single(z => z.Code == "693810101");
        (terreaux.CommuneCode, terreaux.Name, terreaux.Type).ShouldBe(("69381", "Terreaux-Bât d'Argent", "H"));
        terreaux.Boundary!.Centroid.X.ShouldBe(4.83, 0.02);
        terreaux.Boundary.Centroid.Y.ShouldBe(45.77, 0.02);
    }

    [Fact]
    public async Task AZipOfTheShapefilesFiveFilesIsReadLikeTheShapefileItself()
    {
        await api.ResetAsync();
        using var files = new TempFolder();
        foreach (var extension in new[] { ".SHP", ".SHX", ".DBF", ".PRJ", ".CPG" }) files.Copy(Path.ChangeExtension(Shapefile, extension));
        using var temp = new TempFolder();
        var zip = Path.Combine(temp.Path, "iris-69.zip");
        System.IO.Compression.ZipFile.CreateFromDirectory(files.Path, zip);

        var report = (await Importing.RunAsync(api, "iris", zip)).ShouldHaveSucceeded();

        report.Counts()["iris"].ShouldBe(752);
        (await api.WithDbAsync(db => db.Set<IrisZone>().CountAsync())).ShouldBe(752);
    }

    [Fact]
    public async Task AShapefileWithoutItsPrjIsRejectedSinceItsProjectionIsUnknown()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        var shp = temp.Copy(Shapefile);
        temp.Copy(Path.ChangeExtension(Shapefile, ".SHX"));
        temp.Copy(Path.ChangeExtension(Shapefile, ".DBF"));

        var report = await Importing.RunAsync(api, "iris", shp);

        report.ShouldBeRejectedWith("the shapefile's .prj file is missing beside the .shp");
        (await api.WithDbAsync(db => db.Set<IrisZone>().CountAsync())).ShouldBe(0);
    }
}
