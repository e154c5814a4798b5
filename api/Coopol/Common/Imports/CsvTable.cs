using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace Coopol.Common.Imports;

/// <summary>A CSV file read as published, row by row: encoding detected (UTF-8 with or without BOM, else Windows-1252),
/// separator detected from the header (<c>;</c> or <c>,</c>), quoted and unquoted fields mixed, decimal commas and
/// <c>%</c> signs accepted. Every problem names its line and column (1-based, as a spreadsheet shows them).</summary>
public sealed class CsvTable : IDisposable
{
    private const int SampleBytes = 1 << 20;
    private readonly FileStream _file;
    private readonly SepReader _reader;

    private readonly bool _allowLongerRows;
    private readonly bool _ragged;

    private CsvTable(FileStream file, Encoding encoding, char separator, bool allowLongerRows, bool ragged)
    {
        _allowLongerRows = allowLongerRows;
        _ragged = ragged;
        _file = file;
        Encoding = encoding;
        Separator = separator;
        var text = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        if (encoding is UTF8Encoding && HasUtf8Bom(file)) text.Read(); // the BOM is not part of the first name
        _reader = Sep.New(separator).Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(text);
        if (!ReadRow()) throw ImportException.File("the file is empty");
        var names = new string[_reader.Current.ColCount];
        for (var i = 0; i < names.Length; i++) names[i] = _reader.Current[i].ToString().Trim();
        Header = names;
        if (names.Length == 1)
            throw ImportException.At(1, null, $"the header has a single column: the file is not separated by ';' or ','");
    }

    public IReadOnlyList<string> Header { get; }
    public char Separator { get; }
    public Encoding Encoding { get; }
    /// <summary>The line the current row starts on.</summary>
    public int Line { get; private set; } = 1;
    public int RowCount { get; private set; }
    public long BytesRead => _file.Position;
    public long Length => _file.Length;

