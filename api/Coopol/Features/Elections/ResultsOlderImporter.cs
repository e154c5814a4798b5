using Coopol.Common.Imports;

namespace Coopol.Features.Elections;

/// <summary>The ministry's older wide layout (présidentielle 2017 and 2022, législatives 2017 and 2022, européennes 2019...):
/// the commune split into <c>Code du département</c> + <c>Code de la commune</c> (3 characters), <c>Code du b.vote</c>,
/// then one candidate block (<c>N°Panneau;Sexe;Nom;Prénom;Nuance;Voix;% Voix/Ins;% Voix/Exp</c>) whose columns repeat,
/// unnamed, for each further candidate. Usually Latin-1. Older files count <c>Blancs et nuls</c> together.</summary>
public sealed class ResultsOlderImporter(ResultsWriter writer) : ResultsImporter(writer)
{
    public override string Kind => "results-older";
    public override string Description => "Results by polling station, ministry older wide layout (Code du b.vote, repeated unnumbered candidate blocks)";
    protected override bool RowsMayBeLongerThanHeader => true;

    /// <summary>The letters older files use for overseas départements, and their INSEE prefixes.</summary>
    private static readonly Dictionary<string, string> Overseas = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ZA"] = "971", ["ZB"] = "972", ["ZC"] = "973", ["ZD"] = "974", ["ZM"] = "976", ["ZS"] = "975", ["ZX"] = "977",
    };

    protected override Action<ResultsBatch> Layout(CsvTable table)
    {
        var departement = table.Column("Code du département");
        var commune = table.Column("Code de la commune");
        var communeName = table.OptionalColumn("Libellé de la commune");
        var bureau = table.Column("Code du b.vote");
        var constituency = table.OptionalColumn("Code de la circonscription");
        var blank = AnyColumn(table, "Blancs", "Blancs et nuls");
        var counts = new ResultsBatch.CountColumns(table.Column("Inscrits"), table.Column("Votants"), table.OptionalColumn("Abstentions"),
            blank, table.OptionalColumn("Nuls"), table.Column("Exprimés"));
        var first = AnyColumn(table, "N°Panneau", "N° Panneau", "N°Liste", "N° Liste");
        var second = Enumerable.Range(first + 1, table.Header.Count - first - 1).FirstOrDefault(i => table.Header[i] == table.Header[first]);
        var width = second > 0 ? second - first : table.Header.Count - first;
        int Offset(params string[] names) => names.Select(n => Enumerable.Range(first, width).FirstOrDefault(i => string.Equals(table.Header[i], n, StringComparison.OrdinalIgnoreCase), -1))
            .FirstOrDefault(i => i >= 0, -1) is var i && i >= 0 ? i - first : -1;
        var name = Offset("Nom", "Libellé Abrégé Liste", "Libellé abrégé liste");
        var votes = Offset("Voix");
        if (name < 0) throw table.MissingColumn("Nom");
        if (votes < 0) throw table.MissingColumn("Voix");
        var (firstName, sex, nuance) = (Offset("Prénom"), Offset("Sexe"), Offset("Nuance", "Code Nuance"));

        return batch =>
        {
            var communeCode = CommuneCode(table, departement, commune);
            var station = batch.AddStation(table, commune, communeCode, bureau, table.Text(bureau), counts,
                communeName is { } n ? table.OptionalText(n) : null);
            if (constituency is { } c && table.OptionalText(c) is { } code) station.Constituency = ResultsBatch.ConstituencyFromFile(table, c, communeCode, code);
            for (var start = first; start < table.FieldCount; start += width)
            {
                if (start + width > table.FieldCount)
                    throw table.At(table.FieldCount - 1, $"the last candidate block has {table.FieldCount - start} fields instead of {width} (a truncated line?)");
                if (table.Span(start + name).IsEmpty && table.Span(start + votes).IsEmpty) continue;
                var candidate = batch.Candidate(table.OptionalInt(start), nuance >= 0 ? table.OptionalText(start + nuance) : null, table.Text(start + name),
                    firstName >= 0 ? table.OptionalText(start + firstName) : null, sex >= 0 ? table.OptionalText(start + sex) : null);
                batch.AddVotes(table, station, candidate, start + votes);
            }
        };
    }

    /// <summary>Département ("04", "4", "2A", "ZA") + commune ("036", "36") → INSEE code ("04036").</summary>
    public static string CommuneCode(CsvTable table, int departementColumn, int communeColumn)
    {
        var departement = table.Text(departementColumn);
        var commune = table.Text(communeColumn);
        if (Overseas.TryGetValue(departement, out var prefix)) return prefix + commune.PadLeft(2, '0')[^2..];
        if (departement.Length == 1) departement = "0" + departement;
        if (departement.Equals("ZZ", StringComparison.OrdinalIgnoreCase)) return "ZZ" + commune.PadLeft(3, '0')[^3..];
        if (commune.Length == 5 && commune.StartsWith(departement, StringComparison.OrdinalIgnoreCase)) return commune;
        return departement.Length == 3 ? departement + commune.PadLeft(2, '0')[^2..] : departement + commune.PadLeft(3, '0');
    }
}
