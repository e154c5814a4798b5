using Coopol.Common.Imports;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Coopol.Features.Geography;

/// <summary>A generic INSEE indicator file (Filosofi, census tables...): one row per IRIS or commune, a code column and
/// the indicator columns chosen with their labels and units. Empty cells are values INSEE does not publish (statistical
/// secrecy) and are skipped. Re-importing an indicator replaces its values.</summary>
public sealed class IndicatorsImporter(TimeProvider clock) : IImporter
{
    public string Kind => "indicators";
    public string Description => "INSEE indicators per IRIS or per commune (CSV)";

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["code-column"] = "the column holding the IRIS or commune code (default: IRIS, CODGEO, COM)",
        ["columns"] = "the indicators, comma-separated: COLUMN or COLUMN=Label|unit|sum or mean (how IRIS add up to a commune; default mean)",
    };

    private sealed record Wanted(string Column, string Label, string? Unit, IndicatorAggregation Aggregation)
    {
        public int Index { get; set; }
        public List<(string Zone, double Value)> Values { get; } = [];
    }

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var wanted = ParseColumns(context.RequireOption("columns"));
        ZoneLevel? level = null;
        using (var table = CsvTable.Open(context.FilePath))
        {
            var code = context.Option("code-column") is { } c ? table.Column(c)
                : new[] { "IRIS", "CODGEO", "COM" }.Select(table.OptionalColumn).FirstOrDefault(i => i is not null) ?? throw table.MissingColumn("IRIS");
            foreach (var w in wanted) w.Index = table.Column(w.Column);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            while (table.Read())
            {
                var zone = table.Text(code);
                var rowLevel = zone.Length switch { 9 => ZoneLevel.Iris, 5 => ZoneLevel.Commune, _ => (ZoneLevel?)null };
                if (rowLevel is null || !zone.All(char.IsAsciiLetterOrDigit)) throw table.At(code, $"\"{zone}\" is neither an IRIS code (9 characters) nor a commune code (5)");
                level ??= rowLevel;
                if (rowLevel != level) throw table.At(code, $"{zone} is a {rowLevel} code where the file's first rows are {level} codes");
                if (seen.TryGetValue(zone, out var line)) throw table.At(code, $"{zone} is already on line {line}");
                seen[zone] = table.Line;
                foreach (var w in wanted)
                    if (table.Number(w.Index) is { } value) w.Values.Add((zone, value));
                if (table.RowCount % 5000 == 0) await context.Progress.ReportAsync(table.BytesRead, table.Length, ct);
            }
            if (table.RowCount == 0) throw ImportException.File("the file has a header but no rows");
        }

        var db = context.Db;
        var now = clock.GetUtcNow().UtcDateTime;
        var codes = wanted.Select(w => w.Column).ToList();
        var existing = await db.Set<Indicator>().AsTracking().Where(i => codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        var ids = new Dictionary<string, Guid>();
        foreach (var w in wanted)
        {
            if (!existing.TryGetValue(w.Column, out var indicator))
            {
                indicator = new Indicator { Code = w.Column, Label = w.Label, Level = level!.Value };
                db.Add(indicator);
            }
            (indicator.Label, indicator.Unit, indicator.Level, indicator.Aggregation, indicator.Source, indicator.UpdatedAt) =
                (w.Label, w.Unit, level!.Value, w.Aggregation, context.FileName.Length > 200 ? context.FileName[..200] : context.FileName, now);
            ids[w.Column] = indicator.Id;
        }
        await db.SaveChangesAsync(ct);
        var idList = ids.Values.ToList();
        await db.Set<IndicatorValue>().Where(v => idList.Contains(v.IndicatorId)).ExecuteDeleteAsync(ct);
        long count = 0;
        await using (var copy = await context.Connection.BeginBinaryImportAsync("""COPY "IndicatorValues" ("IndicatorId", "ZoneCode", "Value") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var w in wanted)
                foreach (var (zone, value) in w.Values)
                {
                    await copy.StartRowAsync(ct);
                    await copy.WriteAsync(ids[w.Column], NpgsqlDbType.Uuid, ct);
                    await copy.WriteAsync(zone, ct);
                    await copy.WriteAsync(value, NpgsqlDbType.Double, ct);
                    count++;
                }
            await copy.CompleteAsync(ct);
        }
        return new ImportSummary($"{wanted.Count} indicators per {(level == ZoneLevel.Iris ? "IRIS" : "commune")}, {count} values.",
            new Dictionary<string, long> { ["indicators"] = wanted.Count, ["values"] = count });
    }

    private static List<Wanted> ParseColumns(string spec)
    {
        var list = new List<Wanted>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (column, rest) = part.IndexOf('=') is var eq and > 0 ? (part[..eq].Trim(), part[(eq + 1)..]) : (part, "");
            var pieces = rest.Split('|', StringSplitOptions.TrimEntries);
            var label = pieces.ElementAtOrDefault(0) is { Length: > 0 } l ? l : column;
            var unit = pieces.ElementAtOrDefault(1) is { Length: > 0 } u ? u : null;
            var aggregation = pieces.ElementAtOrDefault(2) switch
            {
                null or "" or "mean" => IndicatorAggregation.Mean,
                "sum" => IndicatorAggregation.Sum,
                var other => throw ImportException.File($"--columns: \"{other}\" is neither sum nor mean"),
            };
            if (column.Length is 0 or > 60 || !column.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw ImportException.File($"--columns: an indicator's column is letters, digits and _ (it names its map layer), not \"{(column.Length > 60 ? column[..60] : column)}\"");
            if (label.Length > 200 || unit?.Length > 20) throw ImportException.File($"--columns: \"{part}\" is too long");
            if (list.Any(w => w.Column == column)) throw ImportException.File($"--columns names {column} twice");
            list.Add(new Wanted(column, label, unit, aggregation));
        }
        return list.Count > 0 ? list : throw ImportException.File("--columns names no indicator");
    }
}
