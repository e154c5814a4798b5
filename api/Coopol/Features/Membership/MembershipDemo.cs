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

    /// <param name="knownEmails">Emails of demo people to list as members (the file then finds them rather than adding them).</param>
    public static int Write(string path, IReadOnlyList<string> knownEmails, int count = 400)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        MembershipFileGenerator.Write(path, Finistere, count, seed: 2029, edit: (i, m) => i < knownEmails.Count ? m with { Email = knownEmails[i] } : m);
        return count;
    }
}
