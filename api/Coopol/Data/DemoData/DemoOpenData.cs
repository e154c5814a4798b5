using Coopol.Common.Imports;
using Coopol.Features.Addresses;
using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Coopol.Features.Imports;
using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Data.DemoData;

/// <summary>The demo's campaign map: the real open data of <c>../shared/data</c> loaded through the same importers as a
/// user's files (official communes, blocs, boundaries of 29 and 04, polling-station contours of Brest and 04, the 2022 and
/// 2024 législatives around Brest, income per IRIS, the addresses of Mont-Bonvillers), generated addresses for Brest, then
/// territories for the demo sections.</summary>
public static class DemoOpenData
{
    /// <summary>The City of Brest's result files, read through a column mapping (saved as "brest-ville").</summary>
    public const string BrestMapping = """
        { "commune": "29019", "stationColumn": "Numéro", "constituencyColumn": "Circo", "registered": "Inscrits", "voters": "Votants",
          "blank": "Blancs", "null": "Nuls", "expressed": "Exprimés", "candidateSuffix": " - votes" }
        """;

    /// <summary><c>DemoData:OpenData</c> if set, else <c>../shared/data</c> beside the folder holding Coopol.sln.</summary>
    public static string? FindFolder(string? configured, params string[] startFrom)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        foreach (var start in startFrom)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) continue;
                var data = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
                return Directory.Exists(data) ? data : null;
            }
        }
        return null;
    }

    /// <summary>Loads everything once (nothing is done when elections are already there); returns what was imported.</summary>
    public static async Task<IReadOnlyList<string>> LoadAsync(IServiceProvider services, string folder, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoopolDbContext>();
        if (await db.Set<Election>().AnyAsync(ct)) return [];
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        var done = new List<string>();
        async Task Import(string kind, string file, Dictionary<string, string>? options = null)
        {
            var path = Path.Combine(folder, file);
            var report = await imports.RunAsync(imports.Find(kind), path, Path.GetFileName(path), options ?? [], false, null, null, IImportProgress.None, null, ct);
            if (report.Status != ImportStatus.Succeeded) throw new InvalidOperationException($"Demo import of {file} failed: {report.Problem}");
            done.Add($"{file}: {report.Summary}");
        }
        Dictionary<string, string> Election(string date, int round) => new() { ["election"] = "legislatives", ["date"] = date, ["round"] = round.ToString() };

        await Import("communes-reference", "reference/communes.json");
        await Import("blocs", "reference/legislatives-2024-nuances-et-blocs.csv");
        await Import("communes", "boundaries/communes-29-finistere.geojson");
        await Import("communes", "boundaries/communes-04-alpes-de-haute-provence.geojson");
        await Import("station-contours", "boundaries/brest-bureaux-de-vote.geojson");
        await Import("station-contours", "contours/Bvote_Propre_Dep_04.geojson");
        // 2022 before 2024: the 2024 files have no constituency column and take their codes from 2022's.
        foreach (var (round, date) in new[] { (1, "2022-06-12"), (2, "2022-06-19") })
            foreach (var circo in new[] { "2902", "2903" })
                await Import("results-mapped", $"results/legislatives-2022-t{round}-brest-circo-{circo}-par-bureau-ville.csv",
                    new(Election(date, round)) { ["mapping-json"] = BrestMapping, ["save-mapping"] = "brest-ville" });
        await Import("results-2024", "results/legislatives-2024-t1-finistere-circo-2902-2903-par-bureau.csv", Election("2024-06-30", 1));
        await Import("results-2024", "results/legislatives-2024-t2-finistere-circo-2902-2903-par-bureau.csv", Election("2024-07-07", 2));
        await Import("indicators", "insee/revenus-2015.csv", new()
        {
            ["columns"] = "DISP_MED15=Revenu disponible médian par UC (2015)|€|mean,DISP_TP6015=Taux de pauvreté à 60 % (2015)|%|mean",
        });
        await Import("addresses", "addresses/adresses-54084.csv");
        // No address file covers Brest here: the demo's are generated inside its stations' contours, and say so.
        var generated = await AddressesDemo.GenerateBrestAsync(db, ct);
        done.Add($"{generated} generated addresses in Brest's polling stations");
        await GiveTerritoriesAsync(scope.ServiceProvider, ct);
        return done;
    }

    /// <summary>Brest's three demo sections share its 104 stations; other demo sections get their commune.</summary>
    private static async Task GiveTerritoriesAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<CoopolDbContext>();
        var sections = await db.Set<Section>().ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        var areas = new List<SectionArea>();
        void Stations(string section, int from, int to)
        {
            if (sections.TryGetValue(section, out var id))
                areas.AddRange(Enumerable.Range(from, to - from + 1).Select(n => new SectionArea { SectionId = id, StationId = $"29019_{n}" }));
        }
        void Commune(string section, string code)
        {
            if (sections.TryGetValue(section, out var id)) areas.Add(new SectionArea { SectionId = id, CommuneCode = code });
        }
        Stations(DemoUsers.BrestCentre, 1, 35);
        Stations("Brest Bellevue", 36, 70);
        Stations("Brest Saint-Marc", 71, 104);
        Commune("Quimper", "29232");
        Commune("Morlaix", "29151");
        Commune("Digne-les-Bains", "04070");
        Commune("Manosque", "04112");
        Commune("Sisteron", "04209");
        Commune(AddressesFeature.DemoSection, "54084");
        var known = (await db.Set<PollingStation>().Select(s => s.Id).ToListAsync(ct)).ToHashSet();
        db.AddRange(areas.Where(a => a.StationId is null || known.Contains(a.StationId)));
        await db.SaveChangesAsync(ct);
        await services.GetRequiredService<TerritoryService>().RefreshAsync(null, ct);
    }
}
