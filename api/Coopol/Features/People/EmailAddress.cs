using System.Net.Mail;

namespace Coopol.Features.People;

public static class EmailAddress
{
    /// <summary>One spelling per address: trimmed, lower-cased (providers treat the local part case-insensitively).</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254) return false;
        var normalized = Normalize(email);
        return MailAddress.TryCreate(normalized, out var parsed)
            && parsed.Address == normalized
            && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');
    }
}
