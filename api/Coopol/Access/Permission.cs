namespace Coopol.Access;

/// <summary>Fine-grained rights, held on a node of the party tree. Stored as flags so a grant is one row.</summary>
[Flags]
public enum Permission
{
    None = 0,
    ViewPeople = 1 << 0,
    ManagePeople = 1 << 1,
    ManageSections = 1 << 2,
    ManageActions = 1 << 3,
    SendMessages = 1 << 4,
    EnterResults = 1 << 5,
    ViewResults = 1 << 6,
    ManageDelegations = 1 << 7,
}

public enum Role
{
    NationalTeam,
    FederationSecretary,
    SectionSecretary,
    Delegate,
}

public enum TreeLevel
{
    National,
    Federation,
    Section,
}

public static class Permissions
{
    public static readonly Permission All = Enum.GetValues<Permission>().Aggregate(Permission.None, (a, p) => a | p);

    /// <summary>What each elected role carries. A section secretary does not create or rename sections:
    /// the federation does.</summary>
    public static Permission Of(Role role) => role switch
    {
        Role.NationalTeam or Role.FederationSecretary => All,
        Role.SectionSecretary => All & ~Permission.ManageSections,
        _ => Permission.None,
    };

    public static TreeLevel LevelOf(Role role) => role switch
    {
        Role.NationalTeam => TreeLevel.National,
        Role.FederationSecretary => TreeLevel.Federation,
        _ => TreeLevel.Section,
    };

    public static IEnumerable<Permission> Split(Permission set) =>
        Enum.GetValues<Permission>().Where(p => p != Permission.None && set.HasFlag(p));

    /// <summary>The API's names (VIEW_PEOPLE, ...), for messages.</summary>
    public static string Names(Permission set) => string.Join(", ", Split(set).Select(ConstantName));

    public static string ConstantName(Permission p) =>
        string.Concat(p.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    public static Permission Combine(IEnumerable<Permission> set) => set.Aggregate(Permission.None, (a, p) => a | p);
}

/// <summary>The permissions some feature acts on today, composed from the features' declarations. Roles carry every
/// permission so they keep their meaning as features land, but only these are worth delegating.</summary>
public sealed record PermissionsInUse(Permission Set);
