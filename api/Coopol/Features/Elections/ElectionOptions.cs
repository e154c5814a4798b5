using System.Globalization;
using Coopol.Common.Imports;

namespace Coopol.Features.Elections;

/// <summary>Which election a results file is for, from the import's options (<c>--election legislatives --date 2024-06-30
/// --round 1</c>): the files themselves do not say.</summary>
public sealed record ElectionOptions(ElectionKind Kind, DateOnly Date, int Round, string Scope, string Name)
{
    public static readonly IReadOnlyDictionary<string, string> Described = new Dictionary<string, string>
    {
        ["election"] = "kind of election: legislatives, presidentielle, europeennes, municipales, departementales, regionales, referendum, other",
        ["date"] = "date of the round, yyyy-mm-dd",
        ["round"] = "1 or 2",
        ["scope"] = "FR (default) for a national election, else the département or commune it covers",
        ["name"] = "a name to show (default: kind, year and round)",
    };

    public static ElectionOptions From(ImportContext context)
    {
        var kindText = context.RequireOption("election");
        if (!Enum.TryParse<ElectionKind>(kindText.Replace("-", ""), ignoreCase: true, out var kind) || int.TryParse(kindText, out _))
            throw ImportException.File($"--election must be one of {string.Join(", ", Enum.GetNames<ElectionKind>().Select(n => n.ToLowerInvariant()))}, not \"{kindText}\"");
        var dateText = context.RequireOption("date");
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw ImportException.File($"--date must be written yyyy-mm-dd, not \"{dateText}\"");
        var round = context.IntOption("round") ?? throw ImportException.File("the option --round is required");
        if (round is < 1 or > 2) throw ImportException.File("--round must be 1 or 2");
        var scope = (context.Option("scope") ?? "FR").ToUpperInvariant();
        if (scope.Length is 0 or > 10 || !scope.All(char.IsAsciiLetterOrDigit)) throw ImportException.File("--scope must be FR, a département or a commune code");
        var name = context.Option("name") ?? $"{LabelOf(kind)} {date.Year} – {(round == 1 ? "1er" : "2d")} tour";
        if (name.Length > 120) throw ImportException.File("--name is limited to 120 characters");
        return new ElectionOptions(kind, date, round, scope, name);
    }

    public static string LabelOf(ElectionKind kind) => kind switch
    {
        ElectionKind.Legislatives => "Législatives",
        ElectionKind.Presidentielle => "Présidentielle",
        ElectionKind.Europeennes => "Européennes",
        ElectionKind.Municipales => "Municipales",
        ElectionKind.Departementales => "Départementales",
        ElectionKind.Regionales => "Régionales",
        ElectionKind.Referendum => "Référendum",
        _ => "Élection",
    };
}
