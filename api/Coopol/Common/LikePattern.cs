namespace Coopol.Common;

/// <summary>LIKE patterns for user input: the input's own '%', '_' and '\' are escaped (queries say ESCAPE '\'), so
/// they match themselves rather than anything.</summary>
public static class LikePattern
{
    public static string Containing(string text) =>
        "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
