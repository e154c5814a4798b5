using System.Text.RegularExpressions;

namespace Coopol.Features.Messaging;

/// <summary>The rules a message's text follows, checked before it is saved or sent.</summary>
public static partial class MessageRules
{
    public const int MaxBodyLength = 50_000;
    public const int MaxSmsSegments = 6;
    /// <summary>The variables a text may use: {{firstName}} and {{section}}.</summary>
    public static readonly IReadOnlyList<string> Variables = ["firstName", "section"];

    /// <summary>"{{ name }}": no nested quantifiers, so it matches in linear time whatever the text (spaces are trimmed in code).</summary>
    [GeneratedRegex(@"\{\{([^{}]*)\}\}")]
    public static partial Regex VariablePattern();

    /// <summary>The unknown variables a text uses, in order, once each.</summary>
    public static IReadOnlyList<string> UnknownVariables(string text) =>
        VariablePattern().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(v => !Variables.Contains(v)).Distinct().ToList();

    /// <summary>Replaces the variables; a missing first name reads as nothing, never as "{{firstName}}".</summary>
    public static string Fill(string text, string? firstName, string? section) =>
        VariablePattern().Replace(text, m => m.Groups[1].Value.Trim() switch
        {
            "firstName" => firstName ?? "",
            "section" => section ?? "",
            _ => m.Value,
        });

    [GeneratedRegex(@"\b(STOP|ARRET|ARRÊT)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StopMention();

    /// <summary>An SMS must tell how to stop receiving them (French rules for political SMS: "STOP").</summary>
    public static bool MentionsStop(string text) => StopMention().IsMatch(text);
}
