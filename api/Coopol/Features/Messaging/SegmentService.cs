using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.Actions;
using Coopol.Features.Geography;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Messaging;

/// <summary>How many people a segment reaches, as a sender sees it before sending. For a sender who does not see every
/// person of the node, a count under Privacy:SmallCountMinimum (zero included) is withheld (null): a
/// narrow segment must not single someone out.</summary>
public sealed record SegmentCount(int? Matched, int? EmailReachable, int? SmsReachable, bool SmallCountsHidden);

/// <summary>Saved segments and live counts. Segments read people only through <see cref="PeopleAccess.AudienceAsync"/>;
/// every id a filter names is checked against the sender's node (sections of it, actions of it, people the sender sees).</summary>
public sealed class SegmentService(CoopolDbContext db, MessagingAccess access, PeopleAccess people, ConsentService consents,
    ActionAccess actions, IValidator<SaveSegmentInput> validator, IValidator<SegmentDefinitionInput> definitionValidator, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<Privacy.PrivacyOptions> privacy)
{
    public const string NodeType = "Segment";
    /// <summary>Counts below this are withheld from who does not see everyone (Privacy:SmallCountMinimum, 5 by default).</summary>
    public int SmallCount => privacy.Value.Minimum;

    public static readonly KeysetOrder<Segment> Order = KeysetOrder<Segment>.Ascending("segments",
        KeysetOrder<Segment>.Key(s => s.Name), KeysetOrder<Segment>.Key(s => s.Id));

    public async Task<Segment> SaveAsync(SaveSegmentInput input, CancellationToken ct)
    {
        validator.ValidateOrThrow(input);
        Segment segment;
        if (input.Id is { } given)
        {
            segment = await FindAsync(GlobalId.ParseGuid(given, NodeType, "id"), ct, tracking: true) ?? throw new SegmentNotFoundException();
            await access.RequireSenderAsync(segment.Node, ct);
        }
        else
        {
            var node = await access.NodeAsync(input.SectionId, input.FederationCode, ct);
            var author = await access.RequireSenderAsync(node, ct);
            segment = new Segment
            {
                Name = "", Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId, CreatedById = author,
                CreatedAt = Now(),
            };
            db.Add(segment);
        }
        var (definition, area) = await ResolveAsync(segment.Node, input.Definition, "definition", ct);
        segment.Name = input.Name.Trim();
        segment.Definition = definition;
        segment.Area = area;
        segment.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return segment;
    }

    public async Task<Segment> DeleteAsync(string id, CancellationToken ct)
    {
        var segment = await FindAsync(GlobalId.ParseGuid(id, NodeType, "id"), ct, tracking: true) ?? throw new SegmentNotFoundException();
        await access.RequireSenderAsync(segment.Node, ct);
        db.Remove(segment);
        await db.SaveChangesAsync(ct);
        return segment;
    }

    /// <summary>A segment the caller may send to; anything else reads as unknown.</summary>
    public async Task<Segment?> FindAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.Set<Segment>().AsTracking() : db.Set<Segment>().AsNoTracking();
        var segment = await query.FirstOrDefaultAsync(s => s.Id == id, ct);
        return segment is not null && await access.MaySendAsync(segment.Node, ct) ? segment : null;
    }

    /// <summary>The segments of a node (the caller sends from it), by name.</summary>
    public async Task<Page<Segment>> OfNodeAsync(TreeNode node, PageRequest page, CancellationToken ct)
    {
        await access.RequireSenderAsync(node, ct);
        return await db.Set<Segment>().AsNoTracking()
            .Where(s => s.Level == node.Level && s.FederationCode == node.FederationCode && s.SectionId == node.SectionId)
            .ToPageAsync(Order, page, ct);
    }

    /// <summary>The live count of a definition, before it is saved or sent.</summary>
    public async Task<SegmentCount> CountAsync(TreeNode node, SegmentDefinitionInput input, CancellationToken ct)
    {
        await access.RequireSenderAsync(node, ct);
        var (definition, area) = await ResolveAsync(node, input, "definition", ct);
        return await CountAsync(node, definition, area, ct);
    }

    public async Task<SegmentCount> CountAsync(TreeNode node, SegmentDefinition definition, MultiPolygon? area, CancellationToken ct,
        ConsentPurpose purpose = ConsentPurpose.News)
    {
        var matching = await MatchingAsync(node, definition, area, ct);
        var matched = await matching.CountAsync(ct);
        var email = await Reachable(matching, ConsentChannel.Email, purpose).CountAsync(ct);
        var sms = await Reachable(matching, ConsentChannel.Sms, purpose).CountAsync(ct);
        var hide = !await access.SeesEveryoneAsync(node, ct);
        int? Shown(int n) => hide && n < SmallCount ? null : n;
        return new SegmentCount(Shown(matched), Shown(email), Shown(sms), hide);
    }

    /// <summary>The people of the node the definition matches (and, when it asks, who consented to its channel).</summary>
    public async Task<IQueryable<Person>> MatchingAsync(TreeNode node, SegmentDefinition definition, MultiPolygon? area, CancellationToken ct)
    {
        var matching = SegmentQuery.Apply(await people.AudienceAsync(node, ct), definition, area, db);
        return definition.ConsentFor is { } channel ? consents.Consenting(matching, ConsentPurpose.News, channel) : matching;
    }

    public IQueryable<Person> Consenting(IQueryable<Person> matching, ConsentChannel channel, ConsentPurpose purpose) =>
        consents.Consenting(matching, purpose, channel);

    /// <summary>Those who may get a message on this channel: consent given, and a contact there.</summary>
    public IQueryable<Person> Reachable(IQueryable<Person> matching, ConsentChannel channel, ConsentPurpose purpose) =>
        consents.Consenting(channel == ConsentChannel.Email ? matching.Where(p => p.Email != null) : matching.Where(p => p.Phone != null), purpose, channel);

    /// <summary>Turns the sent filters into a definition over this node, refusing what lies outside it.</summary>
    public async Task<(SegmentDefinition Definition, MultiPolygon? Area)> ResolveAsync(TreeNode node, SegmentDefinitionInput input, string field,
        CancellationToken ct)
    {
        definitionValidator.ValidateOrThrow(input, field);
        if (!await access.SeesEveryoneAsync(node, ct) && NarrowFilter(input) is { } narrow)
            throw InputValidationException.For($"{field}.{narrow}", "FILTER_NOT_ALLOWED",
                "Only those who manage this node's people filter by place, tag, action or name: use one of its saved segments.");
        var sectionIds = (input.SectionIds ?? []).Select((s, i) => GlobalId.ParseGuid(s, SectionService.NodeType, $"{field}.sectionIds.{i}")).Distinct().ToList();
        if (sectionIds.Count > 0)
        {
            var known = await db.Sections.AsNoTracking().Where(s => sectionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            for (var i = 0; i < sectionIds.Count; i++)
                if (!known.TryGetValue(sectionIds[i], out var s) || !MessagingAccess.Within(SectionService.NodeOf(s), node))
                    throw InputValidationException.For($"{field}.sectionIds.{i}", "SECTION_NOT_FOUND", "This section is not one you send to.");
        }
        var stationIds = (input.StationIds ?? []).Select(s => s.Trim()).Distinct().ToList();
        if (stationIds.Count > 0)
        {
            var known = await db.Set<PollingStation>().AsNoTracking().Where(s => stationIds.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
            var missing = stationIds.FindIndex(s => !known.Contains(s));
            if (missing >= 0)
                throw InputValidationException.For($"{field}.stationIds.{missing}", "STATION_NOT_FOUND", $"There is no polling station {stationIds[missing]}.");
        }
        var actionIds = new List<Guid>();
        foreach (var (given, i) in (input.ActionIds ?? []).Select((a, i) => (a, i)))
        {
            var id = GlobalId.ParseGuid(given, ActionService.NodeType, $"{field}.actionIds.{i}");
            var view = await actions.FindAsync(id, ct);
            // Those who took part in an action are for those who run its section: the action must be of the node.
            if (view is null || !MessagingAccess.Within(TreeNode.Section(view.Action.FederationCode, view.Action.SectionId), node))
                throw InputValidationException.For($"{field}.actionIds.{i}", "ACTION_NOT_FOUND", "This action is not one of yours.");
            actionIds.Add(id);
        }
        var personIds = (input.PersonIds ?? []).Select((p, i) => GlobalId.ParseGuid(p, PersonService.NodeType, $"{field}.personIds.{i}")).Distinct().ToList();
        if (personIds.Count > 0)
        {
            // A static list names people one by one: only people whose details the sender sees, in the node.
            var seen = await people.ByIdsAsync(personIds, ct);
            var scope = await people.ScopeAsync(ct);
            var sections = await db.Sections.AsNoTracking().Where(s => seen.Values.Select(p => p.SectionId).Contains(s.Id))
                .ToDictionaryAsync(s => s.Id, SectionService.NodeOf, ct);
            for (var i = 0; i < personIds.Count; i++)
                if (!seen.TryGetValue(personIds[i], out var p) || !scope.SeesDetails(p) || !MessagingAccess.Within(sections[p.SectionId], node))
                    throw InputValidationException.For($"{field}.personIds.{i}", "PERSON_NOT_FOUND", "This person was not found.");
        }
        var area = Geo.GeoJsonArea.Parse(input.Area, $"{field}.area", "area");
        var definition = new SegmentDefinition
        {
            Kinds = (input.Kinds ?? []).Distinct().ToList(),
            Tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            SectionIds = sectionIds, StationIds = stationIds, ActionIds = actionIds, ConsentFor = input.ConsentFor, PersonIds = personIds,
        };
        return (definition, area);
    }

    private static string? NarrowFilter(SegmentDefinitionInput input) =>
        !string.IsNullOrWhiteSpace(input.Area) ? "area"
        : input.StationIds is { Count: > 0 } ? "stationIds"
        : input.Tags is { Count: > 0 } ? "tags"
        : input.ActionIds is { Count: > 0 } ? "actionIds"
        : input.PersonIds is { Count: > 0 } ? "personIds"
        : null;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

public sealed class SegmentNotFoundException() : CoopolException("SEGMENT_NOT_FOUND", "This segment was not found.");
