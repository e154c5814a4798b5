using Coopol.Common;
using Coopol.Features.PartyTree;

namespace Coopol.Features.Roles;

/// <summary>Where a permission reaches: everything, some federations, some sections.</summary>
public sealed record Reach(bool Everywhere, IReadOnlySet<string> FederationCodes, IReadOnlySet<Guid> SectionIds)
{
    public bool Includes(string federationCode, Guid sectionId) =>
        Everywhere || FederationCodes.Contains(federationCode) || SectionIds.Contains(sectionId);
}

/// <summary>What the caller is and may do: their account, its verified email, their person, their active grants.</summary>
public sealed record Rights(string? Subject, string? Email, Guid? PersonId, IReadOnlyList<RoleGrant> Grants)
{
    public static readonly Rights Anonymous = new(null, null, null, []);

    public bool IsAuthenticated => Subject is not null;

    /// <summary>The acting person; rights are held by people, so an account with no person can do nothing.</summary>
    public Guid RequirePerson() =>
        PersonId ?? (IsAuthenticated
            ? throw new ForbiddenException("Your account is not linked to a person of the party.")
            : throw new UnauthenticatedException());

    public void RequireAuthenticated()
    {
        if (!IsAuthenticated) throw new UnauthenticatedException();
    }

    public bool Can(Permission permission, TreeLevel level, string? federationCode, Guid? sectionId) =>
        Grants.Any(g => g.Permissions.HasFlag(permission) && g.Covers(level, federationCode, sectionId));

    public bool Can(Permission permission, Section section) =>
        Can(permission, TreeLevel.Section, section.FederationCode, section.Id);

    public Reach ReachOf(Permission permission)
    {
        var grants = Grants.Where(g => g.Permissions.HasFlag(permission)).ToList();
        return new Reach(
            grants.Any(g => g.Level == TreeLevel.National),
            grants.Where(g => g.Level == TreeLevel.Federation).Select(g => g.FederationCode!).ToHashSet(),
            grants.Where(g => g.Level == TreeLevel.Section).Select(g => g.SectionId!.Value).ToHashSet());
    }

    /// <summary>Seeing people: VIEW_PEOPLE, or MANAGE_PEOPLE which needs to see them.</summary>
    public Reach PeopleReach()
    {
        var view = ReachOf(Permission.ViewPeople);
        var manage = ReachOf(Permission.ManagePeople);
        return new Reach(view.Everywhere || manage.Everywhere,
            view.FederationCodes.Union(manage.FederationCodes).ToHashSet(),
            view.SectionIds.Union(manage.SectionIds).ToHashSet());
    }
}
