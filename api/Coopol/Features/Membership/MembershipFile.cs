using System.Globalization;
using Coopol.Common.Imports;
using ExcelDataReader;

namespace Coopol.Features.Membership;

/// <summary>A membership file as exported by membership systems: CSV (';' or ',', UTF-8 with or without BOM, or
/// Latin-1) or an Excel workbook (its first sheet). Rows come as text, with the line a spreadsheet shows them on.</summary>
public sealed class MembershipFile : IDisposable
{
    /// <summary>A row as read: its line and its cells (as many as the file has, which may differ from the header).</summary>
    public sealed record Row(int Line, string[] Cells);

    /// <summary>Rows read at most, blank ones included (a workbook can claim two billion empty rows): a whole country's
    /// membership is far fewer.</summary>
    public const int MaxRows = 500_000;
    public const int MaxColumns = 200;

    private readonly CsvTable? _csv;
    private readonly IExcelDataReader? _excel;
    private readonly FileStream? _excelStream;
    private int _excelLine = 1;

    private MembershipFile(CsvTable csv)
    {
        _csv = csv;
        Header = csv.Header;
        Encoding = csv.Encoding.WebName == "utf-8" ? "UTF-8" : "Windows-1252";
        Separator = csv.Separator;
    }

    private MembershipFile(FileStream stream, IExcelDataReader excel, IReadOnlyList<string> header)
    {
        _excelStream = stream;
        _excel = excel;
        Header = header;
        Encoding = "XLSX";
    }

    public IReadOnlyList<string> Header { get; }
    public string Encoding { get; }
    public char? Separator { get; }
    public long BytesRead => _csv?.BytesRead ?? _excelStream?.Position ?? 0;
    public long Length => _csv?.Length ?? _excelStream?.Length ?? 0;

    /// <summary>Opens a file, telling its kind from its first bytes rather than its name: a spreadsheet, a CSV, or a
    /// problem naming what it is instead (a PDF, a Word document, an image, UTF-16 text...).</summary>
    public static MembershipFile Open(string path)
    {
        Span<byte> start = stackalloc byte[512];
        int read;
        using (var probe = File.OpenRead(path)) read = probe.Read(start);
        var head = start[..read];
        if (read == 0) throw ImportException.File("the file is empty");
        if (head is [0x50, 0x4B, 0x03, 0x04, ..] or [0xD0, 0xCF, 0x11, 0xE0, ..]) return OpenExcel(path);
        if (head is [0x25, 0x50, 0x44, 0x46, ..]) throw ImportException.File("this is a PDF, not a membership file: export the file as CSV or XLSX");
        if (head is [0x89, 0x50, 0x4E, 0x47, ..] or [0xFF, 0xD8, 0xFF, ..] or [0x47, 0x49, 0x46, ..])
            throw ImportException.File("this is an image, not a membership file: export the file as CSV or XLSX");
        if (head is not ([0xFF, 0xFE, ..] or [0xFE, 0xFF, ..]) && head.Contains((byte)0))
            throw ImportException.File("this is not a text file in a known encoding (UTF-8 or Latin-1): export the file as CSV or XLSX");
        var csv = CsvTable.Open(path, ragged: true);
        if (csv.Header.Count > MaxColumns)
        {
            csv.Dispose();
            throw ImportException.At(1, null, $"the header has {csv.Header.Count} columns: a membership file has at most {MaxColumns}");
        }
        if (csv.Header.Any(h => h.Any(c => char.IsControl(c))))
        {
            csv.Dispose();
            throw ImportException.File("the header holds control characters: the file is in an encoding other than UTF-8 or Latin-1");
        }
        return new MembershipFile(csv);
    }

    private static MembershipFile OpenExcel(string path)
    {
        // ExcelDataReader reads the code pages of old workbooks; .NET has them once this provider is registered.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var stream = File.OpenRead(path);
        try
        {
            IExcelDataReader reader;
            try
            {
                reader = ExcelReaderFactory.CreateReader(stream);
            }
            catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException)
            {
                throw ImportException.File("this is a zip or an Office file that is not a spreadsheet Coopol can read: export the file as CSV or XLSX");
            }
            if (!reader.Read()) throw ImportException.File("the spreadsheet's first sheet is empty");
            if (reader.FieldCount > MaxColumns)
                throw ImportException.At(1, null, $"the first sheet spans {reader.FieldCount} columns: a membership file has at most {MaxColumns}");
            var header = new string[reader.FieldCount];
            for (var i = 0; i < header.Length; i++) header[i] = Cell(reader, i);
            var count = header.Length;
            while (count > 0 && header[count - 1].Length == 0) count--;
            if (count <= 1) throw ImportException.At(1, null, "the first row of the first sheet is not a header of several columns");
            return new MembershipFile(stream, reader, header[..count]);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The rows after the header; blank rows are skipped (and counted against <see cref="MaxRows"/>).</summary>
    public IEnumerable<Row> Rows(CancellationToken ct = default)
    {
        var read = 0;
        void Count()
        {
            if (++read > MaxRows) throw ImportException.File($"the file has more than {MaxRows:N0} rows: split it by federation");
            if (read % 10_000 == 0) ct.ThrowIfCancellationRequested();
        }
        if (_csv is { } csv)
        {
            while (csv.Read())
            {
                Count();
                if (csv.FieldCount > MaxColumns) throw ImportException.At(csv.Line, null, $"more than {MaxColumns} fields on this line");
                var cells = new string[csv.FieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = csv.Text(i);
                yield return new Row(csv.Line, cells);
            }
            yield break;
        }
        var excel = _excel!;
        while (excel.Read())
        {
            Count();
            _excelLine++;
            var cells = new string[excel.FieldCount];
            var any = false;
            for (var i = 0; i < cells.Length; i++) any |= (cells[i] = Cell(excel, i)).Length > 0;
            if (!any) continue;
            var count = cells.Length;
            while (count > Header.Count && cells[count - 1].Length == 0) count--;
            yield return new Row(_excelLine, cells[..count]);
        }
    }

    /// <summary>A cell as text: dates as yyyy-MM-dd, whole numbers without decimals (a membership number read as 1234.0).</summary>
    private static string Cell(IExcelDataReader reader, int i) => reader.GetValue(i) switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double n when n == Math.Floor(n) && Math.Abs(n) < 1e15 => ((long)n).ToString(CultureInfo.InvariantCulture),
        double n => n.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "oui" : "non",
        var v => (Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").Trim(),
    };

    public void Dispose()
    {
        _csv?.Dispose();
        _excel?.Dispose();
        _excelStream?.Dispose();
    }
}
