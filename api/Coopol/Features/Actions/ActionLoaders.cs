using Coopol.Common.GraphQL;

namespace Coopol.Features.Actions;

/// <summary>Attendance of every action of a list, in one query.</summary>
public sealed class AttendanceLoader(ActionParticipation participation) : BatchLoader<FieldAction, Attendance>
{
    protected override async Task<IReadOnlyDictionary<FieldAction, Attendance>> FetchAsync(IReadOnlyCollection<FieldAction> keys, CancellationToken ct)
    {
        var byId = await participation.AttendanceAsync(keys, ct);
        return keys.ToDictionary(a => a, a => byId[a.Id]);
    }
}
