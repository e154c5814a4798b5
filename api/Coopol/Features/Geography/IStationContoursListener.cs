using Npgsql;

namespace Coopol.Features.Geography;

/// <summary>What derives from polling-station contours in other features (the station of each address), recomputed by the
/// contours import inside its transaction. Geography names no listener: features register theirs.</summary>
public interface IStationContoursListener
{
    Task StationContoursImportedAsync(NpgsqlConnection connection, IReadOnlyCollection<string> communeCodes, CancellationToken ct);
}
