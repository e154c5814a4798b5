using System.Globalization;
using Coopol.Data;
using Npgsql;

namespace Coopol.Common.Imports;

/// <summary>Reads one kind of file as it is published. Features register theirs; the import runner gives them a
/// connection inside one transaction per file, committed only when the whole file was read without a problem.</summary>
public interface IImporter
{
    /// <summary>The name used on the command line and in the web client ("results-2024").</summary>
    string Kind { get; }

    string Description { get; }

    /// <summary>The options it reads (name → what it means), for help and to refuse unknown ones.</summary>
    IReadOnlyDictionary<string, string> Options { get; }

    /// <summary>Reads the file and writes what it holds. Throws <see cref="ImportException"/> on bad input.</summary>
    Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct);
}

/// <summary>What an import did, in counts ("stations" → 201), with a sentence for people.</summary>
public sealed record ImportSummary(string Text, IReadOnlyDictionary<string, long> Counts);

/// <summary>Reports how far an import got, in bytes of the file read.</summary>
public interface IImportProgress
{
    Task ReportAsync(long done, long total, CancellationToken ct);

    /// <summary>For imports nobody watches (the demo, tests).</summary>
    static readonly IImportProgress None = new Silent();

    private sealed class Silent : IImportProgress
    {
        public Task ReportAsync(long done, long total, CancellationToken ct) => Task.CompletedTask;
    }
}

public sealed class ImportContext(string filePath, string fileName, IReadOnlyDictionary<string, string> options,
    CoopolDbContext db, NpgsqlConnection connection, IImportProgress progress, bool fromCommandLine)
{
    /// <summary>Whether options may name files of this machine (the command line), never for an upload.</summary>
    public bool FromCommandLine { get; } = fromCommandLine;

    public string FilePath { get; } = filePath;
    /// <summary>The name the user gave the file (an upload is read from a temporary copy).</summary>
    public string FileName { get; } = fileName;
    public IReadOnlyDictionary<string, string> Options { get; } = options;
    public CoopolDbContext Db { get; } = db;
    /// <summary>The connection of <see cref="Db"/>, inside the import's transaction: for COPY.</summary>
    public NpgsqlConnection Connection { get; } = connection;
    public IImportProgress Progress { get; } = progress;
    /// <summary>Problems that do not stop the import (a feature without geometry), shown in the report.</summary>
    public List<string> Warnings { get; } = [];

    public string? Option(string name) => Options.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

    public string RequireOption(string name) =>
        Option(name) ?? throw ImportException.File($"the option --{name} is required");

    public int? IntOption(string name) => Option(name) is { } v
        ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw ImportException.File($"--{name} must be a whole number, not \"{v}\"")
        : null;

    public void Warn(string warning)
    {
        // A report lists a bounded number of warnings; the count says how many there were.
        WarningCount++;
        if (Warnings.Count < 200) Warnings.Add(warning);
    }

    public int WarningCount { get; private set; }
}
