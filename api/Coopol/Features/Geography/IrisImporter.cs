using System.IO.Compression;
using Coopol.Common.Imports;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;
using Npgsql;

namespace Coopol.Features.Geography;

/// <summary>IGN's CONTOURS-IRIS shapefile (<c>IRIS_GE.shp</c> with its .shx, .dbf and .prj, or a ZIP of them), in
/// Lambert-93 (EPSG:2154) or WGS 84, reprojected to WGS 84 by PostGIS.</summary>
public sealed class IrisImporter(TerritoryService territories) : IImporter
{
    public string Kind => "iris";
    public string Description => "IRIS contours (IGN shapefile, Lambert-93 or WGS 84; the .shp path or a ZIP)";
    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>();

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        string? unpacked = null;
        try
        {
            var shp = context.FilePath;
            if (IsZip(shp))
            {
                unpacked = Directory.CreateTempSubdirectory("coopol-iris-").FullName;
                shp = Unzip(shp, unpacked);
            }
            return await ImportShapefileAsync(context, shp, ct);
        }
        finally
        {
            if (unpacked is not null) Directory.Delete(unpacked, recursive: true);
        }
    }

    private async Task<ImportSummary> ImportShapefileAsync(ImportContext context, string shp, CancellationToken ct)
    {
        // IGN publishes upper-case extensions (IRIS_GE.SHP, .DBF, .PRJ): siblings are found whatever their case.
        string Sibling(string extension) => Directory.EnumerateFiles(Path.GetDirectoryName(Path.GetFullPath(shp))!)
            .FirstOrDefault(f => Path.GetFileNameWithoutExtension(f) == Path.GetFileNameWithoutExtension(shp)
                && string.Equals(Path.GetExtension(f), extension, StringComparison.OrdinalIgnoreCase))
            ?? throw ImportException.File($"the shapefile's {extension} file is missing beside the .shp");
        var dbf = Sibling(".dbf");
        var projection = await File.ReadAllTextAsync(Sibling(".prj"), ct);
        var known = await Commune.KnownCodesAsync(context.Db, ct);
        var rows = new List<StagedPolygon>();
        var seen = new Dictionary<string, int>();
        int srid;
        try
        {
            srid = SridOf(projection);
            using var shpStream = File.OpenRead(shp);
            using var dbfStream = File.OpenRead(dbf);
            using var reader = Shapefile.OpenRead(shpStream, dbfStream, new ShapefileReaderOptions());
            var number = 0;
            while (reader.Read(out var deleted, out var feature))
            {
                number++;
                if (deleted) continue;
                string? Field(string name) => feature.Attributes.Exists(name) ? feature.Attributes[name]?.ToString()?.Trim() : null;
                var code = Field("CODE_IRIS") ?? throw new ImportException($"record {number}", "no CODE_IRIS field");
                var where = $"record {number} ({code})";
                var commune = Field("INSEE_COM") ?? (code.Length == 9 ? code[..5] : null);
                if (code.Length != 9 || !code.All(char.IsAsciiLetterOrDigit) || commune is null || !code.StartsWith(commune, StringComparison.Ordinal))
                    throw new ImportException(where, "an IRIS code is 9 characters, the commune's 5 first");
                if (!known.Contains(commune)) throw new ImportException(where, $"unknown commune {commune} (import the official commune list first)");
                if (seen.TryGetValue(code, out var other)) throw new ImportException(where, $"IRIS {code} is already record {other}");
                seen[code] = number;
                if (feature.Geometry is not (Polygon or MultiPolygon) || feature.Geometry.IsEmpty)
                {
                    context.Warn($"{where}: no polygon, skipped");
                    continue;
                }
                var name = Field("NOM_IRIS") ?? code;
                rows.Add(new StagedPolygon(code, name.Length > 120 ? name[..120] : name, Field("TYP_IRIS") is { Length: 1 } t ? t : null,
                    GeoFeatures.Wkb(feature.Geometry), where));
            }
        }
        catch (Exception e) when (e is not ImportException and not OperationCanceledException)
        {
            throw ImportException.File($"the shapefile cannot be read ({e.Message})");
        }
        if (rows.Count == 0) throw ImportException.File("the shapefile has no IRIS");
        var repaired = await PolygonStaging.StageAsync(context.Connection, rows, srid, ct);
        await using (var merge = new NpgsqlCommand("""
            INSERT INTO "IrisZones" ("Code", "CommuneCode", "Name", "Type", "Boundary")
            SELECT key, left(key, 5), name, extra, geom FROM import_polygons
            ON CONFLICT ("Code") DO UPDATE SET "Name" = excluded."Name", "Type" = excluded."Type", "Boundary" = excluded."Boundary";
            """, context.Connection))
            await merge.ExecuteNonQueryAsync(ct);
        await territories.RefreshAsync(null, ct);
        return new ImportSummary($"{rows.Count} IRIS in {rows.Select(r => r.Key[..5]).Distinct().Count()} communes{(srid == 2154 ? ", reprojected from Lambert-93" : "")}, {repaired.Count} repaired.",
            new Dictionary<string, long> { ["iris"] = rows.Count, ["repaired"] = repaired.Count });
    }

    /// <summary>Lambert-93 or WGS 84, from the .prj's WKT; anything else is refused rather than misplaced.</summary>
    private static int SridOf(string? projection)
    {
        if (string.IsNullOrWhiteSpace(projection)) throw ImportException.File("the shapefile's .prj is empty: its projection is unknown");
        if (projection.Contains("Lambert_93", StringComparison.OrdinalIgnoreCase) || projection.Contains("Lambert-93", StringComparison.OrdinalIgnoreCase)
            || projection.Contains("2154", StringComparison.Ordinal)) return 2154;
        if (projection.TrimStart().StartsWith("GEOGCS", StringComparison.OrdinalIgnoreCase) && projection.Contains("WGS", StringComparison.OrdinalIgnoreCase)) return 4326;
        throw ImportException.File("the shapefile is neither in Lambert-93 (EPSG:2154) nor in WGS 84");
    }

    /// <summary>Shapefile parts only (.shp, .shx, .dbf, .prj, .cpg), flat, within a total size: a ZIP is not a way to
    /// fill the server's disk.</summary>
    public const long MaxUnzippedBytes = 2L * 1024 * 1024 * 1024;
    private static readonly string[] Parts = [".shp", ".shx", ".dbf", ".prj", ".cpg"];

    private static string Unzip(string zip, string folder)
    {
        try
        {
            using var archive = ZipFile.OpenRead(zip);
            var entries = archive.Entries.Where(e => Parts.Contains(Path.GetExtension(e.Name), StringComparer.OrdinalIgnoreCase)).ToList();
            if (entries.Count is 0 or > 10) throw ImportException.File("the ZIP must hold one shapefile (.shp, .shx, .dbf, .prj)");
            if (entries.Sum(e => e.Length) > MaxUnzippedBytes) throw ImportException.File("the ZIP's shapefile is larger than 2 GB");
            foreach (var entry in entries)
            {
                // The name only: folders inside the ZIP are flattened, so no entry writes outside the folder.
                using var source = entry.Open();
                using var target = File.Create(Path.Combine(folder, Path.GetFileName(entry.Name)));
                var copied = 0L;
                var buffer = new byte[81920];
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    copied += read;
                    if (copied > entry.Length || copied > MaxUnzippedBytes) throw ImportException.File("the ZIP's entries are larger than they say");
                    target.Write(buffer, 0, read);
                }
            }
            return Directory.EnumerateFiles(folder).FirstOrDefault(f => f.EndsWith(".shp", StringComparison.OrdinalIgnoreCase))
                ?? throw ImportException.File("the ZIP holds no .shp file");
        }
        catch (InvalidDataException)
        {
            throw ImportException.File("the file is not a readable ZIP");
        }
    }

    private static bool IsZip(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return stream.Read(magic) == 4 && magic is [0x50, 0x4B, 0x03, 0x04];
    }
}
