using Coopol.Common.Imports;

namespace Coopol.Features.Elections;

/// <summary>The ministry's 2024 wide layout (législatives 2024, <c>resultats-definitifs-par-bureau-de-vote.csv</c>): one
/// row per station, 19 fixed columns, then numbered candidate blocks (<c>Numéro de panneau N</c>, <c>Nuance candidat N</c>,
/// <c>Nom candidat N</c>, <c>Prénom candidat N</c>, <c>Sexe candidat N</c>, <c>Voix N</c>, <c>Elu N</c>...), unused
/// blocks left empty. No constituency column.</summary>
public sealed class Results2024Importer(ResultsWriter writer) : ResultsImporter(writer)
{
    public override string Kind => "results-2024";
    public override string Description => "Results by polling station, ministry 2024 wide layout (numbered candidate blocks)";

    protected override Action<ResultsBatch> Layout(CsvTable table)
    {
        var commune = table.Column("Code commune");
        var communeName = table.OptionalColumn("Libellé commune");
        var bureau = table.Column("Code BV");
        var counts = new ResultsBatch.CountColumns(table.Column("Inscrits"), table.Column("Votants"), table.OptionalColumn("Abstentions"),
            table.Column("Blancs"), table.Column("Nuls"), table.Column("Exprimés"));
        var blocks = new List<Block>();
        for (var n = 1; table.OptionalColumn($"Numéro de panneau {n}") is { } panel; n++)
            blocks.Add(new Block(panel, table.OptionalColumn($"Nuance candidat {n}"), table.Column($"Nom candidat {n}"),
                table.OptionalColumn($"Prénom candidat {n}"), table.OptionalColumn($"Sexe candidat {n}"), table.Column($"Voix {n}"),
                table.OptionalColumn($"Elu {n}")));
        if (blocks.Count == 0) throw table.MissingColumn("Numéro de panneau 1");

        return batch =>
        {
            var station = batch.AddStation(table, commune, table.Text(commune), bureau, table.Text(bureau), counts,
                communeName is { } n ? table.OptionalText(n) : null);
            foreach (var b in blocks)
            {
                if (table.Span(b.Name).IsEmpty && table.Span(b.Votes).IsEmpty) continue;
                if (table.Span(b.Name).IsEmpty) throw table.At(b.Name, "votes without a candidate's name");
                var candidate = batch.Candidate(table.OptionalInt(b.Panel), b.Nuance is { } nu ? table.OptionalText(nu) : null,
                    table.Text(b.Name), b.FirstName is { } f ? table.OptionalText(f) : null, b.Sex is { } s ? table.OptionalText(s) : null);
                if (b.Elected is { } e && table.Span(e).StartsWith("élu", StringComparison.OrdinalIgnoreCase)) candidate.Elected = true;
                batch.AddVotes(table, station, candidate, b.Votes);
            }
        };
    }

    private sealed record Block(int Panel, int? Nuance, int Name, int? FirstName, int? Sex, int Votes, int? Elected);
}
