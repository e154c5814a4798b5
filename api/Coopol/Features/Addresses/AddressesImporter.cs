using Coopol.Common.Imports;
using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Addresses;

/// <summary>Addresses as the Base Adresse Nationale publishes them: a Base Adresse Locale (BAL 1.3/1.4: <c>cle_interop;
/// commune_insee;voie_nom;numero;suffixe;…;long;lat</c>) or a BAN file (<c>adresses-XX.csv</c>: <c>id;id_fantoir;numero;rep;
/// nom_voie;code_postal;code_insee;…;lon;lat</c>), told apart by their header. Every row is checked before anything is
/// written; a re-import updates addresses by key and retires those of the same communes that the file no longer has.</summary>
public sealed class AddressesImporter : IImporter
{
    public string Kind => "addresses";
    public string Description => "Addresses of a Base Adresse Locale (BAL 1.3) or of the BAN (adresses-XX.csv)";
    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>();

    private sealed record Layout(string Name, string Key, string Commune, string Street, string Number, string Suffix, string Longitude, string Latitude);

    private static readonly Layout Bal = new("BAL", "cle_interop", "commune_insee", "voie_nom", "numero", "suffixe", "long", "lat");
    private static readonly Layout Ban = new("BAN", "id", "code_insee", "nom_voie", "numero", "rep", "lon", "lat");

    private sealed record Parsed(string Key, string CommuneCode, string StreetName, int Number, string? Suffix, double Longitude, double Latitude);

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var known = await Commune.KnownCodesAsync(context.Db, ct);
        var parsed = new List<Parsed>();
        Layout layout;
        using (var table = CsvTable.Open(context.FilePath))
        {
            // "nom_voie" is BAN's alone; anything else is read as a BAL, whose missing columns are then named.
            layout = table.OptionalColumn("nom_voie") is not null && table.OptionalColumn("voie_nom") is null ? Ban : Bal;
            var key = table.Column(layout.Key);
            var commune = table.Column(layout.Commune);
            var street = table.Column(layout.Street);
            var number = table.Column(layout.Number);
            var suffix = table.Column(layout.Suffix);
            var longitude = table.Column(layout.Longitude);
            var latitude = table.Column(layout.Latitude);
            var lines = new Dictionary<string, int>(StringComparer.Ordinal);
            while (table.Read())
            {
                var k = table.Text(key).ToLowerInvariant();
                if (k.Length == 0) throw table.At(key, $"the key ({layout.Key}) is empty");
                if (k.Length > 64) throw table.At(key, $"the key ({layout.Key}) is longer than 64 characters");
                if (lines.TryGetValue(k, out var line)) throw table.At(key, $"the key {k} is already on line {line}");
                lines[k] = table.Line;
                var code = table.Text(commune);
                if (!Commune.IsWellFormedCode(code)) throw table.At(commune, $"\"{Clip(code)}\" is not a commune code");
                if (!known.Contains(code)) throw table.At(commune, $"unknown commune {code} (import the official commune list first)");
                var name = table.Text(street);
                if (name.Length == 0) throw table.At(street, "the street name is empty");
                if (name.Length > 200) throw table.At(street, "the street name is longer than 200 characters");
                var n = table.Int(number);
                if (n < 0) throw table.At(number, $"negative number ({n})");
                var s = table.OptionalText(suffix)?.ToLowerInvariant();
                if (s?.Length > 16) throw table.At(suffix, "the suffix is longer than 16 characters");
                var lon = Degrees(table, longitude, "longitude", 180);
                var lat = Degrees(table, latitude, "latitude", 90);
                if (lon == 0 && lat == 0) throw table.At(longitude, "the position is 0,0 (a missing position written as zeros?)");
                parsed.Add(new Parsed(k, code, name, n, s, lon, lat));
                if (table.RowCount % 10_000 == 0) await context.Progress.ReportAsync(table.BytesRead, table.Length, ct);
            }
            if (table.RowCount == 0) throw ImportException.File("the file has a header but no rows");
        }
        var codes = parsed.Select(p => p.CommuneCode).Distinct().ToList();
        var names = await context.Db.Set<Commune>().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var rows = parsed.Select(p => new AddressRow(p.Key, p.CommuneCode, p.StreetName, p.Number, p.Suffix,
            Address.LabelOf(p.Number, p.Suffix, p.StreetName, names[p.CommuneCode]), p.Longitude, p.Latitude)).ToList();
        var counts = await AddressWriter.WriteAsync(context.Connection, rows, generated: false, ct);
        var streets = parsed.Select(p => (p.CommuneCode, p.StreetName)).Distinct().Count();
        return new ImportSummary(
            $"{layout.Name} file: {rows.Count} addresses on {streets} streets in {codes.Count} commune{(codes.Count == 1 ? "" : "s")} ({counts.New} new, {counts.Changed} changed, "
            + $"{counts.Retired} retired), {counts.InStation} inside a polling station's contour.",
            new Dictionary<string, long>
            {
                ["addresses"] = rows.Count, ["streets"] = streets, ["communes"] = codes.Count, ["new"] = counts.New,
                ["changed"] = counts.Changed, ["retired"] = counts.Retired, ["inStation"] = counts.InStation,
            });
    }

    private static double Degrees(CsvTable table, int column, string what, double limit)
    {
        var value = table.Number(column) ?? throw table.At(column, $"the {what} is missing");
        return Math.Abs(value) <= limit ? value : throw table.At(column, FormattableString.Invariant($"{value} is not a {what} (between -{limit} and {limit} degrees)"));
    }

    private static string Clip(string s) => s.Length > 40 ? $"{s[..40]}…" : s;
}
