using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coopol.Features.Actions;

public enum QuestionKind
{
    YesNo,
    Choice,
    Text,
}

/// <summary>A question of an action's short script or survey, asked at each door ("Will you vote on Sunday?").</summary>
public sealed record SurveyQuestion(string Id, string Label, QuestionKind Kind, IReadOnlyList<string> Choices)
{
    public const int MaxQuestions = 10;
    public const int MaxLabel = 200;
    public const int MaxChoices = 8;
    public const int MaxChoice = 60;
    public const int MaxTextAnswer = 500;

    /// <summary>Whether a value answers this question: "yes"/"no", one of the choices, or short text.</summary>
    public bool Accepts(string value) => Kind switch
    {
        QuestionKind.YesNo => value is "yes" or "no",
        QuestionKind.Choice => Choices.Contains(value),
        _ => value.Length <= MaxTextAnswer,
    };
}

/// <summary>Stores an action's questions as JSON text: they are read and written with the action, never queried.</summary>
public sealed class SurveyQuestionsConverter() : ValueConverter<List<SurveyQuestion>, string>(
    v => JsonSerializer.Serialize(v, Options),
    v => Read(v))
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Anything but a JSON array (a column added with a default of its own) reads as no question.</summary>
    private static List<SurveyQuestion> Read(string v) =>
        v.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<List<SurveyQuestion>>(v, Options) ?? [] : [];

    public static readonly ValueComparer<List<SurveyQuestion>> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
        v => v.ToList());
}

public sealed class SurveyQuestionInput
{
    public string Label { get; init; } = "";
    public QuestionKind Kind { get; init; }
    public List<string>? Choices { get; init; }
}
