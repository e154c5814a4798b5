using Coopol.Common;

namespace Coopol.Access;

/// <summary>Where a permission reaches: everything, some federations, some sections.</summary>
public sealed record Reach(bool Everywhere, IReadOnlySet<string> FederationCodes, IReadOnlySet<Guid> SectionIds)
{
    public static readonly Reach Nowhere = new(false, new HashSet<string>(), new HashSet<Guid>());

    public bool IsEmpty => !Everywhere && FederationCodes.Count == 0 && SectionIds.Count == 0;

    public bool Includes(string federationCode, Guid sectionId) =>
        Everywhere || FederationCodes.Contains(federationCode) || SectionIds.Contains(sectionId);

    public Reach Union(Reach other) => new(Everywhere || other.Everywhere,
        FederationCodes.Union(other.FederationCodes).ToHashSet(), SectionIds.Union(other.SectionIds).ToHashSet());
}

public enum CallerKind
{
    Anonymous,
    /// <summary>A signed-in account (the API).</summary>
    Account,
    /// <summary>A job acting for the person who started it.</summary>
    Job,
}

/// <summary>The person behind a caller: their section and whether they are a member (for what fellow members see).</summary>
public sealed record CallerPerson(Guid Id, Guid SectionId, bool IsMember);

/// <summary>What the caller is and may do: how they came, their verified email, their person, their active grants.</summary>
public sealed record Rights(CallerKind Kind, string? Email, CallerPerson? Person, IReadOnlyList<RoleGrant> Grants)
{
    public static readonly Rights Anonymous = new(CallerKind.Anonymous, null, null, []);

    public bool IsAuthenticated => Kind != CallerKind.Anonymous;

    public Guid? PersonId => Person?.Id;

    /// <summary>The acting person; rights are held by people, so an account with no person can do nothing.</summary>
    public Guid RequirePerson() =>
        Person?.Id ?? (IsAuthenticated
            ? throw new ForbiddenException("Your account is not linked to a person of the party.")
            : throw new UnauthenticatedException());

    public void RequireAuthenticated()
    {
        if (!IsAuthenticated) throw new UnauthenticatedException();
    }

    public bool Can(Permission permission, TreeNode node) =>
        Grants.Any(g => g.Permissions.HasFlag(permission) && g.Covers(node));

    public Reach ReachOf(Permission permission)
    {
        var grants = Grants.Where(g => g.Permissions.HasFlag(permission)).ToList();
        return new Reach(
            grants.Any(g => g.Level == TreeLevel.National),
            grants.Where(g => g.Level == TreeLevel.Federation).Select(g => g.FederationCode!).ToHashSet(),
            grants.Where(g => g.Level == TreeLevel.Section).Select(g => g.SectionId!.Value).ToHashSet());
    }

    /// <summary>Roles are granted from above, by an elected holder: a section's secretary by its federation or the
    /// national team, a federation's by the national team, the national team by itself. A delegation never
    /// appoints, so handing someone MANAGE_DELEGATIONS cannot make them a secretary.</summary>
    public bool MayAppoint(TreeNode node) => Grants.Any(g =>
        g.Role != Role.Delegate && g.Permissions.HasFlag(Permission.ManageDelegations) && (node.Level == TreeLevel.Section
            ? g.Covers(TreeNode.Federation(node.FederationCode!))
            : g.Level == TreeLevel.National));

    /// <summary>The national team's oversight: MANAGE_PEOPLE held at national level (reads the access log of anyone).</summary>
    public bool OverseesEveryone => Grants.Any(g => g.Level == TreeLevel.National && g.Permissions.HasFlag(Permission.ManagePeople));
}
