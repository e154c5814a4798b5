using Coopol.Geo;

namespace Coopol.Features.Actions;

public sealed class ActionInput
{
    public ActionKind Kind { get; init; }
    public string Title { get; init; } = "";
    public string? Description { get; init; }
    public DateTime StartsAt { get; init; }
    public DateTime EndsAt { get; init; }
    public string? TimeZone { get; init; }
    public string MeetingAddress { get; init; } = "";
    public GeoPointInput MeetingPoint { get; init; } = new();
    /// <summary>The commune of the meeting point, used when no commune boundary in Coopol contains the point.</summary>
    public string? CommuneCode { get; init; }
    public int AttendanceTarget { get; init; }
    public int? Capacity { get; init; }
    public ActionVisibility Visibility { get; init; } = ActionVisibility.Section;
    public List<string>? TurfStationIds { get; init; }
    /// <summary>A drawn turf as GeoJSON geometry (Polygon or MultiPolygon, WGS84).</summary>
    public string? TurfArea { get; init; }
    public string? Campaign { get; init; }
    public List<SurveyQuestionInput>? Questions { get; init; }
    /// <summary>Global IDs of people who run it on the ground (people the author can see).</summary>
    public List<string>? OrganizerIds { get; init; }
}

public sealed class CreateActionInput
{
    public string SectionId { get; init; } = "";
    public ActionInput Action { get; init; } = new();
    /// <summary>Publish at once (else it stays a draft).</summary>
    public bool Publish { get; init; }
}

public sealed class UpdateActionInput
{
    public string ActionId { get; init; } = "";
    public ActionInput Action { get; init; } = new();
}

public sealed class DuplicateActionInput
{
    public string ActionId { get; init; } = "";
    public DateTime StartsAt { get; init; }
}

public sealed class CancelActionInput
{
    public string ActionId { get; init; } = "";
    public string? Reason { get; init; }
}

/// <summary>Where to look: a point, or a place (postcode or commune name) resolved with the official commune list.</summary>
public sealed class NearInput
{
    public GeoPointInput? Point { get; init; }
    public string? Place { get; init; }
}

public sealed class NearbyActionsQuery
{
    public NearInput Near { get; init; } = new();
    public double RadiusKm { get; init; } = 10;
    public List<ActionKind>? Kinds { get; init; }
    public DateTime? From { get; init; }
    public DateTime? To { get; init; }
}

public sealed class JoinActionAsVisitorInput
{
    public string ActionId { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string? Email { get; init; }
    public string? Phone { get; init; }
    /// <summary>Where they live or searched from: it places them in a section.</summary>
    public NearInput? Near { get; init; }
    /// <summary>They agree to be told about this action (reminders) by email / SMS: required for the channel given.</summary>
    public bool ConsentEmail { get; init; }
    public bool ConsentSms { get; init; }
}

public sealed class CheckInInput
{
    public string ActionId { get; init; } = "";
    public string ParticipantId { get; init; } = "";
    public bool CheckedIn { get; init; } = true;
}
