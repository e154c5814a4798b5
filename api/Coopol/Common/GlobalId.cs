using System.Text;

namespace Coopol.Common;

/// <summary>Relay global IDs: base64url of "Type:key", opaque to clients.</summary>
public static class GlobalId
{
    public static string Encode(string type, string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Encode(string type, Guid key) => Encode(type, key.ToString("N"));

    public static (string Type, string Key)? TryDecode(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 200) return null;
        var b64 = id.Replace('-', '+').Replace('_', '/');
        b64 = b64.PadRight(b64.Length + (4 - b64.Length % 4) % 4, '=');
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64));
            var colon = text.IndexOf(':');
            // A key is an identifier: anything with control characters or broken Unicode is no ID of ours.
            return colon <= 0 || !GraphQL.SafeText.IsSafe(text) ? null : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The Guid key of an ID of the expected type, or null for anything else.</summary>
    public static Guid? TryDecodeGuid(string? id, string expectedType) =>
        TryDecode(id) is { } d && d.Type == expectedType && Guid.TryParseExact(d.Key, "N", out var g) ? g : null;

    /// <summary>Decodes an input ID; a malformed one is a validation error naming the field.</summary>
    public static Guid ParseGuid(string? id, string expectedType, string field) =>
        TryDecodeGuid(id, expectedType)
        ?? throw InputValidationException.For(field, "INVALID_ID", $"'{id}' is not a {expectedType} ID.");
}
