using Coopol.Geo;

namespace Coopol.Features.PartyTree;

public sealed class CreateSectionInput
{
    public string FederationCode { get; init; } = "";
    public string Name { get; init; } = "";
    public string? SeatAddress { get; init; }
    public GeoPointInput? SeatLocation { get; init; }
}

public sealed class RenameSectionInput
{
    public string SectionId { get; init; } = "";
    public string Name { get; init; } = "";
}
