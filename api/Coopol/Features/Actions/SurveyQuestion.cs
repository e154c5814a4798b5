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

public sealed class SurveyQuestionInput
{
    public string Label { get; init; } = "";
    public QuestionKind Kind { get; init; }
    public List<string>? Choices { get; init; }
}
