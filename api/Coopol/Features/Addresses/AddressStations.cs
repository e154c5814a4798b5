using Coopol.Features.Geography;
using Npgsql;

namespace Coopol.Features.Addresses;

/// <summary>Which polling station each address votes in: the station of its commune whose contour holds its point
/// (the lowest id where approximate contours overlap). Computed when addresses are written and again when contours are
/// imported.</summary>
public static class AddressStations
{
    /// <summary>Recomputes the station of every address of these communes, inside the caller's transaction.</summary>
    public static async Task RefreshAsync(NpgsqlConnection connection, string[] communeCodes, CancellationToken ct)
    {
        await using var refresh = new NpgsqlCommand("""
            UPDATE "Addresses" a SET "StationId" = found.station
            FROM (
                SELECT x."Id", (SELECT s."Id" FROM "PollingStations" s
                                WHERE s."CommuneCode" = x."CommuneCode" AND s."Contour" IS NOT NULL
                                  AND ST_Intersects(s."Contour", x."Point"::geometry)
                                ORDER BY s."Id" LIMIT 1) AS station
                FROM "Addresses" x WHERE x."CommuneCode" = ANY(@communes)) found
            WHERE a."Id" = found."Id" AND a."StationId" IS DISTINCT FROM found.station;
            """, connection);
        refresh.Parameters.AddWithValue("communes", communeCodes);
        await refresh.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Told by the station-contours import which stations it wrote, so addresses follow their new contours.</summary>
public sealed class AddressStationsOnContours : IStationContoursListener
{
    public Task StationContoursImportedAsync(NpgsqlConnection connection, IReadOnlyCollection<string> communeCodes, CancellationToken ct) =>
        AddressStations.RefreshAsync(connection, communeCodes.ToArray(), ct);
}
