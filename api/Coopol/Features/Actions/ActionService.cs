using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Actions;

/// <summary>Creating and running actions: MANAGE_ACTIONS over the organizing section (its secretary, its federation,
/// the national team, or a delegate of the section).</summary>
public sealed class ActionService(
    CoopolDbContext db, ActionAccess access, SectionService sections, PeopleAccess people, ElectoralSilence silence,
    ActionNotices notices, TimeProvider clock, IValidator<ActionInput> validator, IValidator<CancelActionInput> cancelValidator,
    IEnumerable<IParticipationListener> listeners)
{
    public const string NodeType = "Action";

    public static readonly KeysetOrder<FieldAction> ByStart = KeysetOrder<FieldAction>.Ascending("start",
        KeysetOrder<FieldAction>.Key(a => a.StartsAt), KeysetOrder<FieldAction>.Key(a => a.Id));

    public Task<ActionView?> FindAsync(Guid id, CancellationToken ct) => access.FindAsync(id, ct);

    public Task<IReadOnlyDictionary<Guid, ActionView>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => access.ByIdsAsync(ids, ct);

    /// <summary>A section's actions the caller may see, upcoming first by default.</summary>
    public async Task<Page<ActionView>> OfSectionAsync(Guid sectionId, ActionStatus? status, bool upcomingOnly, PageRequest page, CancellationToken ct)
    {
        var actions = (await access.VisibleAsync(ct)).Where(a => a.SectionId == sectionId);
        if (status is { } s) actions = actions.Where(a => a.Status == s);
        if (upcomingOnly)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            actions = actions.Where(a => a.EndsAt > now);
        }
        return await ViewPageAsync(await actions.ToPageAsync(ByStart, page, ct), ct);
    }

    /// <summary>The actions the caller takes part in or organizes, upcoming ones.</summary>
    public async Task<Page<ActionView>> MineAsync(PageRequest page, CancellationToken ct)
    {
        var rights = await access.RightsAsync(ct);
        var me = rights.RequirePerson();
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = db.Set<ActionParticipant>().Where(p => p.PersonId == me && p.Status != ParticipationStatus.Left).Select(p => p.ActionId);
        var actions = (await access.VisibleAsync(ct)).Where(a => a.EndsAt > now && (a.OrganizerIds.Contains(me) || mine.Contains(a.Id)));
        return await ViewPageAsync(await actions.ToPageAsync(ByStart, page, ct), ct);
    }

    private async Task<Page<ActionView>> ViewPageAsync(Page<FieldAction> page, CancellationToken ct)
    {
        var views = await access.ViewsAsync(page.Items, ct);
        return new Page<ActionView>(page.Items.Select(a => views[a.Id]).ToList(), page.HasNextPage, page.HasPreviousPage, page.TotalCount,
            v => page.CursorOf(v.Action));
    }

    public async Task<ActionView> CreateAsync(CreateActionInput input, CancellationToken ct)
    {
        var rights = await access.RightsAsync(ct);
        var actor = rights.RequirePerson();
        var section = await sections.RequireAsync(input.SectionId, "sectionId", ct);
        if (!rights.Can(Permission.ManageActions, SectionService.NodeOf(section)))
            throw new ForbiddenException("You may not organize actions for this section.");
        validator.ValidateOrThrow(input.Action, "action");
        var now = clock.GetUtcNow().UtcDateTime;
        var action = new FieldAction
        {
            SectionId = section.Id, FederationCode = section.FederationCode, Title = "", MeetingAddress = "",
            MeetingPoint = Point.Empty, SearchPoint = Point.Empty, CreatedById = actor, CreatedAt = now,
        };
        await ApplyAsync(action, input.Action, now, isNew: true, ct);
        if (input.Publish) await PublishChecksAsync(action, now, ct);
        db.Add(action);
        await db.SaveChangesAsync(ct);
        return (await access.ViewsAsync([action], ct))[action.Id];
    }

    public async Task<ActionView> UpdateAsync(UpdateActionInput input, CancellationToken ct)
    {
        var view = await RequireManagedAsync(input.ActionId, ct);
        var action = view.Action;
        if (action.Status is ActionStatus.Cancelled or ActionStatus.Done) throw new ActionNotOpenException(action.Status);
        validator.ValidateOrThrow(input.Action, "action");
        var now = clock.GetUtcNow().UtcDateTime;
        await ApplyAsync(action, input.Action, now, isNew: false, ct);
        if (action.Status == ActionStatus.Published) await EnsureNoSilenceAsync(action, now, ct);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>A copy as a draft at another start, same duration, without its participants.</summary>
    public async Task<ActionView> DuplicateAsync(DuplicateActionInput input, CancellationToken ct)
    {
        var view = await RequireManagedAsync(input.ActionId, ct);
        var rights = await access.RightsAsync(ct);
        var source = view.Action;
        var now = clock.GetUtcNow().UtcDateTime;
        var starts = Instants.Utc(input.StartsAt);
        if (starts < now) throw InputValidationException.For("startsAt", "IN_THE_PAST", "The copy must start in the future.");
        if (starts > now + ActionLimits.Horizon) throw InputValidationException.For("startsAt", "TOO_FAR", "An action starts within two years.");
        var copy = new FieldAction
        {
            SectionId = source.SectionId, FederationCode = source.FederationCode, Kind = source.Kind, Title = source.Title,
            Description = source.Description, StartsAt = starts, EndsAt = starts + (source.EndsAt - source.StartsAt), TimeZone = source.TimeZone,
            MeetingAddress = source.MeetingAddress, MeetingPoint = source.MeetingPoint, SearchPoint = source.SearchPoint, CommuneCode = source.CommuneCode,
            AttendanceTarget = source.AttendanceTarget, Capacity = source.Capacity, Visibility = source.Visibility,
            TurfStationIds = [.. source.TurfStationIds], TurfArea = source.TurfArea, OrganizerIds = [.. source.OrganizerIds],
            Campaign = source.Campaign, Questions = [.. source.Questions],
            CreatedById = rights.RequirePerson(), DuplicatedFromId = source.Id, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(copy);
        await db.SaveChangesAsync(ct);
        return (await access.ViewsAsync([copy], ct))[copy.Id];
    }

    public async Task<ActionView> PublishAsync(string actionId, CancellationToken ct)
    {
        var view = await RequireManagedAsync(actionId, ct);
        if (view.Action.Status == ActionStatus.Published)
            throw InputValidationException.For("actionId", "ALREADY_PUBLISHED", "This action is already published.");
        if (view.Action.Status != ActionStatus.Draft) throw new ActionNotOpenException(view.Action.Status);
        await PublishChecksAsync(view.Action, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        return view;
    }

    /// <summary>Cancels the action and tells everyone taking part or waiting (a notice each, once).</summary>
    public async Task<ActionView> CancelAsync(CancelActionInput input, CancellationToken ct)
    {
        var view = await RequireManagedAsync(input.ActionId, ct);
        cancelValidator.ValidateOrThrow(input);
        var action = view.Action;
        if (action.Status is ActionStatus.Cancelled or ActionStatus.Done) throw new ActionNotOpenException(action.Status);
        var now = clock.GetUtcNow().UtcDateTime;
        var wasPublished = action.Status == ActionStatus.Published;
        action.Status = ActionStatus.Cancelled;
        action.CancelledAt = now;
        action.CancelReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        action.UpdatedAt = now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (wasPublished) await notices.CancellationAsync(action, now, ct);
        foreach (var listener in listeners) await listener.CancelledAsync(action.Id, ct);
        await transaction.CommitAsync(ct);
        return view;
    }

    /// <summary>Marks a past action as done (its figures count in reviews as held).</summary>
    public async Task<ActionView> CompleteAsync(string actionId, CancellationToken ct)
    {
        var view = await RequireManagedAsync(actionId, ct);
        if (view.Action.Status != ActionStatus.Published) throw new ActionNotOpenException(view.Action.Status);
        var now = clock.GetUtcNow().UtcDateTime;
        if (view.Action.StartsAt > now) throw InputValidationException.For("actionId", "NOT_STARTED", "The action has not started yet.");
        view.Action.Status = ActionStatus.Done;
        view.Action.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return view;
    }

    private async Task<ActionView> RequireManagedAsync(string actionId, CancellationToken ct)
    {
        var id = GlobalId.ParseGuid(actionId, NodeType, "actionId");
        var view = await access.RequireForChangeAsync(id, ct);
        if (!view.Manages) throw new ForbiddenException("You may not change this action.");
        return view;
    }

    private async Task PublishChecksAsync(FieldAction action, DateTime now, CancellationToken ct)
    {
        if (action.EndsAt <= now) throw new ActionOverException();
        await EnsureNoSilenceAsync(action, now, ct);
        action.Status = ActionStatus.Published;
        action.PublishedAt = now;
    }

    /// <summary>No campaigning on the eve and the day of a vote: nothing is published (or changed once published) while a
    /// silence holds at the action's place, and no action is set to take place during one.</summary>
    private async Task EnsureNoSilenceAsync(FieldAction action, DateTime now, CancellationToken ct)
    {
        var periods = await silence.OverlappingAsync(Min(now, action.StartsAt), Max(now + TimeSpan.FromSeconds(1), action.EndsAt), ct);
        if (periods.Count == 0) return;
        var communes = new HashSet<string>(action.TurfStationIds.Select(s => s.Split('_')[0]));
        if (action.CommuneCode is { } c) communes.Add(c);
        if (action.TurfArea is { } area)
            communes.UnionWith(await db.Set<Commune>().Where(m => m.Boundary != null && m.Boundary.Intersects(area)).Select(m => m.Code).ToListAsync(ct));
        var period = periods.FirstOrDefault(p => (p.StartsAt <= now && p.EndsAt > now) || (p.StartsAt < action.EndsAt && p.EndsAt > action.StartsAt)
            ? p.Covers(action.FederationCode, null) || communes.Any(code => p.Covers(action.FederationCode, code)) : false);
        if (period is not null) throw new ElectoralSilenceInEffectException(period);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// <summary>Writes the input into the action. On an update, the turf, organizers, campaign and questions left out
    /// (null) stay as they are; an empty turf area ("") removes it.</summary>
    private async Task ApplyAsync(FieldAction action, ActionInput input, DateTime now, bool isNew, CancellationToken ct)
    {
        var point = new Point(input.MeetingPoint.Longitude, input.MeetingPoint.Latitude) { SRID = 4326 };
        var starts = Instants.Utc(input.StartsAt);
        if (starts > now + ActionLimits.Horizon) throw InputValidationException.For("action.startsAt", "TOO_FAR", "An action starts within two years.");
        if (starts != action.StartsAt && Instants.Utc(input.EndsAt) <= now)
            throw InputValidationException.For("action.endsAt", "IN_THE_PAST", "The action would be over already.");
        action.CommuneCode = await CommuneOfMeetingPointAsync(point, action.FederationCode, input.CommuneCode, ct);
        if (input.Capacity is { } capacity)
        {
            var confirmed = await db.Set<ActionParticipant>().CountAsync(p => p.ActionId == action.Id && p.Status == ParticipationStatus.Confirmed, ct);
            if (capacity < confirmed)
                throw InputValidationException.For("action.capacity", "BELOW_CONFIRMED", $"{confirmed} people already take part: the capacity cannot be lower.");
        }
        action.Kind = input.Kind;
        action.Title = input.Title.Trim();
        action.Description = input.Description?.Trim() ?? "";
        action.StartsAt = starts;
        action.EndsAt = Instants.Utc(input.EndsAt);
        action.TimeZone = input.TimeZone ?? "Europe/Paris";
        action.MeetingAddress = input.MeetingAddress.Trim();
        action.MeetingPoint = point;
        action.AttendanceTarget = input.AttendanceTarget;
        action.Capacity = input.Capacity;
        action.Visibility = input.Visibility;
        action.SearchPoint = action.Visibility == ActionVisibility.Public ? point : FieldAction.Approximate(point);
        if (isNew || input.TurfStationIds is not null) action.TurfStationIds = await TurfStationsAsync(input.TurfStationIds, action.FederationCode, ct);
        if (isNew || input.TurfArea is not null)
        {
            action.TurfArea = Geo.GeoJsonArea.Parse(input.TurfArea, "action.turfArea", "turf");
            if (action.TurfArea is { } area) await EnsureAreaInFederationAsync(area, action.FederationCode, ct);
        }
        if (isNew || input.OrganizerIds is not null)
            action.OrganizerIds = await OrganizersAsync(input.OrganizerIds, action.OrganizerIds, action.SectionId, ct);
        if (isNew || input.Campaign is not null) action.Campaign = input.Campaign?.Trim() ?? "";
        if (isNew || input.Questions is not null)
            action.Questions = (input.Questions ?? []).Select((q, i) => new SurveyQuestion($"q{i + 1}", q.Label.Trim(), q.Kind,
                q.Kind == QuestionKind.Choice ? q.Choices!.Select(c => c.Trim()).Distinct().ToList() : [])).ToList();
        action.UpdatedAt = now;
    }

    /// <summary>The commune holding the meeting point when Coopol has its boundary, which must be in the section's
    /// federation; where no boundary of the federation is loaded, the commune given (checked against the official list).</summary>
    private async Task<string?> CommuneOfMeetingPointAsync(Point point, string federationCode, string? given, CancellationToken ct)
    {
        var holder = await db.Set<Commune>().AsNoTracking()
            .Where(c => c.Boundary != null && c.Boundary.Intersects(point))
            .Select(c => new { c.Code, c.DepartementCode }).FirstOrDefaultAsync(ct);
        if (holder is not null)
            return holder.DepartementCode == federationCode ? holder.Code : throw OutsideFederation(federationCode);
        if (await db.Set<Commune>().AnyAsync(c => c.DepartementCode == federationCode && c.Boundary != null, ct))
            throw OutsideFederation(federationCode);
        if (given is null) return null;
        var code = given.Trim().ToUpperInvariant();
        return await db.Set<Commune>().AnyAsync(c => c.Code == code && c.DepartementCode == federationCode, ct)
            ? code
            : throw InputValidationException.For("action.communeCode", "COMMUNE_NOT_IN_FEDERATION", $"{code} is not a commune of federation {federationCode}.");
    }

    private static InputValidationException OutsideFederation(string federationCode) => InputValidationException.For("action.meetingPoint",
        "MEETING_POINT_OUTSIDE_FEDERATION", $"The meeting point is outside the communes of federation {federationCode}.");

    private async Task<List<string>> TurfStationsAsync(List<string>? given, string federationCode, CancellationToken ct)
    {
        if (given is null || given.Count == 0) return [];
        var ids = given.Select(s => s.Trim()).Distinct().ToList();
        var known = await db.Set<PollingStation>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.DepartementCode, ct);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.TryGetValue(ids[i], out var dep))
                throw InputValidationException.For($"action.turfStationIds.{i}", "STATION_NOT_FOUND", $"There is no polling station {ids[i]}.");
            if (dep != federationCode)
                throw InputValidationException.For($"action.turfStationIds.{i}", "STATION_NOT_IN_FEDERATION",
                    $"Polling station {ids[i]} is outside federation {federationCode}.");
        }
        return ids;
    }

    /// <summary>At most this many square kilometres: a turf is streets to walk, not a département.</summary>
    public const double MaxTurfAreaKm2 = 50;

    /// <summary>A drawn turf lies within the section's federation (its communes, where Coopol has their boundaries) and
    /// is a walkable size.</summary>
    private async Task EnsureAreaInFederationAsync(MultiPolygon area, string federationCode, CancellationToken ct)
    {
        await using var command = await db.CommandAsync("""
            WITH size AS (SELECT ST_Area(@area::geography) / 1e6 AS km2)
            SELECT size.km2,
                   EXISTS (SELECT 1 FROM "Communes" c WHERE c."DepartementCode" = @fed AND c."Boundary" IS NOT NULL),
                   -- Only a walkable area is checked against the communes (a union over a whole département is costly);
                   -- what lies outside them (their edge, the sea) must be a sliver: under 5 % of the area.
                   CASE WHEN size.km2 <= @max THEN
                     (SELECT coalesce(ST_Area(ST_Difference(@area, ST_Union(c."Boundary"))::geography), ST_Area(@area::geography))
                             <= 0.05 * ST_Area(@area::geography)
                      FROM "Communes" c WHERE c."DepartementCode" = @fed AND c."Boundary" IS NOT NULL AND c."Boundary" && @area)
                   END
            FROM size
            """, ct);
        command.Parameters.AddWithValue("max", MaxTurfAreaKm2);
        command.Parameters.Add(new Npgsql.NpgsqlParameter("area", area));
        command.Parameters.AddWithValue("fed", federationCode);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.GetDouble(0) > MaxTurfAreaKm2)
            throw InputValidationException.For("action.turfArea", "TURF_TOO_LARGE", $"A drawn turf covers at most {MaxTurfAreaKm2} km².");
        if (reader.GetBoolean(1) && (reader.IsDBNull(2) || !reader.GetBoolean(2)))
            throw InputValidationException.For("action.turfArea", "TURF_OUTSIDE_FEDERATION", $"The turf goes beyond the communes of federation {federationCode}.");
    }

    /// <summary>Organizers are people of the section whom the author sees (their details, not just their name); those
    /// already named stay allowed, so that an editor who cannot see one of them does not have to remove them. An organizer
    /// who has left the section no longer runs the action (see <see cref="ActionAccess"/>).</summary>
    private async Task<List<Guid>> OrganizersAsync(List<string>? given, List<Guid> current, Guid sectionId, CancellationToken ct)
    {
        if (given is null || given.Count == 0) return [];
        var ids = given.Select((g, i) => GlobalId.ParseGuid(g, PersonService.NodeType, $"action.organizerIds.{i}")).Distinct().ToList();
        var seen = await people.ByIdsAsync(ids, ct);
        var scope = await people.ScopeAsync(ct);
        for (var i = 0; i < ids.Count; i++)
            if (!current.Contains(ids[i]) && (!seen.TryGetValue(ids[i], out var p) || !scope.SeesDetails(p) || p.SectionId != sectionId))
                throw InputValidationException.For($"action.organizerIds.{i}", "PERSON_NOT_FOUND", "This person was not found.");
        return ids;
    }
}
