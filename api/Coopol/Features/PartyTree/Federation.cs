namespace Coopol.Features.PartyTree;

/// <summary>A federation: one per département (code "29", "2A", "971"...), plus "ZZ" for French people abroad
/// (the code the ministry's results use for them).</summary>
public sealed class Federation
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public List<Section> Sections { get; } = [];
}
