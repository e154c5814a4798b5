namespace Coopol.Common.Imports;

/// <summary>Bad input that stops an import: where it is (a line and column of a CSV file, or a feature of a GeoJSON file)
/// and what is wrong. Nothing of the file is kept.</summary>
public sealed class ImportException(string where, string problem, long? line = null, int? column = null)
    : CoopolException("IMPORT_INVALID", where.Length == 0 ? problem : $"{where}: {problem}")
{
    public string Where { get; } = where;
    public string Problem { get; } = problem;
    public long? Line { get; } = line;
    public int? Column { get; } = column;

    public static ImportException At(long line, int? column, string problem) =>
        new(column is null ? $"line {line}" : $"line {line}, column {column}", problem, line, column);

    public static ImportException File(string problem) => new("", problem);
}
