using System.Text.RegularExpressions;

namespace Coopol.Features.People;

/// <summary>Email addresses as people have them: the common "dot-atom" form only. Quoted local parts, IP-literal
/// domains, comments and a leading '-' (read as an option by some mail tools) are refused, as are single-label domains.</summary>
public static partial class EmailAddress
{
    public const int MaxLength = 254;

    /// <summary>One spelling per address: trimmed, lower-cased (providers treat the local part case-insensitively).</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The inbox an address reaches, for counting what is sent there: the address without its "+tag"
    /// (name+x@domain arrives at name@domain), and a LIKE pattern (escape '\\') of every tagged variant of it.</summary>
    public static (string? Exact, string Tagged) InboxPatterns(string? email)
    {
        if (email is null) return (null, "");
        var at = email.LastIndexOf('@');
        if (at <= 0) return (email, "");
        var local = email[..at];
        var plus = local.IndexOf('+');
        var inbox = plus > 0 ? local[..plus] : local;
        static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
        return (inbox + email[at..], Escape(inbox) + "+%" + Escape(email[at..]));
    }

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return false;
        var normalized = Normalize(email);
        if (normalized.Length > MaxLength) return false;
        var at = normalized.LastIndexOf('@');
        if (at <= 0 || at > 64) return false;
        return LocalPart().IsMatch(normalized[..at]) && Domain().IsMatch(normalized[(at + 1)..]);
    }

    // Atoms of RFC 5322's atext separated by single dots, not starting with '-'.
    [GeneratedRegex(@"^(?!-)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPart();

    // Host names: labels of letters, digits and inner hyphens, at least two, the last alphabetic (or an IDN's xn--).
    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63}|xn--[a-z0-9-]{1,59})$", RegexOptions.CultureInvariant)]
    private static partial Regex Domain();
}
