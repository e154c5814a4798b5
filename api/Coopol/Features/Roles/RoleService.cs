using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Accounts;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Roles;

/// <summary>Roles (elected, granted from the node above) and delegations (a holder hands a subset of their own
/// rights, on their node or below). Every change is one SaveChanges and leaves a <see cref="RoleGrantEvent"/>.</summary>
public sealed class RoleService(CoopolDbContext db, CallerContext caller, PeopleAccess people, SectionService sections, TimeProvider clock)
{
    public const string NodeType = "RoleGrant";

    public async Task<RoleGrant> GrantRoleAsync(GrantRoleInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var actor = rights.RequirePerson();
        if (input.Role == Role.Delegate)
            throw InputValidationException.For("role", "USE_GRANT_DELEGATION", "Delegations are granted with grantDelegation.");
        var node = await ResolveNodeAsync(input.ScopeId, ct);
        if (node.Level != Permissions.LevelOf(input.Role))
            throw InputValidationException.For("scopeId", "WRONG_SCOPE_LEVEL",
                $"This role is held on a {Permissions.LevelOf(input.Role).ToString().ToLowerInvariant()} node.");
        var grantee = await RequireVisiblePersonAsync(input.PersonId, ct);
        if (!MayAppoint(rights, node)) throw new ForbiddenException("Roles on this node are granted from the level above it.");
        if (grantee == actor) throw InputValidationException.For("personId", "CANNOT_APPOINT_SELF", "You cannot appoint yourself.");
        var now = Now();
        if (await db.RoleGrants.AnyAsync(g => g.PersonId == grantee && g.Role == input.Role && g.FederationCode == node.FederationCode
                && g.SectionId == node.SectionId && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now), ct))
            throw new RoleAlreadyHeldException();

