using Coopol.Common.Imports;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Elections;

/// <summary>Results in any other wide layout (one row per station, one column per candidate), read through a
/// <see cref="ResultsMapping"/>: given as a file (<c>--mapping brest.json</c>) or by the name it was saved under
/// (<c>--mapping-name brest-ville</c>); <c>--save-mapping NAME</c> keeps the one given.</summary>
public sealed class ResultsMappedImporter(ResultsWriter writer, TimeProvider clock) : ResultsImporter(writer)
{
    public override string Kind => "results-mapped";
    public override string Description => "Results by polling station in another layout, read through a column mapping (e.g. the City of Brest's files)";

    protected override IReadOnlyDictionary<string, string> LayoutOptions => new Dictionary<string, string>
    {
        ["mapping"] = "a JSON file mapping the columns (see docs/imports.md)",
        ["mapping-json"] = "the mapping itself, as JSON (what the web client sends)",
        ["mapping-name"] = "the name of a saved mapping",
        ["save-mapping"] = "save the mapping given under this name",
    };

    protected override async Task<Func<CsvTable, Action<ResultsBatch>>> PrepareAsync(ImportContext context, CancellationToken ct)
    {
        var mapping = await MappingAsync(context, ct);
        return table => Layout(table, mapping);
    }

    protected override Action<ResultsBatch> Layout(CsvTable table) => throw new NotSupportedException("Read through a mapping.");

    private async Task<ResultsMapping> MappingAsync(ImportContext context, CancellationToken ct)
    {
        ResultsMapping mapping;
        string? json = null;
        if (context.Option("mapping") is { } path)
        {
            if (!context.FromCommandLine) throw ImportException.File("--mapping names a file of the server: send the mapping itself (mapping-json)");
            if (!File.Exists(path)) throw ImportException.File($"the mapping file {path} does not exist");
            json = await File.ReadAllTextAsync(path, ct);
            mapping = ResultsMapping.Parse(json, "the mapping file");
        }
        else if (context.Option("mapping-json") is { } text)
        {
            json = text;
            mapping = ResultsMapping.Parse(json, "the mapping");
        }
        else if (context.Option("mapping-name") is { } name)
        {
            var saved = await context.Db.Set<ColumnMapping>().FirstOrDefaultAsync(m => m.Name == name, ct)
                ?? throw ImportException.File($"no mapping is saved under the name \"{name}\"");
            mapping = ResultsMapping.Parse(saved.Json, $"the mapping \"{name}\"");
        }
        else throw ImportException.File("give the column mapping: --mapping FILE or --mapping-name NAME");

        if (context.Option("save-mapping") is { } saveAs && json is not null)
        {
            if (saveAs.Length > 80) throw ImportException.File("--save-mapping is limited to 80 characters");
            var existing = await context.Db.Set<ColumnMapping>().AsTracking().FirstOrDefaultAsync(m => m.Name == saveAs, ct);
            var normalised = System.Text.Json.JsonSerializer.Serialize(mapping, ResultsMapping.Json);
            if (existing is null) context.Db.Add(new ColumnMapping { Name = saveAs, Json = normalised, UpdatedAt = clock.GetUtcNow().UtcDateTime });
            else (existing.Json, existing.UpdatedAt) = (normalised, clock.GetUtcNow().UtcDateTime);
            await context.Db.SaveChangesAsync(ct);
        }
        return mapping;
    }

    private static Action<ResultsBatch> Layout(CsvTable table, ResultsMapping m)
    {
        var commune = m.CommuneColumn is { } cc ? table.Column(cc) : -1;
        var station = table.Column(m.StationColumn);
        var constituency = m.ConstituencyColumn is { } k ? table.Column(k) : (int?)null;
        var counts = new ResultsBatch.CountColumns(table.Column(m.Registered), table.Column(m.Voters),
            m.Abstentions is { } a ? table.Column(a) : null, table.Column(m.Blank), m.Null is { } n ? table.Column(n) : null, table.Column(m.Expressed));
        var candidates = m.Candidates is { Count: > 0 }
            ? m.Candidates.Select(c => (Column: table.Column(c.Column), Name: c.Name ?? c.Column, c.Nuance)).ToList()
            : table.Header.Select((h, i) => (h, i)).Where(x => x.h.EndsWith(m.CandidateSuffix!, StringComparison.Ordinal) && x.h.Length > m.CandidateSuffix!.Length)
                .Select(x => (Column: x.i, Name: x.h[..^m.CandidateSuffix!.Length].Trim(), Nuance: (string?)null)).ToList();
        if (candidates.Count == 0) throw ImportException.At(1, null, $"no column ends with \"{m.CandidateSuffix}\": the mapping does not fit this file");

        return batch =>
        {
            var communeCode = m.Commune ?? table.Text(commune);
            var row = batch.AddStation(table, Math.Max(commune, 0), communeCode, station, table.Text(station), counts);
            if (constituency is { } c && table.OptionalText(c) is { } code) row.Constituency = ResultsBatch.ConstituencyFromFile(table, c, communeCode, code);
            foreach (var (column, name, nuance) in candidates)
            {
                if (table.Span(column).IsEmpty) continue; // this candidate did not stand here
                var candidate = batch.Candidate(null, nuance ?? m.Nuances?.GetValueOrDefault(name), name, null, null);
                batch.AddVotes(table, row, candidate, column);
            }
        };
    }
}
