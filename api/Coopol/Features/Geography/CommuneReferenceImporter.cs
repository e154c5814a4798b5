using System.Text.Json;
using Coopol.Common.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.Geography;

/// <summary>The official list of communes (<c>reference/communes.json</c>, Etalab's decoupage-administratif): codes, names,
/// départements, populations and postcodes. Delegated and associated communes are kept too, since older files still use
/// their codes. Boundaries are left as they are.</summary>
public sealed class CommuneReferenceImporter : IImporter
{
    private static readonly string[] Kinds = ["commune-actuelle", "arrondissement-municipal", "commune-deleguee", "commune-associee"];

    public string Kind => "communes-reference";
    public string Description => "The official list of communes (COG, JSON array as in @etalab/decoupage-administratif)";
    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>();

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var communes = new Dictionary<string, (string Name, string Kind, int? Population, string[] PostalCodes)>(StringComparer.Ordinal);
        await using (var stream = File.OpenRead(context.FilePath))
        {
            if (stream.Length == 0) throw ImportException.File("the file is empty");
            var index = 0;
            try
            {
                await foreach (var entry in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, cancellationToken: ct))
                {
                    index++;
                    string Where() => $"entry {index}";
                    if (entry.ValueKind != JsonValueKind.Object) throw new ImportException(Where(), "an object is expected");
                    var code = entry.TryGetProperty("code", out var c) ? c.GetString() : null;
                    var type = entry.TryGetProperty("type", out var t) ? t.GetString() : "commune-actuelle";
                    if (!Commune.IsWellFormedCode(code)) throw new ImportException(Where(), $"\"{code}\" is not a commune code");
                    var name = entry.TryGetProperty("nom", out var n) ? n.GetString() : null;
                    if (string.IsNullOrWhiteSpace(name)) throw new ImportException($"{Where()} ({code})", "the name (nom) is missing");
                    if (!Kinds.Contains(type)) continue;
                    // A code may be listed as a current commune and as its own delegated commune: the current one wins.
                    if (communes.TryGetValue(code!, out var known) && Array.IndexOf(Kinds, known.Kind) <= Array.IndexOf(Kinds, type)) continue;
                    int? population = entry.TryGetProperty("population", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : null;
                    var postcodes = entry.TryGetProperty("codesPostaux", out var pc) && pc.ValueKind == JsonValueKind.Array
                        ? pc.EnumerateArray().Select(x => x.GetString()).OfType<string>().Where(x => x.Length == 5).ToArray() : [];
                    communes[code!] = (name.Length > 120 ? name[..120] : name, type!, population, postcodes);
                    if (index % 5000 == 0) await context.Progress.ReportAsync(stream.Position, stream.Length, ct);
                }
            }
            catch (JsonException e)
            {
                throw ImportException.File($"the file is not a valid JSON array (after entry {index}, line {e.LineNumber + 1}): a truncated file?");
            }
        }
        if (communes.Count == 0) throw ImportException.File("the file lists no commune");

        var connection = context.Connection;
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE import_communes (code text, name text, kind text, population int, postcodes text[]) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(ct);
        await using (var copy = await connection.BeginBinaryImportAsync("COPY import_communes FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var (code, c) in communes)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(code, ct);
                await copy.WriteAsync(c.Name, ct);
                await copy.WriteAsync(c.Kind, ct);
                if (c.Population is { } pop) await copy.WriteAsync(pop, NpgsqlDbType.Integer, ct); else await copy.WriteNullAsync(ct);
                await copy.WriteAsync(c.PostalCodes, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using var merge = new NpgsqlCommand($$"""
            INSERT INTO "Communes" ("Code", "Name", "DepartementCode", "Kind", "Population", "PostalCodes")
            SELECT code, name, {{Commune.DepartementSql("code")}}, kind, population, postcodes
            FROM import_communes
            ON CONFLICT ("Code") DO UPDATE SET "Name" = excluded."Name", "Kind" = excluded."Kind", "Population" = excluded."Population", "PostalCodes" = excluded."PostalCodes";
            """, connection);
        await merge.ExecuteNonQueryAsync(ct);
        var current = communes.Values.Count(c => c.Kind == "commune-actuelle");
        return new ImportSummary($"{communes.Count} communes ({current} current ones).",
            new Dictionary<string, long> { ["communes"] = communes.Count, ["current"] = current });
    }
}