        var grant = new RoleGrant
        {
            PersonId = grantee, Role = input.Role, Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId,
            Permissions = Permissions.Of(input.Role), GrantedById = actor, GrantedAt = now,
        };
        return await AddAsync(grant, actor, ct);
    }

    public async Task<RoleGrant> GrantDelegationAsync(GrantDelegationInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var actor = rights.RequirePerson();
        var requested = Permissions.Combine(input.Permissions);
        if (requested == Permission.None)
            throw InputValidationException.For("permissions", "REQUIRED", "Choose at least one permission to delegate.");
        var now = Now();
        if (input.ExpiresAt is { } end && end.ToUniversalTime() <= now)
            throw InputValidationException.For("expiresAt", "IN_THE_PAST", "The end date must be in the future.");
        var node = await ResolveNodeAsync(input.ScopeId, ct);
        var grantee = await RequireVisiblePersonAsync(input.PersonId, ct);
        if (grantee == actor)
            throw InputValidationException.For("personId", "CANNOT_DELEGATE_TO_SELF", "You cannot delegate rights to yourself.");
        if (!rights.Can(Permission.ManageDelegations, node.Level, node.FederationCode, node.SectionId))
            throw new ForbiddenException("You may not delegate rights on this node.");

        // The delegation is carved from one grant of the grantor that covers the node, holds every right asked and
        // allows handing them on (MANAGE_DELEGATIONS).
        var needed = requested | Permission.ManageDelegations;
        var source = rights.Grants
            .Where(g => g.Covers(node.Level, node.FederationCode, node.SectionId) && (g.Permissions & needed) == needed)
            .OrderBy(g => g.Role == Role.Delegate).ThenByDescending(g => g.ExpiresAt ?? DateTime.MaxValue).FirstOrDefault();
        if (source is null)
        {
            var held = rights.Grants.Where(g => g.Covers(node.Level, node.FederationCode, node.SectionId))
                .Aggregate(Permission.None, (a, g) => a | g.Permissions);
            throw new DelegationExceedsGrantorException(Permissions.Names(held));
        }
        var expiresAt = input.ExpiresAt?.ToUniversalTime();
        if (source.ExpiresAt is { } sourceEnd && (expiresAt is null || expiresAt > sourceEnd))
            throw InputValidationException.For("expiresAt", "DELEGATION_OUTLIVES_GRANTOR",
                $"Your own rights end on {sourceEnd:yyyy-MM-dd}; the delegation must end by then.");

        var grant = new RoleGrant
        {
            PersonId = grantee, Role = Role.Delegate, Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId,
            Permissions = requested, ParentGrantId = source.Id, GrantedById = actor, GrantedAt = now, ExpiresAt = expiresAt,
        };
        // Holding the source row until commit orders this against a concurrent revocation of it: either the revocation
        // waits and then revokes this delegation too, or this sees the source revoked and stops.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(source.Id, ct) is not { } locked || !locked.IsActiveAt(now))
            throw new DelegationExceedsGrantorException("");
        var added = await AddAsync(grant, actor, ct);
        await transaction.CommitAsync(ct);
        return added;
    }

    public Task<RoleGrant> RevokeRoleAsync(RevokeRoleInput input, CancellationToken ct) =>
        RevokeAsync(input.GrantId, "grantId", isDelegation: false, ct);

    public Task<RoleGrant> RevokeDelegationAsync(RevokeDelegationInput input, CancellationToken ct) =>
        RevokeAsync(input.DelegationId, "delegationId", isDelegation: true, ct);

    public async Task<Page<RoleGrant>> DelegationsAsync(DelegationFilter? filter, PageRequest page, CancellationToken ct)
    {
        var grants = (await VisibleGrantsAsync(ct)).Where(g => g.Role == Role.Delegate);
        if (filter?.ScopeId is not null)
        {
            var node = await ResolveNodeAsync(filter.ScopeId, ct, "filter.scopeId");
            if (node.SectionId is { } sectionId) grants = grants.Where(g => g.SectionId == sectionId);
            else if (node.FederationCode is { } code) grants = grants.Where(g => g.FederationCode == code);
        }
        if (filter?.IncludeInactive != true)
        {
            var now = Now();
            grants = grants.Where(g => g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now));
        }
        return await page.ApplyAsync(grants.OrderByDescending(g => g.GrantedAt).ThenByDescending(g => g.Id), ct);
    }

    public async Task<RoleGrant?> FindVisibleAsync(Guid id, CancellationToken ct) =>
        await (await VisibleGrantsAsync(ct)).FirstOrDefaultAsync(g => g.Id == id, ct);

    /// <summary>Active grants of people already read through the scoped path.</summary>
    public async Task<IReadOnlyDictionary<Guid, List<RoleGrant>>> ActiveGrantsOfAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var now = Now();
        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => personIds.Contains(g.PersonId) && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
            .OrderBy(g => g.GrantedAt).ThenBy(g => g.Id).ToListAsync(ct);
        var byPerson = grants.ToLookup(g => g.PersonId);
        return personIds.ToDictionary(id => id, id => byPerson[id].ToList());
    }

    /// <summary>Grants the caller may see: their own, those they granted, and any on nodes where they manage delegations.</summary>
    private async Task<IQueryable<RoleGrant>> VisibleGrantsAsync(CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequireAuthenticated();
        var reach = rights.ReachOf(Permission.ManageDelegations);
        var grants = db.RoleGrants.AsNoTracking();
        if (reach.Everywhere) return grants;
        var self = rights.PersonId;
        var federations = reach.FederationCodes.ToList();
        var sectionIds = reach.SectionIds.ToList();
        return grants.Where(g => (self != null && (g.PersonId == self || g.GrantedById == self))
            || (g.Level != TreeLevel.National && federations.Contains(g.FederationCode!))
            || (g.Level == TreeLevel.Section && sectionIds.Contains(g.SectionId!.Value)));
    }

    private async Task<RoleGrant> RevokeAsync(string globalId, string field, bool isDelegation, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var actor = rights.RequirePerson();
        var id = GlobalId.ParseGuid(globalId, NodeType, field);
        var visible = await FindVisibleAsync(id, ct);
        if (visible is null || (visible.Role == Role.Delegate) != isDelegation) throw new GrantNotFoundException();
        var node = new TreeNode(visible.Level, visible.FederationCode, visible.SectionId);
        var allowed = isDelegation
            ? visible.GrantedById == actor || rights.Can(Permission.ManageDelegations, node.Level, node.FederationCode, node.SectionId)
            : MayAppoint(rights, node);
        if (!allowed) throw new ForbiddenException("You may not revoke this.");
        if (visible.RevokedAt is not null) throw new GrantAlreadyRevokedException();
        var now = Now();
        if (visible.ExpiresAt is { } end && end <= now) throw new DelegationExpiredException(end);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var grant = await LockAsync(id, ct) ?? throw new GrantNotFoundException();
        if (grant.RevokedAt is not null) throw new GrantAlreadyRevokedException();
        Revoke(grant, actor, RoleGrantEventKind.Revoked, now);
        // What was delegated from a revoked grant goes with it, down the whole chain.
        var frontier = new List<Guid> { grant.Id };
        while (frontier.Count > 0)
        {
            // Locked like the source of a new delegation, so one being carved from them right now is waited for and found.
            var parents = frontier.ToArray();
            var children = await db.RoleGrants
                .FromSql($"""SELECT * FROM "RoleGrants" WHERE "ParentGrantId" = ANY({parents}) AND "RevokedAt" IS NULL FOR UPDATE""")
                .ToListAsync(ct);
            children.ForEach(c => Revoke(c, actor, RoleGrantEventKind.RevokedWithParent, now));
            frontier = children.Select(c => c.Id).ToList();
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        caller.Reset();
        return grant;
    }

    /// <summary>Reads a grant and locks its row until the transaction ends (SELECT ... FOR UPDATE).</summary>
    private Task<RoleGrant?> LockAsync(Guid id, CancellationToken ct) =>
        db.RoleGrants.FromSql($"""SELECT * FROM "RoleGrants" WHERE "Id" = {id} FOR UPDATE""").SingleOrDefaultAsync(ct);

    private void Revoke(RoleGrant grant, Guid actor, RoleGrantEventKind kind, DateTime now)
    {
        grant.RevokedAt = now;
        grant.RevokedById = actor;
        db.RoleGrantEvents.Add(RoleGrantEvent.Of(grant, kind, actor, now));
    }

    private async Task<RoleGrant> AddAsync(RoleGrant grant, Guid actor, CancellationToken ct)
    {
        db.RoleGrants.Add(grant);
        db.RoleGrantEvents.Add(RoleGrantEvent.Of(grant, RoleGrantEventKind.Granted, actor, grant.GrantedAt));
        await db.SaveChangesAsync(ct);
        caller.Reset();
        return grant;
    }

    /// <summary>Roles are granted from above, by an elected holder: a section's secretary by its federation or the
    /// national team, a federation's by the national team, the national team by itself. A delegation never
    /// appoints, so handing someone MANAGE_DELEGATIONS cannot make them a secretary.</summary>
    public static bool MayAppoint(Rights rights, TreeNode node) => rights.Grants.Any(g =>
        g.Role != Role.Delegate && g.Permissions.HasFlag(Permission.ManageDelegations) && (node.Level == TreeLevel.Section
            ? g.Covers(TreeLevel.Federation, node.FederationCode, null)
            : g.Level == TreeLevel.National));

    private async Task<Guid> RequireVisiblePersonAsync(string globalId, CancellationToken ct)
    {
        var id = GlobalId.ParseGuid(globalId, People.PersonType.NodeType, "personId");
        return (await people.FindVisibleAsync(id, ct))?.Id ?? throw new PersonNotFoundException();
    }

    private async Task<TreeNode> ResolveNodeAsync(string? scopeId, CancellationToken ct, string field = "scopeId")
    {
        if (scopeId is null) return TreeNode.National;
        switch (GlobalId.TryDecode(scopeId))
        {
            case (SectionService.NodeType, _) when GlobalId.TryDecodeGuid(scopeId, SectionService.NodeType) is { } sectionId:
                var section = await sections.FindAsync(sectionId, ct) ?? throw new SectionNotFoundException();
                return new TreeNode(TreeLevel.Section, section.FederationCode, section.Id);
            case (SectionService.FederationNodeType, var code):
                _ = await sections.FindFederationAsync(code, ct) ?? throw new FederationNotFoundException(code);
                return new TreeNode(TreeLevel.Federation, code, null);
            default:
                throw InputValidationException.For(field, "INVALID_ID", "Expected the ID of a federation or a section.");
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
