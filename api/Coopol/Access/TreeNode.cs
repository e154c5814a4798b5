namespace Coopol.Access;

/// <summary>A node of the party tree: national (no keys), a federation, or a section (with its federation).</summary>
public sealed record TreeNode(TreeLevel Level, string? FederationCode, Guid? SectionId)
{
    public static readonly TreeNode National = new(TreeLevel.National, null, null);

    public static TreeNode Federation(string code) => new(TreeLevel.Federation, code, null);

    public static TreeNode Section(string federationCode, Guid sectionId) => new(TreeLevel.Section, federationCode, sectionId);
}
