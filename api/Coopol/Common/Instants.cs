namespace Coopol.Common;

public static class Instants
{
    /// <summary>An instant from the API as UTC: one without an offset is read as UTC, never as the server's local time.</summary>
    public static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : t.ToUniversalTime();

    public static DateTime? Utc(DateTime? t) => t is { } v ? Utc(v) : null;
}
