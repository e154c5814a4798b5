namespace Coopol.Features.Membership;

/// <summary>The demo's membership file: Finistère's five sections, in the shape and encoding a membership system exports,
/// for the import wizard (written by the seed command, not imported: importing it is the demo).</summary>
public static class MembershipDemo
{
    public static readonly MembershipFileGenerator.FileSection[] Finistere =
    [
        new("Brest Centre", "29200", "Brest"), new("Brest Bellevue", "29200", "Brest"), new("Brest Saint-Marc", "29200", "Brest"),
        new("Quimper", "29000", "Quimper"), new("Morlaix", "29600", "Morlaix"),
    ];

    /// <param name="known">Demo people to list as members of Brest Centre, under their own name (the file then finds them by
    /// email rather than adding them).</param>
    public static int Write(string path, IReadOnlyList<(string Email, string FirstName, string LastName)> known, int count = 400)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // Row i is in Finistere[i % 5]: rows 5, 10... are Brest Centre's, after its first (its secretary in the file).
        MembershipFileGenerator.Write(path, Finistere, count, seed: 2029, edit: (i, m) => i % Finistere.Length == 0 && i > 0 && i / Finistere.Length <= known.Count
            ? m with { Email = known[i / Finistere.Length - 1].Email, FirstName = known[i / Finistere.Length - 1].FirstName,
                LastName = known[i / Finistere.Length - 1].LastName, Function = null }
            : m);
        return count;
    }
}
