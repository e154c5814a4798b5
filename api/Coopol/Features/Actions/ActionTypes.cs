using System.Text.Json;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Geo;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using NetTopologySuite.IO.Converters;

namespace Coopol.Features.Actions;

public sealed class ActionType : ObjectGraphType<ActionView>
{
    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public ActionType()
    {
        Name = "Action";
        Description = "A field action of a section. Where a non-public action meets is given to those who run it or take part "
            + "(meetingAddress and meetingPoint are null for others, who get approximatePoint); who takes part, to those who run it.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ActionService.NodeType, ctx.Source.Action.Id));
        Field<NonNullGraphType<ActionKindType>>("kind").Resolve(ctx => ctx.Source.Action.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(ctx => ctx.Source.Action.Title);
        Field<NonNullGraphType<StringGraphType>>("description").Resolve(ctx => ctx.Source.Action.Description);
        Field<NonNullGraphType<ActionStatusType>>("status").Resolve(ctx => ctx.Source.Action.Status);
        Field<NonNullGraphType<ActionVisibilityType>>("visibility").Resolve(ctx => ctx.Source.Action.Visibility);
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Resolve(ctx => ctx.Source.Action.StartsAt);
        Field<NonNullGraphType<DateTimeGraphType>>("endsAt").Resolve(ctx => ctx.Source.Action.EndsAt);
        Field<NonNullGraphType<StringGraphType>>("timeZone").Resolve(ctx => ctx.Source.Action.TimeZone);
        Field<StringGraphType>("meetingAddress").Resolve(ctx => ctx.Source.SeesMeetingPoint ? ctx.Source.Action.MeetingAddress : null);
        Field<GeoPointType>("meetingPoint").Resolve(ctx => ctx.Source.SeesMeetingPoint ? ctx.Source.Action.MeetingPoint : null);
        Field<NonNullGraphType<GeoPointType>>("approximatePoint")
            .Description("Where the action is on a map: the meeting point when public, else a point about a kilometre away at most.")
            .Resolve(ctx => ctx.Source.Action.SearchPoint);
        Field<StringGraphType>("communeCode").Resolve(ctx => ctx.Source.SeesMeetingPoint ? ctx.Source.Action.CommuneCode : null);
        Field<NonNullGraphType<SectionType>>("section").Resolve(ctx => ctx.Service<SectionLoader>().Load(ctx.Source.Action.SectionId));
        Field<NonNullGraphType<IntGraphType>>("attendanceTarget").Resolve(ctx => ctx.Source.Action.AttendanceTarget);
        Field<IntGraphType>("capacity").Resolve(ctx => ctx.Source.Action.Capacity);
        Field<NonNullGraphType<AttendanceType>>("attendance").Description("Counts only: who takes part is in participants.")
            .Resolve(ctx => ctx.Service<AttendanceLoader>().Load(ctx.Source.Action));
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("turfStationIds")
            .Description("The polling stations of the turf (for those who see the meeting point).")
            .Resolve(ctx => ctx.Source.SeesMeetingPoint ? ctx.Source.Action.TurfStationIds : null);
        Field<StringGraphType>("turfArea").Description("The drawn turf as GeoJSON (for those who see the meeting point).")
            .Resolve(ctx => ctx.Source.SeesMeetingPoint && ctx.Source.Action.TurfArea is { } area ? JsonSerializer.Serialize(area, GeoJson) : null);
        Field<NonNullGraphType<StringGraphType>>("campaign").Resolve(ctx => ctx.Source.Action.Campaign);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SurveyQuestionType>>>>("questions").Resolve(ctx => ctx.Source.Action.Questions);
        Field<DateTimeGraphType>("publishedAt").Resolve(ctx => ctx.Source.Action.PublishedAt);
        Field<DateTimeGraphType>("cancelledAt").Resolve(ctx => ctx.Source.Action.CancelledAt);
        Field<StringGraphType>("cancelReason").Resolve(ctx => ctx.Source.Action.CancelReason);
        Field<NonNullGraphType<BooleanGraphType>>("viewerManages").Description("MANAGE_ACTIONS over the section: edits, publishes, cancels.")
            .Resolve(ctx => ctx.Source.Manages);
        Field<NonNullGraphType<BooleanGraphType>>("viewerOrganizes").Resolve(ctx => ctx.Source.Organizes);
        Field<ParticipationStatusType>("viewerParticipation").Resolve(ctx => ctx.Source.Participation);
        Field<ListGraphType<NonNullGraphType<ActionOrganizerType>>>("organizers")
            .Description("Who runs it on the ground (for those who run it; null for others).")
            .ResolveAsync(async ctx =>
            {
                if (!ctx.Source.SeesParticipants) return null;
                var people = await ctx.Service<PeopleAccess>().ParticipantsForOrganizersAsync(ctx.Source.Action.OrganizerIds, ctx.CancellationToken);
                return ctx.Source.Action.OrganizerIds.Select(id => new ActionOrganizer(id, people.GetValueOrDefault(id)?.DisplayName ?? "—")).ToList();
            });
        Field<ConnectionType<ParticipantType>>("participants")
            .Description("Who takes part (confirmed, then the waiting list in order); null with FORBIDDEN unless the viewer runs the action.")
            .Argument<ParticipationStatusType>("status").PagingArguments()
            .WithComplexityImpact(GraphQLLimits.PeopleListImpact)
            .ResolveAsync(async ctx => (await ctx.Service<ActionParticipation>().ParticipantsAsync(ctx.Source,
                ctx.GetArgument<ParticipationStatus?>("status"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        Field<ListGraphType<NonNullGraphType<ActionNoticeType>>>("notices")
            .Description("The latest 50 notices of the action (what participants are sent, or why it was held); for those who run it.")
            .ResolveAsync(async ctx => ctx.Source.SeesParticipants
                ? (await ctx.Service<ActionNotices>().OfActionAsync(ctx.Source.Action.Id, 50, ctx.CancellationToken)).Select(n => new NoticeView(n, false)).ToList()
                : null);
    }
}

public sealed class SurveyQuestionType : ObjectGraphType<SurveyQuestion>
{
    public SurveyQuestionType()
    {
        Name = "SurveyQuestion";
        Field(q => q.Id);
        Field(q => q.Label);
        Field<NonNullGraphType<QuestionKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("choices").Resolve(ctx => ctx.Source.Choices);
    }
}

public sealed class QuestionKindType : EnumerationGraphType<QuestionKind>
{
    public QuestionKindType() => Name = "QuestionKind";
}

public sealed class SurveyQuestionInputType : InputObjectGraphType<SurveyQuestionInput>
{
    public SurveyQuestionInputType()
    {
        Name = "SurveyQuestionInput";
        Field(x => x.Label);
        Field<NonNullGraphType<QuestionKindType>>("kind");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("choices");
    }
}

public sealed record ActionOrganizer(Guid PersonId, string DisplayName);

public sealed class ActionOrganizerType : ObjectGraphType<ActionOrganizer>
{
    public ActionOrganizerType()
    {
        Name = "ActionOrganizer";
        Field<NonNullGraphType<IdGraphType>>("personId").Resolve(ctx => GlobalId.Encode(PersonService.NodeType, ctx.Source.PersonId));
        Field(o => o.DisplayName);
    }
}

public sealed class AttendanceType : ObjectGraphType<Attendance>
{
    public AttendanceType()
    {
        Name = "Attendance";
        Field(a => a.Confirmed);
        Field(a => a.Waiting);
        Field(a => a.CheckedIn);
        Field(a => a.Target);
        Field(a => a.Capacity, nullable: true);
        Field(a => a.PlacesLeft, nullable: true).Description("Null when there is no capacity.");
    }
}

public sealed class ParticipantType : ObjectGraphType<ParticipantView>
{
    public ParticipantType()
    {
        Name = "ActionParticipant";
        Description = "Someone taking part in an action, as those who run it see them.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ActionParticipation.ParticipantNodeType,
            ctx.Source.Participant.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Field<NonNullGraphType<ParticipationStatusType>>("status").Resolve(ctx => ctx.Source.Participant.Status);
        Field<NonNullGraphType<DateTimeGraphType>>("joinedAt").Resolve(ctx => ctx.Source.Participant.JoinedAt);
        Field<DateTimeGraphType>("checkedInAt").Resolve(ctx => ctx.Source.Participant.CheckedInAt);
        Field<NonNullGraphType<StringGraphType>>("displayName").Resolve(ctx => ctx.Source.Person?.DisplayName ?? "—");
        Field<StringGraphType>("email").Resolve(ctx => ctx.Source.Person?.Email);
        Field<StringGraphType>("phone").Resolve(ctx => ctx.Source.Person?.Phone);
    }
}

/// <summary>A notice as its reader may see it: in full for the national outbox; for those who run the action, whether it
/// went, waits, was held by a rule of the calendar, or did not go — never why it did not go for that person (a consent
/// withdrawn, a STOP, a number that failed are that person's own).</summary>
public sealed record NoticeView(Messaging.OutboxMessage Row, bool Detailed);

public sealed class ActionNoticeType : ObjectGraphType<NoticeView>
{
    public ActionNoticeType()
    {
        Name = "ActionNotice";
        Description = "A message to a participant about an action, as the outbox sends it (or holds it). Those who run the action see "
            + "whether it went (NOT_SENT without the reason); the national outbox sees all.";
        Field<NonNullGraphType<NoticeKindType>>("kind").Resolve(ctx => Enum.Parse<NoticeKind>(ctx.Source.Row.Kind!));
        Field<NonNullGraphType<NoticeStatusType>>("status").Resolve(ctx => ctx.Source.Detailed ? StatusOf(ctx.Source.Row.Status) : CoarseStatusOf(ctx.Source.Row));
        Field<StringGraphType>("heldReason").Resolve(ctx => ctx.Source.Detailed || IsCalendarRule(ctx.Source.Row) ? ctx.Source.Row.Note : null);
        Field<NonNullGraphType<StringGraphType>>("subject").Resolve(ctx => ctx.Source.Row.Subject ?? "");
        Field<StringGraphType>("recipient").Description("Where a visitor's confirmation goes (the outbox only).")
            .Resolve(ctx => ctx.Source.Detailed && ctx.Source.Row.PersonId is null ? ctx.Source.Row.Address : null);
        Field<StringGraphType>("body").Description("The confirmation link (the outbox only).")
            .Resolve(ctx => ctx.Source.Detailed && ctx.Source.Row.Kind == nameof(NoticeKind.ConfirmSignup) ? ctx.Source.Row.Body : null);
        Field<NonNullGraphType<DateTimeGraphType>>("createdAt").Resolve(ctx => ctx.Source.Row.CreatedAt);
    }

    public static NoticeStatus StatusOf(Messaging.OutboxStatus status) => status switch
    {
        Messaging.OutboxStatus.Held => NoticeStatus.Held,
        Messaging.OutboxStatus.Sent or Messaging.OutboxStatus.Delivered => NoticeStatus.Sent,
        Messaging.OutboxStatus.Failed or Messaging.OutboxStatus.Bounced => NoticeStatus.Failed,
        Messaging.OutboxStatus.OptedOut => NoticeStatus.OptedOut,
        _ => NoticeStatus.Queued,
    };

    private static bool IsCalendarRule(Messaging.OutboxMessage row) =>
        row.ErrorCode is "QUIET_HOURS" or "ELECTORAL_SILENCE" || row.Note?.StartsWith("Electoral silence", StringComparison.Ordinal) == true;

    private static NoticeStatus CoarseStatusOf(Messaging.OutboxMessage row) => row.Status switch
    {
        Messaging.OutboxStatus.Sent or Messaging.OutboxStatus.Delivered => NoticeStatus.Sent,
        Messaging.OutboxStatus.Queued or Messaging.OutboxStatus.Sending => NoticeStatus.Queued,
        Messaging.OutboxStatus.Held when IsCalendarRule(row) => NoticeStatus.Held,
        _ => NoticeStatus.NotSent,
    };
}

public sealed class NearbyActionType : ObjectGraphType<NearbyHit>
{
    public NearbyActionType()
    {
        Name = "NearbyAction";
        Field<NonNullGraphType<ActionType>>("action").Resolve(ctx => ctx.Source.View);
        Field<NonNullGraphType<FloatGraphType>>("distanceMeters")
            .Description("From the place searched to the action's approximatePoint, in metres.").Resolve(ctx => ctx.Source.DistanceMeters);
    }
}

public sealed class ResolvedPlaceType : ObjectGraphType<ResolvedPlace>
{
    public ResolvedPlaceType()
    {
        Name = "ResolvedPlace";
        Description = "The place searched from: the commune a postcode or name designates, or the point given.";
        Field(p => p.Label, nullable: true);
        Field(p => p.CommuneCode, nullable: true);
        Field<GeoPointType>("point").Resolve(ctx => ctx.Source.Point);
    }
}

public sealed class NearbyActionsType : ObjectGraphType<NearbyResult>
{
    public NearbyActionsType()
    {
        Name = "NearbyActions";
        Field<NonNullGraphType<ResolvedPlaceType>>("place").Resolve(ctx => ctx.Source.Place);
        Field<NonNullGraphType<ConnectionType<NearbyActionType>>>("actions").Resolve(ctx => ctx.Source.Actions.ToConnection());
    }
}

public sealed class VisitorJoinResultType : ObjectGraphType<VisitorJoinResult>
{
    public VisitorJoinResultType()
    {
        Name = "VisitorJoin";
        Description = "A visitor's sign-up: where the confirmation went; once confirmed, the place they got.";
        Field<NonNullGraphType<ActionType>>("action").Resolve(ctx => ctx.Source.Action);
        Field<NonNullGraphType<ConsentChannelType>>("confirmationSentTo").Description("EMAIL, or SMS when only a phone was given.")
            .Resolve(ctx => ctx.Source.ConfirmationChannel);
        Field<ParticipationStatusType>("status").Description("Once confirmed: CONFIRMED, or WAITING when the action is full; null before.")
            .Resolve(ctx => ctx.Source.Status);
    }
}

public sealed class ActionKindType : EnumerationGraphType<ActionKind>
{
    public ActionKindType() => Name = "ActionKind";
}

public sealed class ActionStatusType : EnumerationGraphType<ActionStatus>
{
    public ActionStatusType() => Name = "ActionStatus";
}

public sealed class ActionVisibilityType : EnumerationGraphType<ActionVisibility>
{
    public ActionVisibilityType()
    {
        Name = "ActionVisibility";
        Description = "PUBLIC: anyone, signed in or not. MEMBERS_AND_SUPPORTERS: anyone of the party, signed in. SECTION: the section's people.";
    }
}

public sealed class ParticipationStatusType : EnumerationGraphType<ParticipationStatus>
{
    public ParticipationStatusType() => Name = "ParticipationStatus";
}

public sealed class NoticeKindType : EnumerationGraphType<NoticeKind>
{
    public NoticeKindType() => Name = "ActionNoticeKind";
}

public sealed class NoticeStatusType : EnumerationGraphType<NoticeStatus>
{
    public NoticeStatusType() => Name = "ActionNoticeStatus";
}

public sealed class ActionInputType : InputObjectGraphType<ActionInput>
{
    public ActionInputType()
    {
        Name = "ActionInput";
        Field<NonNullGraphType<ActionKindType>>("kind");
        Field(x => x.Title);
        Field(x => x.Description, nullable: true);
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt").Description("An instant with its offset (2026-12-05T10:00:00+01:00).");
        Field<NonNullGraphType<DateTimeGraphType>>("endsAt");
        Field(x => x.TimeZone, nullable: true).Description("IANA name of the place's time zone; Europe/Paris by default.");
        Field(x => x.MeetingAddress);
        Field<NonNullGraphType<GeoPointInputType>>("meetingPoint");
        Field(x => x.CommuneCode, nullable: true).Description("The meeting point's commune, read only where Coopol has no boundary there.");
        Field(x => x.AttendanceTarget);
        Field(x => x.Capacity, nullable: true);
        Field<ActionVisibilityType>("visibility").DefaultValue(ActionVisibility.Section);
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("turfStationIds");
        Field(x => x.TurfArea, nullable: true).Description("A Polygon or MultiPolygon as GeoJSON (WGS84); \"\" removes it.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("organizerIds");
        Field(x => x.Campaign, nullable: true).Description("The canvass a door-to-door belongs to: buildings done in it are not given again.");
        Field<ListGraphType<NonNullGraphType<SurveyQuestionInputType>>>("questions").Description("The short script asked at each door.");
    }
}

public sealed class CreateActionInputType : InputObjectGraphType<CreateActionInput>
{
    public CreateActionInputType()
    {
        Name = "CreateActionInput";
        Field<NonNullGraphType<IdGraphType>>("sectionId");
        Field<NonNullGraphType<ActionInputType>>("action");
        Field(x => x.Publish).DefaultValue(false);
    }
}

public sealed class UpdateActionInputType : InputObjectGraphType<UpdateActionInput>
{
    public UpdateActionInputType()
    {
        Name = "UpdateActionInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<NonNullGraphType<ActionInputType>>("action");
    }
}

public sealed class DuplicateActionInputType : InputObjectGraphType<DuplicateActionInput>
{
    public DuplicateActionInputType()
    {
        Name = "DuplicateActionInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<NonNullGraphType<DateTimeGraphType>>("startsAt");
    }
}

public sealed class CancelActionInputType : InputObjectGraphType<CancelActionInput>
{
    public CancelActionInputType()
    {
        Name = "CancelActionInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field(x => x.Reason, nullable: true);
    }
}

public sealed class NearInputType : InputObjectGraphType<NearInput>
{
    public NearInputType()
    {
        Name = "NearInput";
        Description = "A point, or a place: a postcode or a commune name (official list).";
        Field<GeoPointInputType>("point");
        Field(x => x.Place, nullable: true);
    }
}

public sealed class JoinActionAsVisitorInputType : InputObjectGraphType<JoinActionAsVisitorInput>
{
    public JoinActionAsVisitorInputType()
    {
        Name = "JoinActionAsVisitorInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field(x => x.FirstName);
        Field(x => x.LastName);
        Field(x => x.Email, nullable: true);
        Field(x => x.Phone, nullable: true);
        Field<NearInputType>("near").Description("Where they live or searched from: it chooses their section.");
        Field(x => x.ConsentEmail).Description("Agreed to the actions-by-email wording (consentWordings).");
        Field(x => x.ConsentSms).DefaultValue(false).Description("Agreed to the actions-by-SMS wording; required with a phone.");
    }
}

public sealed class CheckInInputType : InputObjectGraphType<CheckInInput>
{
    public CheckInInputType()
    {
        Name = "CheckInInput";
        Field<NonNullGraphType<IdGraphType>>("actionId");
        Field<NonNullGraphType<IdGraphType>>("participantId");
        Field(x => x.CheckedIn).DefaultValue(true);
    }
}

public sealed class ActionPayloadType() : PayloadType<ActionType, ActionView>("ActionPayload", "action");

public sealed class VisitorJoinPayloadType() : PayloadType<VisitorJoinResultType, VisitorJoinResult>("JoinActionAsVisitorPayload", "joined");

public sealed class CheckInPayloadType() : PayloadType<ParticipantType, ParticipantView>("CheckInPayload", "participant");
