using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Data;
using Coopol.Features.PartyTree;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Geography;

/// <summary>A section's territory as its managers set it: whole communes and single polling stations.</summary>
public sealed record SectionTerritory(Guid SectionId, IReadOnlyList<string> CommuneCodes, IReadOnlyList<string> StationCodes, int CoveredStations);

public sealed record SetSectionTerritoryInput(string SectionId, List<string>? CommuneCodes, List<string>? StationCodes);

/// <summary>Sets and reads sections' territories. Setting one needs MANAGE_SECTIONS over the section (its federation or the
/// national team); the communes and stations must be in the section's département.</summary>
public sealed class SectionTerritoryService(CoopolDbContext db, CallerContext caller, SectionService sections, TerritoryService territories)
{
    public const int MaxAreas = 2000;

    public async Task<SectionTerritory> SetAsync(SetSectionTerritoryInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequireAuthenticated();
        var id = GlobalId.TryDecodeGuid(input.SectionId, SectionService.NodeType) ?? throw new SectionNotFoundException();
        var section = await sections.FindAsync(id, ct) ?? throw new SectionNotFoundException();
        if (!rights.Can(Permission.ManageSections, SectionService.NodeOf(section)))
            throw new ForbiddenException("Setting a section's territory needs MANAGE_SECTIONS over it.");
        var communes = (input.CommuneCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var stations = (input.StationCodes ?? []).Select(s => s.Trim().ToUpperInvariant()).Distinct().ToList();
        if (communes.Count + stations.Count > MaxAreas)
            throw InputValidationException.For("communeCodes", "TOO_MANY", $"A territory has at most {MaxAreas} communes and stations.");
        var knownCommunes = await db.Set<Commune>().Where(c => communes.Contains(c.Code)).Select(c => new { c.Code, c.DepartementCode }).ToListAsync(ct);
        if (communes.FirstOrDefault(c => knownCommunes.All(k => k.Code != c)) is { } unknown)
            throw InputValidationException.For("communeCodes", "UNKNOWN_COMMUNE", $"Unknown commune {Clip(unknown)}.");
        if (knownCommunes.FirstOrDefault(k => k.DepartementCode != section.FederationCode) is { } away)
            throw InputValidationException.For("communeCodes", "OUTSIDE_FEDERATION", $"Commune {away.Code} is not in the section's federation ({section.FederationCode}).");
        // Only the federation's own stations are looked up: one elsewhere answers as an unknown one (no oracle on others' ground).
        var knownStations = await db.Set<PollingStation>().Where(s => stations.Contains(s.Id) && s.DepartementCode == section.FederationCode)
            .Select(s => s.Id).ToListAsync(ct);
        if (stations.FirstOrDefault(s => !knownStations.Contains(s)) is { } unknownStation)
            throw InputValidationException.For("stationCodes", "UNKNOWN_STATION", $"There is no polling station {Clip(unknownStation)} in the section's federation.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Set<SectionArea>().Where(a => a.SectionId == id).ExecuteDeleteAsync(ct);
        db.AddRange(communes.Select(c => new SectionArea { SectionId = id, CommuneCode = c }));
        db.AddRange(stations.Select(s => new SectionArea { SectionId = id, StationId = s }));
        await db.SaveChangesAsync(ct);
        await territories.RefreshAsync([id], ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await ReadAsync(id, ct);
    }

    /// <summary>Territories are public (where a section works); read for any visible section.</summary>
    public async Task<SectionTerritory> ReadAsync(Guid sectionId, CancellationToken ct)
    {
        var areas = await db.Set<SectionArea>().AsNoTracking().Where(a => a.SectionId == sectionId).ToListAsync(ct);
        var covered = await db.Set<SectionStation>().CountAsync(s => s.SectionId == sectionId, ct);
        return new SectionTerritory(sectionId, areas.Where(a => a.CommuneCode is not null).Select(a => a.CommuneCode!).Order().ToList(),
            areas.Where(a => a.StationId is not null).Select(a => a.StationId!).Order().ToList(), covered);
    }

    private static string Clip(string s) => s.Length > 16 ? s[..16] + "…" : s;
}

public sealed class SectionTerritoryType : ObjectGraphType<SectionTerritory>
{
    public SectionTerritoryType()
    {
        Name = "SectionTerritory";
        Description = "The communes and polling stations a section works on.";
        Field<NonNullGraphType<IdGraphType>>("sectionId").Resolve(ctx => GlobalId.Encode(SectionService.NodeType, ctx.Source.SectionId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("communeCodes").Resolve(ctx => ctx.Source.CommuneCodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("stationCodes").Resolve(ctx => ctx.Source.StationCodes);
        Field(t => t.CoveredStations).Description("Polling stations covered: the listed ones and those of the communes.");
    }
}

public sealed class SetSectionTerritoryInputType : InputObjectGraphType<SetSectionTerritoryInput>
{
    public SetSectionTerritoryInputType()
    {
        Name = "SetSectionTerritoryInput";
        Field<NonNullGraphType<IdGraphType>>("sectionId");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("communeCodes");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("stationCodes").Description("Station ids such as 29019_76.");
    }
}

public sealed class SetSectionTerritoryPayloadType() : PayloadType<SectionTerritoryType, SectionTerritory>("SetSectionTerritoryPayload", "territory");
