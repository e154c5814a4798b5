using Coopol.Common;

namespace Coopol.Features.Actions;

/// <summary>Unknown and hidden from the caller look the same, so a refusal never tells that an action exists.</summary>
public sealed class ActionNotFoundException() : CoopolException("ACTION_NOT_FOUND", "This action was not found.");

public sealed class ActionNotOpenException(ActionStatus status) : CoopolException(status switch
{
    ActionStatus.Cancelled => "ACTION_CANCELLED",
    ActionStatus.Done => "ACTION_DONE",
    _ => "ACTION_NOT_PUBLISHED",
}, status switch
{
    ActionStatus.Cancelled => "This action was cancelled.",
    ActionStatus.Done => "This action is over.",
    _ => "This action is not published yet.",
});

public sealed class ActionOverException() : CoopolException("ACTION_OVER", "This action has already ended.");

public sealed class ActionFullException()
    : CoopolException("ACTION_FULL", "This action is full and its waiting list is closed.");

public sealed class NotParticipatingException() : CoopolException("NOT_PARTICIPATING", "You are not taking part in this action.");

public sealed class PlaceNotFoundException(string place)
    : CoopolException("PLACE_NOT_FOUND", $"No commune or postcode matches \"{place}\".");

public sealed class PlaceWithoutMapException(string place)
    : CoopolException("PLACE_WITHOUT_MAP", $"\"{place}\" has no map in Coopol yet: share your location or give a point.");
