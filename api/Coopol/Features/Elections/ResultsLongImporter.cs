using Coopol.Common.Imports;

namespace Coopol.Features.Elections;

/// <summary>The long layout (data.gouv.fr "Données des élections agrégées" and the like): one row per polling station ×
/// candidate, the station's counts repeated on each of its rows. The commune is either one 5-character column
/// (<c>Code commune</c>) or <c>Code du département</c> + <c>Code de la commune</c>.</summary>
public sealed class ResultsLongImporter(ResultsWriter writer) : ResultsImporter(writer)
{
    public override string Kind => "results-long";
    public override string Description => "Results by polling station, long layout (one row per station and candidate)";

    protected override Action<ResultsBatch> Layout(CsvTable table)
    {
        var inseeCode = AnyOptionalColumn(table, "Code commune", "Code INSEE", "code_commune");
        var departement = inseeCode is null ? AnyColumn(table, "Code du département", "Code département") : -1;
        var commune = inseeCode ?? AnyColumn(table, "Code de la commune");
        var bureau = AnyColumn(table, "Code du b.vote", "Code BV", "code_bv");
        var communeName = AnyOptionalColumn(table, "Libellé de la commune", "Libellé commune");
        var constituency = AnyOptionalColumn(table, "Code de la circonscription", "Code circonscription");
        var counts = new ResultsBatch.CountColumns(table.Column("Inscrits"), table.Column("Votants"), table.OptionalColumn("Abstentions"),
            AnyColumn(table, "Blancs", "Blancs et nuls"), table.OptionalColumn("Nuls"), table.Column("Exprimés"));
        var panel = AnyOptionalColumn(table, "N°Panneau", "Numéro de panneau", "N° Panneau");
        var nuance = AnyOptionalColumn(table, "Nuance", "Code nuance", "Nuance candidat");
        var name = AnyColumn(table, "Nom", "Nom candidat");
        var firstName = AnyOptionalColumn(table, "Prénom", "Prénom candidat");
        var sex = AnyOptionalColumn(table, "Sexe", "Sexe candidat");
        var votes = table.Column("Voix");

        return batch =>
        {
            var communeCode = inseeCode is not null ? table.Text(commune) : ResultsOlderImporter.CommuneCode(table, departement, commune);
            var station = batch.Find(StationIdOrNull(communeCode, table.Text(bureau)));
            if (station is null)
            {
                station = batch.AddStation(table, commune, communeCode, bureau, table.Text(bureau), counts,
                    communeName is { } cn ? table.OptionalText(cn) : null);
                if (constituency is { } c && table.OptionalText(c) is { } code) station.Constituency = ResultsBatch.ConstituencyFromFile(table, c, communeCode, code);
            }
            else
            {
                // The counts are repeated on each of the station's rows: they must agree.
                var again = new ResultsBatch.Station { Id = station.Id, CommuneCode = communeCode, Code = station.Code, Line = table.Line };
                ResultsBatch.ReadCounts(table, counts, again);
                if (again.Registered != station.Registered || again.Voters != station.Voters || again.Expressed != station.Expressed || again.Blank != station.Blank || again.Null != station.Null)
                    throw table.At(counts.Registered, $"the counts of polling station {station.Id} differ from those on line {station.Line}");
            }
            if (table.Span(name).IsEmpty) throw table.At(name, "a candidate's name is required");
            var candidate = batch.Candidate(panel is { } p ? table.OptionalInt(p) : null, nuance is { } n ? table.OptionalText(n) : null,
                table.Text(name), firstName is { } f ? table.OptionalText(f) : null, sex is { } s ? table.OptionalText(s) : null);
            batch.AddVotes(table, station, candidate, votes);
        };
    }

    private static string StationIdOrNull(string communeCode, string bureau) =>
        Geography.PollingStation.NormaliseCode(bureau) is { } code ? $"{communeCode}_{code}" : "";
}
