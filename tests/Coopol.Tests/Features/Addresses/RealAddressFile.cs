using System.Text;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Addresses;

/// <summary>The real Base Adresse Locale of Mont-Bonvillers (../shared/data/addresses/adresses-54084.csv: 486 rows, CRLF,
/// no newline at the end), read as lines of fields to make variants of it in a <see cref="TempFolder"/>.</summary>
public sealed class RealAddressFile
{
    public static string Path => SharedData.File("addresses", "adresses-54084.csv");

    public List<string> Header { get; }
    /// <summary>The data rows; row i is on line i + 2 of the file.</summary>
    public List<List<string>> Rows { get; }

    private RealAddressFile(List<string> header, List<List<string>> rows) => (Header, Rows) = (header, rows);

    public static RealAddressFile Read()
    {
        var lines = File.ReadAllText(Path, Encoding.UTF8).Split("\r\n");
        return new RealAddressFile(lines[0].Split(';').ToList(), lines.Skip(1).Select(l => l.Split(';').ToList()).ToList());
    }

    public int Column(string name) => Header.IndexOf(name);

    /// <summary>Sets a field on a line of the file (line 2 is the first row).</summary>
    public RealAddressFile With(int line, string column, string value)
    {
        Rows[line - 2][Column(column)] = value;
        return this;
    }

    public RealAddressFile Without(string column)
    {
        var index = Column(column);
        Header.RemoveAt(index);
        foreach (var row in Rows) row.RemoveAt(index);
        return this;
    }

    public string Field(int line, string column) => Rows[line - 2][Column(column)];

    public string Text => string.Join("\r\n", new[] { Header }.Concat(Rows).Select(r => string.Join(';', r)));

    /// <summary>The same addresses in the BAN's adresses-XX.csv layout.</summary>
    public string AsBanFile()
    {
        var header = "id;id_fantoir;numero;rep;nom_voie;code_postal;code_insee;nom_commune;code_insee_ancienne_commune;nom_ancienne_commune;"
            + "x;y;lon;lat;type_position;alias;nom_ld;libelle_acheminement;nom_afnor;source_position;source_nom_voie;certification_commune;cad_parcelles";
        var rows = Rows.Select(r => string.Join(';',
            r[Column("cle_interop")], "", r[Column("numero")], r[Column("suffixe")], r[Column("voie_nom")], "54111", r[Column("commune_insee")],
            r[Column("commune_nom")], "", "", r[Column("x")], r[Column("y")], r[Column("long")], r[Column("lat")], r[Column("position")],
            "", "", "MONT BONVILLERS", r[Column("voie_nom")].ToUpperInvariant(), "commune", "commune", "0", ""));
        return string.Join("\n", rows.Prepend(header)) + "\n";
    }
}
