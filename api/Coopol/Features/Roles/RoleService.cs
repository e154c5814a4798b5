using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Roles;

/// <summary>Roles (elected, granted from the node above) and delegations (a holder hands a subset of their own
/// rights, on their node or below). Every change is one SaveChanges and leaves a <see cref="RoleGrantEvent"/>.</summary>
public sealed class RoleService(CoopolDbContext db, CallerContext caller, PeopleAccess people, SectionService sections,
    PermissionsInUse inUse, TimeProvider clock)
{
    public const string NodeType = "RoleGrant";
    /// <summary>Longer chains are not made by people; the walk up or down stops there.</summary>
    private const int MaxChainDepth = 50;

    public static readonly KeysetOrder<RoleGrant> NewestFirst = KeysetOrder<RoleGrant>.DescendingBy("granted",
        KeysetOrder<RoleGrant>.Key(g => g.GrantedAt), KeysetOrder<RoleGrant>.Key(g => g.Id));

    public async Task<RoleGrant> GrantRoleAsync(GrantRoleInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var actor = rights.RequirePerson();
        if (input.Role == Role.Delegate)
            throw InputValidationException.For("role", "USE_GRANT_DELEGATION", "Delegations are granted with grantDelegation.");
        var node = await sections.ResolveNodeAsync(input.ScopeId, "scopeId", ct);
        if (node.Level != Permissions.LevelOf(input.Role))
            throw InputValidationException.For("scopeId", "WRONG_SCOPE_LEVEL",
                $"This role is held on a {Permissions.LevelOf(input.Role).ToString().ToLowerInvariant()} node.");
        var grantee = await RequireVisiblePersonAsync(input.PersonId, ct);
        if (!rights.MayAppoint(node)) throw new ForbiddenException("Roles on this node are granted from the level above it.");
        if (grantee == actor) throw InputValidationException.For("personId", "CANNOT_APPOINT_SELF", "You cannot appoint yourself.");
        var now = Now();
        if (await db.RoleGrants.Where(RoleGrant.ActiveAt(now)).AnyAsync(g => g.PersonId == grantee && g.Role == input.Role
                && g.FederationCode == node.FederationCode && g.SectionId == node.SectionId, ct))
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
        if ((requested & ~inUse.Set) is var unused and not Permission.None)
            throw InputValidationException.For("permissions", "PERMISSION_NOT_IN_USE",
                $"Nothing in Coopol acts on {Permissions.Names(unused)} yet: there is nothing to delegate.");
        var now = Now();
        if (input.ExpiresAt is { } end && end.ToUniversalTime() <= now)
            throw InputValidationException.For("expiresAt", "IN_THE_PAST", "The end date must be in the future.");
        var node = await sections.ResolveNodeAsync(input.ScopeId, "scopeId", ct);
        var grantee = await RequireVisiblePersonAsync(input.PersonId, ct);
        if (grantee == actor)
            throw InputValidationException.For("personId", "CANNOT_DELEGATE_TO_SELF", "You cannot delegate rights to yourself.");
        if (!rights.Can(Permission.ManageDelegations, node))
            throw new ForbiddenException("You may not delegate rights on this node.");

        // The delegation is carved from one grant of the grantor that covers the node, holds every right asked and
        // allows handing them on (MANAGE_DELEGATIONS).
        var needed = requested | Permission.ManageDelegations;
        var source = rights.Grants
            .Where(g => g.Covers(node) && (g.Permissions & needed) == needed)
            .OrderBy(g => g.Role == Role.Delegate).ThenByDescending(g => g.ExpiresAt ?? DateTime.MaxValue).FirstOrDefault();
        if (source is null)
        {
            var held = rights.Grants.Where(g => g.Covers(node)).Aggregate(Permission.None, (a, g) => a | g.Permissions);
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
            var node = await sections.ResolveNodeAsync(filter.ScopeId, "filter.scopeId", ct);
            if (node.SectionId is { } sectionId) grants = grants.Where(g => g.SectionId == sectionId);
            else if (node.FederationCode is { } code) grants = grants.Where(g => g.FederationCode == code);
        }
        if (filter?.IncludeInactive != true) grants = grants.Where(RoleGrant.ActiveAt(Now()));
        return await grants.ToPageAsync(NewestFirst, page, ct);
    }

    public async Task<IReadOnlyDictionary<Guid, RoleGrant>> VisibleByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await (await VisibleGrantsAsync(ct)).Where(g => ids.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);

    public async Task<RoleGrant?> FindVisibleAsync(Guid id, CancellationToken ct) =>
        await (await VisibleGrantsAsync(ct)).FirstOrDefaultAsync(g => g.Id == id, ct);

    /// <summary>Active grants of people already read through the scoped path.</summary>
    public async Task<IReadOnlyDictionary<Guid, List<RoleGrant>>> ActiveGrantsOfAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var ids = personIds.ToList();
        var grants = await db.RoleGrants.AsNoTracking().Where(g => ids.Contains(g.PersonId)).Where(RoleGrant.ActiveAt(Now()))
            .OrderBy(g => g.GrantedAt).ThenBy(g => g.Id).ToListAsync(ct);
        var byPerson = grants.ToLookup(g => g.PersonId);
        return ids.Distinct().ToDictionary(id => id, id => byPerson[id].ToList());
    }

    /// <summary>Whether the caller may revoke each of these grants (already visible to them).</summary>
    public async Task<IReadOnlyDictionary<Guid, bool>> MayRevokeAsync(IReadOnlyCollection<RoleGrant> grants, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var delegations = grants.Where(g => g.Role == Role.Delegate).Select(g => g.Id).ToList();
        var chains = (await AncestorsAsync(delegations, ct)).ToLookup(a => a.Start);
        return grants.ToDictionary(g => g.Id, g => g.IsActiveAt(Now()) && MayRevoke(rights, g, chains[g.Id].ToList()));
    }

    /// <summary>The active delegations that revoking this grant would revoke with it, down the whole chain — those the
    /// caller may see (a delegation on a node they do not manage is not theirs to know of).</summary>
    public async Task<List<RoleGrant>> DependentsAsync(Guid grantId, CancellationToken ct)
    {
        var now = Now();
        var visible = await VisibleGrantsAsync(ct);
        var ids = await db.Database.SqlQuery<Guid>($"""
            WITH RECURSIVE below AS (
                SELECT "Id", 1 AS depth FROM "RoleGrants" WHERE "ParentGrantId" = {grantId} AND "RevokedAt" IS NULL
                UNION ALL
                SELECT g."Id", b.depth + 1 FROM "RoleGrants" g JOIN below b ON g."ParentGrantId" = b."Id"
                WHERE g."RevokedAt" IS NULL AND b.depth < {MaxChainDepth})
            SELECT "Id" AS "Value" FROM below
            """).ToListAsync(ct);
        return await visible.Where(g => ids.Contains(g.Id)).Where(RoleGrant.ActiveAt(now))
            .OrderBy(g => g.GrantedAt).ThenBy(g => g.Id).ToListAsync(ct);
    }

    /// <summary>The permissions the caller may delegate on a node: held there by a grant that allows handing them on,
    /// and acted on by some feature today.</summary>
    public static IReadOnlyList<Permission> DelegableOn(Rights rights, TreeNode node, PermissionsInUse inUse)
    {
        var set = rights.Grants.Where(g => g.Covers(node) && g.Permissions.HasFlag(Permission.ManageDelegations))
            .Aggregate(Permission.None, (a, g) => a | g.Permissions);
        return Permissions.Split(set & inUse.Set).ToList();
    }

    /// <summary>A role is revoked by whoever may appoint on its node. A delegation is revoked by its grantor, by the
    /// holder of any grant it was carved from (up the chain), or by whoever may appoint on the node of the elected role
    /// the chain starts from: never by a delegate beside or below the grantor.</summary>
    private static bool MayRevoke(Rights rights, RoleGrant grant, IReadOnlyList<ChainGrant> ancestors)
    {
        if (grant.Role != Role.Delegate) return rights.MayAppoint(grant.Node);
        var self = rights.PersonId;
        if (self is null) return false;
        if (grant.GrantedById == self || ancestors.Any(a => a.PersonId == self)) return true;
        var root = ancestors.FirstOrDefault(a => a.ParentGrantId is null);
        return root is not null && rights.MayAppoint(root.Node);
    }

    private async Task<List<ChainGrant>> AncestorsAsync(IReadOnlyCollection<Guid> grantIds, CancellationToken ct)
    {
        if (grantIds.Count == 0) return [];
        var ids = grantIds.ToArray();
        var rows = await db.Database.SqlQuery<ChainRow>($"""
            WITH RECURSIVE above AS (
                SELECT g."Id" AS "Start", g."ParentGrantId" AS "Next", 1 AS depth FROM "RoleGrants" g WHERE g."Id" = ANY({ids})
                UNION ALL
                SELECT a."Start", p."ParentGrantId", a.depth + 1 FROM above a JOIN "RoleGrants" p ON p."Id" = a."Next"
                WHERE a.depth < {MaxChainDepth})
            SELECT a."Start", p."Id", p."PersonId", p."Role", p."Level", p."FederationCode", p."SectionId", p."ParentGrantId"
            FROM above a JOIN "RoleGrants" p ON p."Id" = a."Next"
            """).ToListAsync(ct);
        return rows.Select(r => new ChainGrant(r.Start, r.Id, r.PersonId, Enum.Parse<Role>(r.Role), Enum.Parse<TreeLevel>(r.Level),
            r.FederationCode, r.SectionId, r.ParentGrantId)).ToList();
    }

    private sealed class ChainRow
    {
        public Guid Start { get; init; }
        public Guid Id { get; init; }
        public Guid PersonId { get; init; }
        public string Role { get; init; } = "";
        public string Level { get; init; } = "";
        public string? FederationCode { get; init; }
        public Guid? SectionId { get; init; }
        public Guid? ParentGrantId { get; init; }
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
        var chain = isDelegation ? await AncestorsAsync([visible.Id], ct) : [];
        if (!MayRevoke(rights, visible, chain)) throw new ForbiddenException("You may not revoke this.");
        if (visible.RevokedAt is not null) throw new GrantAlreadyRevokedException();
        var now = Now();
        if (visible.ExpiresAt is { } end && end <= now) throw new DelegationExpiredException(end);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var grant = await LockAsync(id, ct) ?? throw new GrantNotFoundException();
        if (grant.RevokedAt is not null) throw new GrantAlreadyRevokedException();
        await RevokeWithDelegationsAsync(grant, actor, now, null, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        caller.Reset();
        return grant;
    }

    /// <summary>Revokes a locked, tracked grant and, down the whole chain, what was delegated from it (saved by the caller,
    /// inside its transaction). A membership import passes its id, and no actor when run from the command line.</summary>
    public async Task RevokeWithDelegationsAsync(RoleGrant grant, Guid? actor, DateTime now, Guid? importId, CancellationToken ct)
    {
        Revoke(grant, actor, RoleGrantEventKind.Revoked, now, importId);
        var frontier = new List<Guid> { grant.Id };
        while (frontier.Count > 0)
        {
            // Locked like the source of a new delegation, so one being carved from them right now is waited for and found.
            var parents = frontier.ToArray();
            var children = await db.RoleGrants
                .FromSql($"""SELECT * FROM "RoleGrants" WHERE "ParentGrantId" = ANY({parents}) AND "RevokedAt" IS NULL FOR UPDATE""")
                .AsTracking().ToListAsync(ct);
            children.ForEach(c => Revoke(c, actor, RoleGrantEventKind.RevokedWithParent, now, importId));
            frontier = children.Select(c => c.Id).ToList();
        }
    }

    /// <summary>Reads a grant and locks its row until the transaction ends (SELECT ... FOR UPDATE).</summary>
    private Task<RoleGrant?> LockAsync(Guid id, CancellationToken ct) =>
        db.RoleGrants.FromSql($"""SELECT * FROM "RoleGrants" WHERE "Id" = {id} FOR UPDATE""").AsTracking().SingleOrDefaultAsync(ct);

    private void Revoke(RoleGrant grant, Guid? actor, RoleGrantEventKind kind, DateTime now, Guid? importId)
    {
        grant.RevokedAt = now;
        grant.RevokedById = actor;
        db.RoleGrantEvents.Add(RoleGrantEvent.Of(grant, kind, actor, now, importId));
    }

    private async Task<RoleGrant> AddAsync(RoleGrant grant, Guid actor, CancellationToken ct)
    {
        db.RoleGrants.Add(grant);
        db.RoleGrantEvents.Add(RoleGrantEvent.Of(grant, RoleGrantEventKind.Granted, actor, grant.GrantedAt));
        await db.SaveChangesAsync(ct);
        caller.Reset();
        return grant;
    }

    private async Task<Guid> RequireVisiblePersonAsync(string globalId, CancellationToken ct)
    {
        var id = GlobalId.ParseGuid(globalId, PersonService.NodeType, "personId");
        return (await people.FindAsync(id, ct)) is { } p && (await people.ScopeAsync(ct)).SeesDetails(p) ? p.Id : throw new PersonNotFoundException();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
