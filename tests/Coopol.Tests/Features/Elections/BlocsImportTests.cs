using Coopol.Features.Elections;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Elections;

/// <summary>The 2024 nuance codes grouped into blocs (UTF-8 with a BOM, CRLF endings), as published.</summary>
[Collection(ApiCollection.Name)]
public sealed class BlocsImportTests(ApiFixture api)
{
    private static string Blocs => SharedData.File("reference", "legislatives-2024-nuances-et-blocs.csv");

    [Fact]
    public async Task The24NuancesFallIntoSixBlocsOrderedFromLeftToRightAndTheFirstSchemeIsTheDefault()
    {
        await api.ResetAsync();
        var report = (await Importing.RunAsync(api, "blocs", Blocs)).ShouldHaveSucceeded();

        report.Summary.ShouldBe("Bloc scheme \"Législatives 2024\": 24 nuances in 6 blocs (default).");
        var scheme = await api.WithDbAsync(db => db.Set<BlocScheme>().SingleAsync());
        (scheme.Name, scheme.IsDefault).ShouldBe(("Législatives 2024", true));
        var nuances = await api.WithDbAsync(db => db.Set<NuanceBloc>().ToDictionaryAsync(n => n.Nuance));
        nuances.Count.ShouldBe(24);
        // The BOM is not part of the first column's name, and CR is not part of the last value.
        (nuances["EXG"].Bloc, nuances["EXG"].BlocName, nuances["EXG"].BlocOrder).ShouldBe(("extreme-gauche", "extrême gauche", 0));
        (nuances["UG"].Bloc, nuances["ENS"].Bloc, nuances["LR"].Bloc, nuances["RN"].Bloc).ShouldBe(("gauche", "centre", "droite", "extreme-droite"));
        nuances.Values.Select(n => (n.BlocOrder, n.Bloc)).Distinct().OrderBy(b => b.BlocOrder).Select(b => b.Bloc)
            .ShouldBe(["extreme-gauche", "gauche", "divers", "centre", "droite", "extreme-droite"]);

        // Imported again under another name, it is a second scheme, not the default one.
        (await Importing.RunAsync(api, "blocs", Blocs, new Dictionary<string, string> { ["name"] = "Variante" })).ShouldHaveSucceeded();
        (await api.WithDbAsync(db => db.Set<BlocScheme>().OrderBy(s => s.Name).Select(s => s.Name + (s.IsDefault ? " (default)" : "")).ToListAsync()))
            .ShouldBe(["Législatives 2024 (default)", "Variante"]);
    }
}
