using System.Globalization;
using System.Text;
using Coopol.Common.Imports;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Elections;

/// <summary>Reads a nuance → bloc grouping (<c>Code;Nuance;Commentaires;Bloc de clivage</c>, as
/// <c>reference/legislatives-2024-nuances-et-blocs.csv</c>) into a <see cref="BlocScheme"/>. Re-importing a scheme of the
/// same name replaces it.</summary>
public sealed class BlocsImporter : IImporter
{
    /// <summary>Blocs from left to right; others follow in the order the file names them.</summary>
    private static readonly string[] LeftToRight = ["extreme-gauche", "gauche", "divers-gauche", "ecologistes", "divers", "centre", "divers-droite", "droite", "extreme-droite"];

    public string Kind => "blocs";
    public string Description => "Nuance codes grouped into political blocs (Code;Nuance;Commentaires;Bloc de clivage)";

    public IReadOnlyDictionary<string, string> Options => new Dictionary<string, string>
    {
        ["name"] = "the scheme's name (default: Législatives 2024)",
        ["default"] = "yes to make it the default scheme (the first one imported is)",
    };

    public async Task<ImportSummary> ImportAsync(ImportContext context, CancellationToken ct)
    {
        var name = context.Option("name") ?? "Législatives 2024";
        if (name.Length > 120) throw ImportException.File("--name is limited to 120 characters");
        var rows = new List<(string Code, string Label, string? Description, string BlocName, int Line)>();
        using (var table = CsvTable.Open(context.FilePath))
        {
            var code = table.Column("Code");
            var label = table.Column("Nuance");
            var description = table.OptionalColumn("Commentaires");
            var bloc = table.Column("Bloc de clivage");
            var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
            while (table.Read())
            {
                var nuance = table.Text(code).ToUpperInvariant();
                if (nuance.Length is 0 or > 10 || !nuance.All(char.IsAsciiLetterOrDigit)) throw table.At(code, $"\"{nuance}\" is not a nuance code");
                if (seen.TryGetValue(nuance, out var line)) throw table.At(code, $"nuance {nuance} is already on line {line}");
                seen[nuance] = table.Line;
                var blocName = table.OptionalText(bloc) ?? throw table.At(bloc, "the bloc is required");
                if (blocName.Length > 60) throw table.At(bloc, "a bloc's name is limited to 60 characters");
                rows.Add((nuance, Clip(table.OptionalText(label) ?? nuance, 120), description is { } d && table.OptionalText(d) is { } t ? Clip(t, 1000) : null, blocName, table.Line));
            }
        }
        if (rows.Count == 0) throw ImportException.File("the file has a header but no rows");

        var db = context.Db;
        var makeDefault = context.Option("default") is { } flag ? flag is "yes" or "true" or "1" : !await db.Set<BlocScheme>().AnyAsync(s => s.IsDefault, ct);
        await db.Set<BlocScheme>().Where(s => s.Name == name).ExecuteDeleteAsync(ct);
        if (makeDefault) await db.Set<BlocScheme>().Where(s => s.IsDefault).ExecuteUpdateAsync(u => u.SetProperty(s => s.IsDefault, false), ct);
        var scheme = new BlocScheme { Name = name, IsDefault = makeDefault };
        db.Add(scheme);
        var order = rows.Select(r => Key(r.BlocName)).Distinct().OrderBy(k => Array.IndexOf(LeftToRight, k) is var i && i >= 0 ? i : 100).ToList();
        db.AddRange(rows.Select(r => new NuanceBloc
        {
            SchemeId = scheme.Id, Nuance = r.Code, Label = r.Label, Description = r.Description,
            Bloc = Key(r.BlocName), BlocName = r.BlocName, BlocOrder = order.IndexOf(Key(r.BlocName)),
        }));
        await db.SaveChangesAsync(ct);
        return new ImportSummary($"Bloc scheme \"{name}\": {rows.Count} nuances in {order.Count} blocs{(makeDefault ? " (default)" : "")}.",
            new Dictionary<string, long> { ["nuances"] = rows.Count, ["blocs"] = order.Count });
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>"extrême gauche" → "extreme-gauche".</summary>
    public static string Key(string blocName)
    {
        var builder = new StringBuilder();
        foreach (var c in blocName.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        return builder.ToString().Trim('-') is { Length: > 0 } key ? key[..Math.Min(key.Length, 40)] : "bloc";
    }
}
