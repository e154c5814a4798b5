using System.Globalization;
using System.Text.Json;
using Coopol.Access;
using Coopol.Features.Membership;
using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Api;

/// <summary><c>scripts/coopol import members &lt;file&gt; [--federation CODE] [--mapping F] [--dry-run] [--skip-invalid-rows]</c>:
/// the same import as the wizard, run in this process for the party's operators (it may grant every role). Prints the
/// report; exits 1 when the file was refused or has problems, 2 for a wrong command line.</summary>
public static class MembershipCommand
{
    public const string Usage = "a membership file (CSV or XLSX): <file> [--federation CODE] [--mapping mapping.json] [--dry-run] [--skip-invalid-rows]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? path = null, federation = null, mappingFile = null;
        bool dryRun = false, skip = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run": dryRun = true; break;
                case "--skip-invalid-rows": skip = true; break;
                case "--federation" when i + 1 < args.Length: federation = args[++i]; break;
                case "--mapping" when i + 1 < args.Length: mappingFile = args[++i]; break;
                case var a when !a.StartsWith("--", StringComparison.Ordinal) && path is null: path = a; break;
                default:
                    Console.Error.WriteLine($"cannot read the argument \"{args[i]}\"\nusage: scripts/coopol import members {Usage.Split(": ", 2)[1]}");
                    return 2;
            }
        }
        if (path is null || !File.Exists(path))
        {
            Console.Error.WriteLine(path is null ? $"usage: scripts/coopol import members {Usage.Split(": ", 2)[1]}" : $"{path}: no such file");
            return 2;
        }
        Dictionary<MembershipField, string>? mapping = null;
        if (mappingFile is not null)
        {
            try
            {
                // {"MembershipNumber": "N° adhérent", "LastName": "Nom", ...}: the fields' names as MembershipField spells them.
                mapping = JsonSerializer.Deserialize<Dictionary<MembershipField, string>>(await File.ReadAllTextAsync(mappingFile),
                    new JsonSerializerOptions { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } });
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                Console.Error.WriteLine($"{mappingFile}: not a mapping ({e.Message}); write it as {{\"MembershipNumber\": \"header\", ...}}");
                return 2;
            }
        }
        var node = TreeNode.National;
        if (federation is not null)
        {
            var db = services.GetRequiredService<Coopol.Data.CoopolDbContext>();
            if (!await db.Set<Federation>().AnyAsync(f => f.Code == federation))
            {
                Console.Error.WriteLine($"there is no federation {federation}");
                return 2;
            }
            node = TreeNode.Federation(federation);
        }
        var importer = services.GetRequiredService<MembershipImporter>();
        long last = 0;
        var report = await importer.RunAsync(
            new MembershipImportRequest(node, Path.GetFullPath(path), Path.GetFileName(path), mapping, dryRun, skip, null, null, null, null, null),
            (done, total) =>
            {
                if (Environment.TickCount64 - last < 1000 || total == 0) return;
                last = Environment.TickCount64;
                Console.Error.WriteLine($"… {100 * done / total} % read");
            }, null, CancellationToken.None);
        foreach (var problem in report.Problems)
            Console.Error.WriteLine(problem.Line is { } line
                ? $"line {line}{(problem.Column is { } c ? $", column {c}" : "")}: {problem.Code}: {problem.Message}"
                : $"{problem.Code}: {problem.Message}");
        if (report.ProblemCount > report.Problems.Count) Console.Error.WriteLine($"... {report.ProblemCount - report.Problems.Count} more problems");
        var counts = report.Counts;
        var seconds = (report.FinishedAt!.Value - report.StartedAt).TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"{report.Status} ({report.Encoding}, {report.Rows} rows, {seconds} s): {counts.NewMembers} new members, "
            + $"{counts.BecomeMembers} becoming members, {counts.Updated} updated, {counts.MoveSection} moving section, {counts.Unchanged} unchanged, "
            + $"{counts.BecomeFormerMembers} former members, {counts.RolesGranted} roles granted, {counts.RolesWithdrawn} withdrawn, "
            + $"{counts.ConsentsRecorded} consents recorded, {counts.SkippedRows} rows skipped, {report.ProblemCount} problems.");
        Console.WriteLine($"mapping: {string.Join(", ", report.Mapping.OrderBy(m => m.Key).Select(m => $"{m.Key}=\"{m.Value}\""))}");
        // A dry run with problems exits 1 too: a script can tell a clean file from one to correct.
        return report.Status switch
        {
            MembershipImportStatus.Applied => 0,
            MembershipImportStatus.DryRun => report.ProblemCount == 0 ? 0 : 1,
            _ => 1,
        };
    }
}
