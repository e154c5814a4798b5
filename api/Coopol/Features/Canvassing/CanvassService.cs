using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Canvassing;

/// <summary>A share as its reader sees it: its addresses in walking order with their buildings and doors, which doors
/// were reported in this action, and who holds it (for those who run the action).</summary>
public sealed record ShareView(TurfShare Share, ActionView Action, IReadOnlyList<WalkAddress> Addresses, string? HolderName, bool HeldByViewer);

/// <summary>A share in an action's list: its holder's name for those who run the action, and how many doors are reported.</summary>
public sealed record ShareSummary(TurfShare Share, string? HolderName, int DoorsReported, bool HeldByViewer);

public sealed record WalkAddress(TurfAddress Address, IReadOnlyList<WalkBuilding> Buildings);

public sealed record WalkBuilding(TurfBuilding Building, IReadOnlyList<WalkDoor> Doors);

public sealed record WalkDoor(Door Door, DoorOutcome? Outcome);

/// <summary>Turfs of door-to-door actions: split into shares along the streets, checked out to one volunteer at a time,
/// released when worked. Those who run the action split it and see every share; a confirmed participant checks out one
/// share and sees it.</summary>
public sealed class CanvassService(CoopolDbContext db, ActionAccess actions, WalkListService walkLists, AddressService addresses, PeopleAccess people,
    TimeProvider clock) : IParticipationListener
{
    public const string ShareNodeType = "TurfShare";
    public const int MaxShares = 100;

    /// <summary>The turf's addresses that the campaign has not done (nor given to a share being worked elsewhere), cut into
    /// <paramref name="shares"/> shares. Refused while a share is checked out.</summary>
    public async Task<IReadOnlyList<TurfShare>> SplitAsync(string actionId, int shares, CancellationToken ct)
    {
        var view = await RequireAsync(actionId, ct);
        if (!view.SeesParticipants) throw new ForbiddenException("Only those who run this action split its turf.");
        var action = view.Action;
        if (action.Kind != ActionKind.DoorToDoor)
            throw InputValidationException.For("actionId", "NOT_DOOR_TO_DOOR", "Only a door-to-door action has a turf to split.");
        if (action.Status is ActionStatus.Cancelled or ActionStatus.Done) throw new ActionNotOpenException(action.Status);
        if (shares is < 1 or > MaxShares) throw InputValidationException.For("shares", "OUT_OF_RANGE", $"Between 1 and {MaxShares} shares.");
        if (action.TurfStationIds.Count == 0 && action.TurfArea is null)
            throw InputValidationException.For("actionId", "NO_TURF", "Give the action polling stations or an area first.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Actions" WHERE "Id" = {action.Id} FOR UPDATE""", ct);
        var existing = await db.Set<TurfShare>().Where(s => s.ActionId == action.Id).ToListAsync(ct);
        if (existing.Any(s => s.CheckedOutById != null))
            throw InputValidationException.For("actionId", "SHARES_IN_USE", "A share is being worked: release it before splitting again.");
        var existingIds = existing.Select(s => (long?)s.Id).ToList();
        await db.Set<CanvassedBuilding>().Where(b => existingIds.Contains(b.ShareId) && b.Progress == BuildingProgress.Ongoing).ExecuteDeleteAsync(ct);
        await db.Set<TurfShare>().Where(s => s.ActionId == action.Id).ExecuteDeleteAsync(ct);

        var turf = await walkLists.TurfAddressesAsync(action.TurfStationIds, action.TurfArea, ct);
        var buildingIds = turf.SelectMany(a => a.Buildings).Select(b => b.Id).ToList();
        var taken = (await db.Set<CanvassedBuilding>().AsNoTracking()
            .Where(b => b.SectionId == action.SectionId && b.Campaign == action.Campaign && buildingIds.Contains(b.BuildingId))
            .Select(b => b.BuildingId).ToListAsync(ct)).ToHashSet();
        var toDo = turf.Where(a => a.Buildings.Count == 0 || a.Buildings.Any(b => !taken.Contains(b.Id))).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var made = WalkList.Split(toDo, shares).Select((share, i) => new TurfShare
        {
            ActionId = action.Id, Number = i + 1, AddressIds = share.Select(a => a.Id).ToList(), Doors = share.Sum(a => a.Doors), CreatedAt = now,
        }).ToList();
        db.AddRange(made);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return made;
    }

    public async Task<IReadOnlyList<ShareSummary>> SharesAsync(ActionView view, CancellationToken ct)
    {
        var me = (await actions.RightsAsync(ct)).PersonId;
        var query = db.Set<TurfShare>().AsNoTracking().Where(s => s.ActionId == view.Action.Id);
        // A volunteer sees the shares still free and their own; those who run the action see all, with who holds them.
        if (!view.SeesParticipants)
        {
            if (view.Participation != ParticipationStatus.Confirmed) return [];
            query = query.Where(s => s.CheckedOutById == null || s.CheckedOutById == me);
        }
        var shares = await query.OrderBy(s => s.Number).ToListAsync(ct);
        var reported = (await db.Set<DoorReport>().AsNoTracking().Where(r => r.ActionId == view.Action.Id)
                .Select(r => new { r.AddressId, r.DoorId }).Distinct().ToListAsync(ct))
            .GroupBy(r => r.AddressId).ToDictionary(g => g.Key, g => g.Count());
        var holders = view.SeesParticipants
            ? await people.ParticipantsForOrganizersAsync(shares.Select(s => s.CheckedOutById).OfType<Guid>().Distinct().ToList(), ct)
            : new Dictionary<Guid, Person>();
        return shares.Select(s => new ShareSummary(s, s.CheckedOutById is { } h ? holders.GetValueOrDefault(h)?.DisplayName : null,
            s.AddressIds.Sum(a => reported.GetValueOrDefault(a)), me is not null && s.CheckedOutById == me)).ToList();
    }

    /// <summary>A confirmed participant (or someone who runs the action) takes a share: the given one, else the first
    /// free one. One share per person at a time; a share held by someone else is refused.</summary>
    public async Task<ShareView> CheckOutAsync(string actionId, string? shareId, CancellationToken ct)
    {
        var view = await RequireAsync(actionId, ct);
        var me = (await actions.RightsAsync(ct)).RequirePerson();
        if (!view.SeesParticipants && view.Participation != ParticipationStatus.Confirmed)
            throw new ForbiddenException("Join the action to take a share of its turf.");
        if (view.Action.Status != ActionStatus.Published) throw new ActionNotOpenException(view.Action.Status);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Actions" WHERE "Id" = {view.Action.Id} FOR UPDATE""", ct);
        var mine = await db.Set<TurfShare>().AsTracking().FirstOrDefaultAsync(s => s.ActionId == view.Action.Id && s.CheckedOutById == me, ct);
        if (mine is not null)
        {
            if (shareId is null || ParseShareId(shareId) == mine.Id) return await ViewAsync(mine, view, ct);
            throw InputValidationException.For("shareId", "ALREADY_HOLDING_A_SHARE", $"You already hold share {mine.Number}: release it first.");
        }
        var shares = db.Set<TurfShare>().AsTracking().Where(s => s.ActionId == view.Action.Id);
        TurfShare? share;
        if (shareId is not null)
        {
            var id = ParseShareId(shareId);
            share = await shares.FirstOrDefaultAsync(s => s.Id == id, ct)
                ?? throw InputValidationException.For("shareId", "SHARE_NOT_FOUND", "This share is not part of this action.");
            if (share.CheckedOutById is not null)
                throw InputValidationException.For("shareId", "SHARE_TAKEN", "Someone is already working this share.");
        }
        else
        {
            share = await shares.Where(s => s.CheckedOutById == null).OrderBy(s => s.ReleasedAt != null).ThenBy(s => s.Number).FirstOrDefaultAsync(ct)
                ?? throw InputValidationException.For("actionId", "NO_FREE_SHARE", "Every share is taken: ask an organizer to split the turf again.");
        }
        share.CheckedOutById = me;
        share.CheckedOutAt = now;
        await db.SaveChangesAsync(ct);
        // Its buildings not done yet become ongoing in the campaign: another action of the campaign will not give them.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "CanvassedBuildings" ("SectionId", "Campaign", "BuildingId", "Progress", "ShareId", "UpdatedAt")
            SELECT {view.Action.SectionId}, {view.Action.Campaign}, b."Id", 'Ongoing', {share.Id}, {now}
            FROM "Buildings" b WHERE b."AddressId" = ANY({share.AddressIds.ToArray()})
            ON CONFLICT ("SectionId", "Campaign", "BuildingId") DO NOTHING
            """, ct);
        await transaction.CommitAsync(ct);
        return await ViewAsync(share, view, ct);
    }

    /// <summary>The holder (or someone who runs the action) gives a share back: its buildings with a report of this action
    /// are done for the campaign, the others go back to be done.</summary>
    public async Task<ShareView> ReleaseAsync(string shareId, CancellationToken ct)
    {
        var id = ParseShareId(shareId);
        var me = (await actions.RightsAsync(ct)).RequirePerson();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Locked: a release never undoes a checkout made meanwhile.
        var share = await db.Set<TurfShare>().FromSql($"""SELECT * FROM "TurfShares" WHERE "Id" = {id} FOR UPDATE""").AsTracking()
            .FirstOrDefaultAsync(ct) ?? throw ShareNotFound();
        var view = await actions.FindAsync(share.ActionId, ct) ?? throw ShareNotFound();
        if (share.CheckedOutById != me && !view.SeesParticipants) throw ShareNotFound();
        if (share.CheckedOutById is null) throw InputValidationException.For("shareId", "SHARE_NOT_CHECKED_OUT", "Nobody holds this share.");
        await ReleaseAsync(share, clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        return await ViewAsync(share, view, ct);
    }

    /// <summary>Gives a share back (in the caller's transaction): reported buildings are done for the campaign, the
    /// others go back to be done.</summary>
    private async Task ReleaseAsync(TurfShare share, DateTime now, CancellationToken ct)
    {
        share.CheckedOutById = null;
        share.ReleasedAt = now;
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "CanvassedBuildings" c SET "Progress" = 'Done', "UpdatedAt" = {now}
            WHERE c."ShareId" = {share.Id} AND EXISTS (SELECT 1 FROM "DoorReports" r WHERE r."ActionId" = {share.ActionId} AND r."BuildingId" = c."BuildingId")
            """, ct);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "CanvassedBuildings" WHERE "ShareId" = {share.Id} AND "Progress" = 'Ongoing'""", ct);
    }

    /// <summary>The action was cancelled: every share is given back, its buildings free for the campaign's other actions.</summary>
    public async Task CancelledAsync(Guid actionId, CancellationToken ct)
    {
        var held = await db.Set<TurfShare>().AsTracking().Where(s => s.ActionId == actionId && s.CheckedOutById != null).ToListAsync(ct);
        foreach (var share in held) await ReleaseAsync(share, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>Someone left the action: the share they held is given back.</summary>
    public async Task LeftAsync(Guid actionId, Guid personId, CancellationToken ct)
    {
        var held = await db.Set<TurfShare>().AsTracking().Where(s => s.ActionId == actionId && s.CheckedOutById == personId).ToListAsync(ct);
        foreach (var share in held) await ReleaseAsync(share, clock.GetUtcNow().UtcDateTime, ct);
    }

    /// <summary>A share with its walk list, for its holder and those who run the action.</summary>
    public async Task<ShareView> ReadAsync(string shareId, CancellationToken ct)
    {
        var id = ParseShareId(shareId);
        var me = (await actions.RightsAsync(ct)).PersonId;
        var share = await db.Set<TurfShare>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw ShareNotFound();
        var view = await actions.FindAsync(share.ActionId, ct) ?? throw ShareNotFound();
        if (!view.SeesParticipants && (me is null || share.CheckedOutById != me || view.Participation != ParticipationStatus.Confirmed))
            throw ShareNotFound();
        return await ViewAsync(share, view, ct);
    }

    private async Task<ShareView> ViewAsync(TurfShare share, ActionView view, CancellationToken ct)
    {
        var me = (await actions.RightsAsync(ct)).PersonId;
        var inTurf = (await walkLists.AddressesInTurfAsync(share.AddressIds, view.Action.TurfStationIds, view.Action.TurfArea, ct)).ToDictionary(a => a.Id);
        var ordered = share.AddressIds.Where(inTurf.ContainsKey).Select(id => inTurf[id]).ToList();
        var buildingIds = ordered.SelectMany(a => a.Buildings).Select(b => b.Id).ToList();
        var doors = (await db.Set<Door>().AsNoTracking().Where(d => buildingIds.Contains(d.BuildingId)).ToListAsync(ct))
            .GroupBy(d => d.BuildingId).ToDictionary(g => g.Key, g => g.OrderBy(d => d.Position).ToList());
        var outcomes = await OutcomesAsync(view.Action.Id, doors.Values.SelectMany(d => d).Select(d => d.Id).ToList(), ct);
        var addresses = ordered.Select(a => new WalkAddress(a, a.Buildings.Select(b => new WalkBuilding(b,
            (doors.GetValueOrDefault(b.Id) ?? []).Select(d => new WalkDoor(d, outcomes.TryGetValue(d.Id, out var o) ? o : null)).ToList())).ToList())).ToList();
        string? holder = null;
        if (view.SeesParticipants && share.CheckedOutById is { } holderId)
            holder = (await people.ParticipantsForOrganizersAsync([holderId], ct)).GetValueOrDefault(holderId)?.DisplayName;
        return new ShareView(share, view, addresses, holder, me is not null && share.CheckedOutById == me);
    }

    /// <summary>A volunteer counted the doors of a building of their share (or someone who runs the action, of its turf).
    /// A count that would drop a door already reported is refused.</summary>
    public async Task<WalkBuilding> SetDoorCountAsync(string actionId, string buildingId, int count, CancellationToken ct)
    {
        var view = await RequireAsync(actionId, ct);
        var me = (await actions.RightsAsync(ct)).RequirePerson();
        // Door counts are shared by every campaign: entered while an action is out in the field, not after.
        if (view.Action.Status != ActionStatus.Published) throw new ActionNotOpenException(view.Action.Status);
        if (clock.GetUtcNow().UtcDateTime > view.Action.EndsAt + DoorReportLimits.Late)
            throw InputValidationException.For("actionId", "REPORTS_CLOSED", "Door counts of this action closed a week after it ended.");
        var id = GlobalId.TryDecode(buildingId) is ("Building", var key) && long.TryParse(key, out var n) ? n
            : throw InputValidationException.For("buildingId", "BUILDING_NOT_FOUND", "This building was not found.");
        var addressId = await db.Set<Building>().Where(b => b.Id == id).Select(b => (long?)b.AddressId).FirstOrDefaultAsync(ct);
        var allowed = addressId is { } a && (view.SeesParticipants
            ? await walkLists.InTurfAsync(a, view.Action.TurfStationIds, view.Action.TurfArea, ct)
            : view.Participation == ParticipationStatus.Confirmed
              && await db.Set<TurfShare>().AnyAsync(s => s.ActionId == view.Action.Id && s.CheckedOutById == me && s.AddressIds.Contains(a), ct));
        if (!allowed) throw InputValidationException.For("buildingId", "BUILDING_NOT_IN_SHARE", "This building is not in your share.");
        var reported = await db.Set<DoorReport>().Where(r => r.BuildingId == id)
            .Join(db.Set<Door>(), r => r.DoorId, d => d.Id, (r, d) => (int?)d.Position).MaxAsync(ct) ?? 0;
        if (count < reported)
            throw InputValidationException.For("count", "DOORS_REPORTED", $"Door {reported} has a report: the building keeps at least {reported} doors.");
        var building = await addresses.SetDoorCountAsync(id, count, ct);
        var doors = await addresses.DoorsAsync(id, ct);
        var outcomes = await OutcomesAsync(view.Action.Id, doors.Select(d => d.Id).ToList(), ct);
        return new WalkBuilding(new TurfBuilding(building.Id, building.Label, building.DoorCount, doors.Count),
            doors.Select(d => new WalkDoor(d, outcomes.TryGetValue(d.Id, out var o) ? o : null)).ToList());
    }

    /// <summary>The latest outcome reported in this action for each of these doors.</summary>
    private async Task<Dictionary<long, DoorOutcome>> OutcomesAsync(Guid actionId, List<long> doorIds, CancellationToken ct) =>
        (await db.Set<DoorReport>().AsNoTracking().Where(r => r.ActionId == actionId && doorIds.Contains(r.DoorId))
            .OrderBy(r => r.VisitedAt).Select(r => new { r.DoorId, r.Outcome }).ToListAsync(ct))
            .GroupBy(r => r.DoorId).ToDictionary(g => g.Key, g => g.Last().Outcome);

    public static long ParseShareId(string id) =>
        GlobalId.TryDecode(id) is (ShareNodeType, var key) && long.TryParse(key, out var n) ? n : throw ShareNotFound();

    private static InputValidationException ShareNotFound() => InputValidationException.For("shareId", "SHARE_NOT_FOUND", "This share was not found.");

    private Task<ActionView> RequireAsync(string actionId, CancellationToken ct) => actions.RequireVisibleAsync(actionId, ct);
}
