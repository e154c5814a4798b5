using System.Linq.Expressions;
using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Actions;

/// <summary>An action as the caller may see it, with what they may do with it.</summary>
public sealed record ActionView(FieldAction Action, bool Manages, bool Organizes, ParticipationStatus? Participation)
{
    /// <summary>The exact meeting point of a non-public action is for those who run it or take part.</summary>
    public bool SeesMeetingPoint => Action.Visibility == ActionVisibility.Public || Manages || Organizes
        || Participation is ParticipationStatus.Confirmed;

    /// <summary>Who takes part is for those who run it.</summary>
    public bool SeesParticipants => Manages || Organizes;
}

/// <summary>The one path to actions: which the caller may find (visibility, drafts), and how much of each they see.
/// Managers are those holding MANAGE_ACTIONS over the section (its secretary, its federation, the national team, or a
/// delegate); organizers are named on the action.</summary>
public sealed class ActionAccess(CoopolDbContext db, CallerContext caller)
{
    public async Task<Rights> RightsAsync(CancellationToken ct) => await caller.GetRightsAsync(ct);

    public string? ClientAddress => caller.ClientAddress;

    public static bool Manages(Rights rights, FieldAction action) =>
        rights.Can(Permission.ManageActions, TreeNode.Section(action.FederationCode, action.SectionId));

    /// <summary>The actions the caller may find: published (or past) ones within their visibility, any of a section
    /// they manage, any they organize or take part in.</summary>
    public async Task<Expression<Func<FieldAction, bool>>> VisibleFilterAsync(CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (rights.Person is not { } me)
            return a => a.Status != ActionStatus.Draft && a.Visibility == ActionVisibility.Public;
        var reach = rights.ReachOf(Permission.ManageActions);
        if (reach.Everywhere) return a => true;
        var federations = reach.FederationCodes.ToList();
        var sections = reach.SectionIds.ToList();
        var participations = db.Set<ActionParticipant>().Where(p => p.PersonId == me.Id && p.Status != ParticipationStatus.Left);
        return a => (a.Status != ActionStatus.Draft
                     && (a.Visibility != ActionVisibility.Section || a.SectionId == me.SectionId))
                    || federations.Contains(a.FederationCode) || sections.Contains(a.SectionId)
                    || (a.OrganizerIds.Contains(me.Id) && a.SectionId == me.SectionId)
                    || participations.Any(p => p.ActionId == a.Id);
    }

    public async Task<IQueryable<FieldAction>> VisibleAsync(CancellationToken ct) =>
        db.Set<FieldAction>().AsNoTracking().Where(await VisibleFilterAsync(ct));

    /// <summary>An action by its global ID, as the caller sees it; unknown, malformed and hidden all read as not found.</summary>
    public async Task<ActionView> RequireVisibleAsync(string actionId, CancellationToken ct) =>
        (GlobalId.TryDecodeGuid(actionId, ActionService.NodeType) is { } id ? await FindAsync(id, ct) : null) ?? throw new ActionNotFoundException();

    public async Task<ActionView?> FindAsync(Guid id, CancellationToken ct) =>
        (await ByIdsAsync([id], ct)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, ActionView>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var actions = await (await VisibleAsync(ct)).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        return await ViewsAsync(actions, ct);
    }

    /// <summary>Views of actions already filtered by visibility.</summary>
    public async Task<IReadOnlyDictionary<Guid, ActionView>> ViewsAsync(IReadOnlyCollection<FieldAction> actions, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var me = rights.PersonId;
        var ids = actions.Select(a => a.Id).ToList();
        var mine = me is null || ids.Count == 0
            ? new Dictionary<Guid, ParticipationStatus>()
            : await db.Set<ActionParticipant>().AsNoTracking().Where(p => p.PersonId == me && ids.Contains(p.ActionId))
                .ToDictionaryAsync(p => p.ActionId, p => p.Status, ct);
        // An organizer runs the action while they are of its section: one who moved away no longer does.
        return actions.ToDictionary(a => a.Id, a => new ActionView(a, Manages(rights, a),
            me is { } m && a.OrganizerIds.Contains(m) && rights.Person!.SectionId == a.SectionId,
            mine.TryGetValue(a.Id, out var s) && s != ParticipationStatus.Left ? s : null));
    }

    /// <summary>An action to change, tracked, with the caller's view of it; hidden reads as unknown.</summary>
    public async Task<ActionView> RequireForChangeAsync(Guid id, CancellationToken ct)
    {
        var action = await db.Set<FieldAction>().AsTracking().Where(await VisibleFilterAsync(ct)).FirstOrDefaultAsync(a => a.Id == id, ct)
            ?? throw new ActionNotFoundException();
        return (await ViewsAsync([action], ct))[action.Id];
    }
}
