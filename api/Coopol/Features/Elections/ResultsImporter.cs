using Coopol.Common.Imports;

namespace Coopol.Features.Elections;

/// <summary>What the results importers share: the election options, the checks of <see cref="ResultsBatch"/>, progress,
/// and the writer. Each layout only says how its rows map to stations, counts and candidates.</summary>
public abstract class ResultsImporter(ResultsWriter writer) : IImporter
{
    public abstract string Kind { get; }
    public abstract string Description { get; }

    protected virtual IReadOnlyDictionary<string, string> LayoutOptions => new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Options =>
        ElectionOptions.Described.Concat(LayoutOptions).ToDictionary(kv => kv.Key, kv => kv.Value);

    /// <summary>Whether rows may carry more fields than the header (layouts whose candidate blocks have no header).</summary>
    protected virtual bool RowsMayBeLongerThanHeader => false;

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var election = ElectionOptions.From(context);
        var layout = await PrepareAsync(context, ct);
        var batch = new ResultsBatch(await Geography.Commune.KnownCodesAsync(context.Db, ct));
        using (var table = CsvTable.Open(context.FilePath, RowsMayBeLongerThanHeader))
        {
            var read = layout(table);
            while (table.Read())
            {
                try
                {
                    read(batch);
                }
                catch (ImportException e) when (e.Where.Length == 0)
                {
                    throw ImportException.At(table.Line, null, e.Problem); // a problem of the row: name its line
                }
                if (table.RowCount % 2000 == 0) await context.Progress.ReportAsync(table.BytesRead, table.Length, ct);
            }
        }
        return await writer.WriteAsync(context, election, batch, ct);
    }

    /// <summary>Reads what the layout needs besides the file (a mapping); then, given the open file, checks its header and
    /// returns how to read one row into the batch.</summary>
    protected virtual Task<Func<CsvTable, Action<ResultsBatch>>> PrepareAsync(ImportContext context, CancellationToken ct) =>
        Task.FromResult<Func<CsvTable, Action<ResultsBatch>>>(Layout);

    protected abstract Action<ResultsBatch> Layout(CsvTable table);

    /// <summary>The first of these column names the header has.</summary>
    protected static int AnyColumn(CsvTable table, params string[] names) =>
        names.Select(table.OptionalColumn).FirstOrDefault(i => i is not null) ?? throw table.MissingColumn(names[0]);

    protected static int? AnyOptionalColumn(CsvTable table, params string[] names) =>
        names.Select(table.OptionalColumn).FirstOrDefault(i => i is not null);
}