    /// <param name="allowLongerRows">For layouts whose repeated blocks have no header of their own.</param>
    /// <param name="ragged">Rows of any length are returned (the caller checks <see cref="FieldCount"/>), for readers that
    /// report every bad row rather than stop at the first.</param>
    public static CsvTable Open(string path, bool allowLongerRows = false, bool ragged = false)
    {
        var file = File.OpenRead(path);
        try
        {
            if (file.Length == 0) throw ImportException.File("the file is empty");
            var sample = new byte[Math.Min(SampleBytes, file.Length)];
            file.ReadExactly(sample);
            file.Position = 0;
            var encoding = DetectEncoding(sample, complete: sample.Length == file.Length);
            var separator = DetectSeparator(encoding.GetString(sample));
            return new CsvTable(file, encoding, separator, allowLongerRows, ragged);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The index of a column by its name (case, accents and spacing as published), or a problem naming it.</summary>
    public int Column(string name) => OptionalColumn(name) ?? throw MissingColumn(name);

    public int? OptionalColumn(string name)
    {
        for (var i = 0; i < Header.Count; i++)
            if (string.Equals(Header[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return null;
    }

    public ImportException MissingColumn(string name) => ImportException.At(1, null,
        $"missing column \"{name}\" (the header has {Header.Count} columns separated by '{Separator}')");

    /// <summary>Moves to the next row; false at the end. Blank lines are skipped; a row without the header's number of
    /// fields stops the import (a truncated file, a stray separator).</summary>
    public bool Read()
    {
        while (ReadRow())
        {
            var row = _reader.Current;
            if (row.ColCount == 1 && row.Span.IsWhiteSpace()) continue;
            RowCount++;
            if (_ragged) return true;
            if (row.ColCount < Header.Count || (row.ColCount > Header.Count && !_allowLongerRows))
                throw ImportException.At(Line, null, row.ColCount < Header.Count
                    ? $"{row.ColCount} fields where the header has {Header.Count} (a truncated line, or a different separator)"
                    : $"{row.ColCount} fields where the header has {Header.Count} (an unquoted '{Separator}' inside a value?)");
            return true;
        }
        return false;
    }

    private bool ReadRow()
    {
        try
        {
            if (!_reader.MoveNext()) return false;
        }
        catch (NotSupportedException)
        {
            // Sep's own bounds: a row of 16 million characters (an unclosed quote) or too many columns.
            throw ImportException.At(Line + 1, null, "a line too long or with too many columns to be read (an unclosed quote?)");
        }
        catch (DecoderFallbackException)
        {
            // The reader decodes ahead, a buffer at a time: the row it was reading is not where the bad bytes are.
            throw ImportException.At(LineOfFirstInvalidUtf8(), null, "the text is not valid UTF-8 here, although the start of the file is (mixed encodings)");
        }
        Line = _reader.Current.LineNumberFrom;
        return true;
    }

    /// <summary>The line (1-based) holding the file's first byte sequence that is not UTF-8, read again from the start.</summary>
    private long LineOfFirstInvalidUtf8()
    {
        _file.Position = 0;
        var buffer = new byte[1 << 16];
        var chars = new char[buffer.Length];
        long line = 1;
        var kept = 0;
        while (true)
        {
            var read = _file.Read(buffer, kept, buffer.Length - kept);
            var length = kept + read;
            var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var valid, out _, replaceInvalidSequences: false, isFinalBlock: read == 0);
            line += buffer.AsSpan(0, valid).Count((byte)'\n');
            if (status == System.Buffers.OperationStatus.InvalidData || read == 0) return line;
            kept = length - valid; // a sequence cut by the buffer's end is read again with what follows
            buffer.AsSpan(valid, kept).CopyTo(buffer);
        }
    }

    /// <summary>The current row's number of fields.</summary>
    public int FieldCount => _reader.Current.ColCount;

    public ReadOnlySpan<char> Span(int column) => _reader.Current[column].Span.Trim();

    public string Text(int column) => Span(column).ToString();

    public string? OptionalText(int column) => Span(column) is { Length: > 0 } s ? s.ToString() : null;

    /// <summary>A whole number; spaces as thousands separators are accepted. Empty is a problem.</summary>
    public int Int(int column) => OptionalInt(column) ?? throw At(column, "a number is required here");

    public int? OptionalInt(int column)
    {
        var s = Span(column);
        if (s.IsEmpty) return null;
        Span<char> digits = stackalloc char[Math.Min(s.Length, 64)];
        var n = 0;
        foreach (var c in s)
            if (!char.IsWhiteSpace(c) && n < digits.Length) digits[n++] = c;
        return int.TryParse(digits[..n], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v : throw At(column, $"\"{Clip(s)}\" is not a whole number");
    }

    /// <summary>A decimal number written the French way or not ("22,6", "78,41%", "47,70 %", "-13.9"); null when empty.</summary>
    public double? Number(int column)
    {
        var s = Span(column);
        if (s.IsEmpty) return null;
        Span<char> chars = stackalloc char[Math.Min(s.Length, 64)];
        var n = 0;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '%') continue;
            if (n < chars.Length) chars[n++] = c == ',' ? '.' : c;
        }
        return double.TryParse(chars[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw At(column, $"\"{Clip(s)}\" is not a number");
    }

    public ImportException At(int column, string problem) => ImportException.At(Line, column + 1, problem);

    private static string Clip(ReadOnlySpan<char> s) => s.Length > 40 ? $"{s[..40]}…" : s.ToString();

    public void Dispose()
    {
        _reader.Dispose();
        _file.Dispose();
    }

    private static bool HasUtf8Bom(FileStream file)
    {
        var position = file.Position;
        Span<byte> bom = stackalloc byte[3];
        var read = file.Read(bom);
        file.Position = position;
        return read == 3 && bom is [0xEF, 0xBB, 0xBF];
    }

    /// <summary>UTF-8 when the sample decodes as UTF-8 (a sequence cut by the sample's end is fine), else Windows-1252,
    /// what "ANSI" and "Latin-1" files from French administrations are in practice.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
            throw ImportException.File("the file is in UTF-16: save it as UTF-8 or Latin-1");
        if (sample is [0xEF, 0xBB, 0xBF, ..]) return Strict;
        var status = System.Text.Unicode.Utf8.ToUtf16(sample, new char[sample.Length], out _, out _, replaceInvalidSequences: false, isFinalBlock: complete);
        return status is System.Buffers.OperationStatus.Done or System.Buffers.OperationStatus.NeedMoreData ? Strict : Windows1252;
    }

    private static readonly Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    /// <summary>';' or ',', whichever the header (first line, outside quotes) uses more.</summary>
    public static char DetectSeparator(string start)
    {
        int semicolons = 0, commas = 0;
        var quoted = false;
        foreach (var c in start)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
        }
        if (semicolons == 0 && commas == 0)
            throw ImportException.At(1, null, "the header has no ';' or ',' separator: is this a CSV file?");
        return semicolons >= commas ? ';' : ',';
    }
}
