using System.Text;

namespace Coopol.Tests.Infrastructure;

/// <summary>A real results file of ../shared/data (unquoted, ';'), read as lines of fields so a test can make a variant
/// of it: a value changed, a column dropped, a row repeated. Lines are numbered as the importer numbers them (the header is
/// line 1) and columns from 1.</summary>
public sealed class RealResultsFile
{
    private RealResultsFile(IEnumerable<string> lines) => Lines = lines.ToList();

    public static RealResultsFile Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (text.Contains('"')) throw new InvalidOperationException($"{path} is quoted: split it with a CSV reader instead.");
        return new RealResultsFile(text.TrimEnd('\n').Split('\n'));
    }

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    public List<string> Lines { get; }

    public string[] Header => Lines[0].Split(';');

    /// <summary>The data rows (line 2 onwards), as fields.</summary>
    public IEnumerable<string[]> Rows => Lines.Skip(1).Select(l => l.Split(';'));

    /// <summary>The 1-based column of a header name.</summary>
    public int Column(string name) => Array.IndexOf(Header, name) is var i and >= 0 ? i + 1 : throw new ArgumentException($"no column {name}");

    public string this[int line, string column] => Lines[line - 1].Split(';')[Column(column) - 1];

    public RealResultsFile With(int line, string column, string value)
    {
        var fields = Lines[line - 1].Split(';');
        fields[Column(column) - 1] = value;
        var copy = new RealResultsFile(Lines);
        copy.Lines[line - 1] = string.Join(';', fields);
        return copy;
    }

    public RealResultsFile WithoutColumn(string column)
    {
        var index = Column(column) - 1;
        return new RealResultsFile(Lines.Select(l => string.Join(';', l.Split(';').Where((_, i) => i != index))));
    }

    /// <summary>A copy of line <paramref name="line"/> inserted so that it becomes line <paramref name="at"/>.</summary>
    public RealResultsFile WithLineRepeated(int line, int at)
    {
        var copy = new RealResultsFile(Lines);
        copy.Lines.Insert(at - 1, Lines[line - 1]);
        return copy;
    }

    public string Text => string.Join('\n', Lines) + "\n";

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
