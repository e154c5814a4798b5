using System.Collections;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Privacy;

/// <summary>A person's download: one JSON and one CSV file per table, written from the EF model (every mapped column
/// but those a step leaves out, such as file contents or token hashes), zipped with a README in French and English.</summary>
public sealed class PersonalDataArchive(CoopolDbContext db)
{
    private readonly SortedDictionary<string, List<JsonObject>> _tables = new(StringComparer.Ordinal);

    public int Rows => _tables.Values.Sum(t => t.Count);

    public IReadOnlyCollection<string> TableNames => _tables.Keys;

    /// <summary>Adds the rows of a query under a file name (several queries may add to one name).</summary>
    public async Task AddAsync<T>(string name, IQueryable<T> rows, CancellationToken ct, params string[] omit) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not in the model.");
        var list = _tables.TryGetValue(name, out var existing) ? existing : _tables[name] = [];
        foreach (var row in await rows.AsNoTracking().ToListAsync(ct))
        {
            var json = new JsonObject();
            foreach (var property in entity.GetProperties())
            {
                if (property.IsShadowProperty() || omit.Contains(property.Name) || property.PropertyInfo is null) continue;
                json[property.Name] = ToJson(property.PropertyInfo.GetValue(row));
            }
            foreach (var complex in entity.GetComplexProperties())
            {
                if (omit.Contains(complex.Name) || complex.PropertyInfo is null) continue;
                var value = complex.PropertyInfo.GetValue(row);
                foreach (var inner in complex.ComplexType.GetProperties())
                    json[complex.Name + inner.Name] = value is null || inner.PropertyInfo is null ? null : ToJson(inner.PropertyInfo.GetValue(value));
            }
            list.Add(json);
        }
    }

    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b,
        int or long or short or double or decimal or float => JsonValue.Create(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        Geometry g => g.AsText(),
        byte[] => null,
        IEnumerable items => new JsonArray(items.Cast<object?>().Select(ToJson).ToArray()),
        _ => JsonNode.Parse(JsonSerializer.Serialize(value)),
    };

    public byte[] ToZip(DateTime at)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "README.txt", Readme(at));
            foreach (var (name, rows) in _tables)
            {
                Write(zip, name + ".json", new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                Write(zip, name + ".csv", Csv(rows));
            }
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        // CSV with a BOM so spreadsheet software reads it as UTF-8; JSON and text without.
        var bytes = new UTF8Encoding(name.EndsWith(".csv", StringComparison.Ordinal)).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        stream.Write(bytes);
    }

    private static string Csv(List<JsonObject> rows)
    {
        var columns = rows.SelectMany(r => r.Select(p => p.Key)).Distinct().ToList();
        var text = new StringBuilder(string.Join(';', columns)).Append("\r\n");
        foreach (var row in rows)
            text.Append(string.Join(';', columns.Select(c => Field(row[c])))).Append("\r\n");
        return text.ToString();
    }

    private static string Field(JsonNode? node)
    {
        var value = node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
        // Spreadsheet formulas are defused, as in every export of Coopol.
        if (value.Length > 0 && (value[0] is '=' or '@' or '\t' or '\r' || (value[0] is '+' or '-' && !double.TryParse(value, CultureInfo.InvariantCulture, out _))))
            value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private string Readme(DateTime at) => $"""
        Coopol — vos données / your data ({at:yyyy-MM-dd HH:mm} UTC)

        FR — Ce fichier contient tout ce que Coopol conserve à votre sujet : un fichier JSON et un fichier CSV par table
        ({string.Join(", ", _tables.Keys)}). Les identifiants (Id) relient les lignes entre elles. Vous pouvez corriger
        vos données depuis votre profil et demander leur effacement depuis la page « Mes données ».

        EN — This file holds everything Coopol keeps about you: one JSON and one CSV file per table. Ids link the rows
        together. You can correct your data from your profile and ask for its erasure on the "My data" page.
        """;
}
