using NetTopologySuite.Geometries;

namespace Coopol.Features.PartyTree;

/// <summary>A local branch of the party, in one federation, led by a section secretary.</summary>
public sealed class Section
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string FederationCode { get; init; }
    public Federation? Federation { get; init; }
    public required string Name { get; set; }
    public string? SeatAddress { get; set; }
    /// <summary>WGS84 point, stored as geography so distances are in metres.</summary>
    public Point? SeatLocation { get; set; }
    /// <summary>Filled by the geography import (communes, polling stations); null until then.</summary>
    public MultiPolygon? Territory { get; set; }
    public DateTime CreatedAt { get; init; }
}
