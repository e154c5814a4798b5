namespace Coopol.Features.PartyTree;

/// <summary>A federation: one per département (code "29", "2A", "971"...), plus "ZZ" for French people abroad
/// (the code the ministry's results use for them).</summary>
public sealed class Federation
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public List<Section> Sections { get; } = [];

    /// <summary>Two or three letters and digits ("29", "2A", "971", "ZZ"): anything else names no federation.</summary>
    public static bool IsWellFormedCode(string? code) => code is { Length: 2 or 3 } && code.All(char.IsAsciiLetterOrDigit);
}
