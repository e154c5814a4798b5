using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Npgsql;

namespace Coopol.Features.Geography;

/// <summary>Which polling stations a caller works on, from where they hold VIEW_RESULTS: everything for the national
/// team, a département for a federation, the stations of its territory for a section. Results are public data; the
/// scope keeps each person's maps and tables to their own ground.</summary>
public sealed record StationScope(bool Everywhere, string[] Departements, Guid[] Sections)
{
    public static async Task<StationScope> OfCallerAsync(CallerContext caller, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (!rights.IsAuthenticated) throw new UnauthenticatedException();
        return Of(rights) ?? throw new ForbiddenException("Seeing results needs VIEW_RESULTS somewhere in the party.");
    }

    /// <summary>The ground these rights reach, or null when they reach none.</summary>
    public static StationScope? Of(Rights rights)
    {
        var reach = rights.ReachOf(Permission.ViewResults);
        return reach.IsEmpty ? null : new StationScope(reach.Everywhere, reach.FederationCodes.ToArray(), reach.SectionIds.ToArray());
    }

    /// <summary>The same condition as <see cref="Condition"/>, for EF queries.</summary>
    public IQueryable<PollingStation> Filter(IQueryable<PollingStation> stations, CoopolDbContext db)
    {
        if (Everywhere) return stations;
        var (departements, sections) = (Departements, Sections);
        return stations.Where(s => departements.Contains(s.DepartementCode)
            || db.Set<SectionStation>().Any(ss => ss.StationId == s.Id && sections.Contains(ss.SectionId)));
    }

    /// <summary>A condition on the station of alias <paramref name="station"/>, with the parameters of <see cref="AddTo"/>.</summary>
    public string Condition(string station) => Everywhere ? "TRUE" : $"""
        ({station}."DepartementCode" = ANY(@scope_departements)
         OR EXISTS (SELECT 1 FROM "SectionStations" scope_ss WHERE scope_ss."StationId" = {station}."Id" AND scope_ss."SectionId" = ANY(@scope_sections)))
        """;

    public void AddTo(NpgsqlCommand command)
    {
        if (Everywhere) return;
        command.Parameters.AddWithValue("scope_departements", Departements);
        command.Parameters.AddWithValue("scope_sections", Sections);
    }
}
