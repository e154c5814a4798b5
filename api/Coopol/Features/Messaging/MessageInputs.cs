using Coopol.Features.People;
using FluentValidation;

namespace Coopol.Features.Messaging;

/// <summary>A newsletter or an SMS being written: a draft, saved as often as needed, sent with <c>sendMessage</c>.</summary>
public sealed class ComposeMessageInput
{
    /// <summary>A draft to change; absent to start one.</summary>
    public string? Id { get; init; }
    public string? SectionId { get; init; }
    public string? FederationCode { get; init; }
    public ConsentChannel Channel { get; init; }
    public ConsentPurpose Purpose { get; init; } = ConsentPurpose.News;
    /// <summary>A saved segment; or <see cref="Definition"/> for filters given here.</summary>
    public string? SegmentId { get; init; }
    public SegmentDefinitionInput? Definition { get; init; }
    public string? Subject { get; init; }
    public string Body { get; init; } = "";
    public bool Campaign { get; init; } = true;
    public bool IgnoreQuietHours { get; init; }
}

public sealed class SendMessageInput
{
    public string MessageId { get; init; } = "";
    /// <summary>When to send; now when absent.</summary>
    public DateTime? At { get; init; }
}

public sealed class ComposeMessageInputValidator : AbstractValidator<ComposeMessageInput>
{
    public ComposeMessageInputValidator()
    {
        RuleFor(x => x.Body).Must(b => !string.IsNullOrWhiteSpace(b)).WithErrorCode("EMPTY_MESSAGE").WithMessage("Write the message.")
            .MaximumLength(MessageRules.MaxBodyLength).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Subject).Must(s => !string.IsNullOrWhiteSpace(s)).When(x => x.Channel == ConsentChannel.Email)
            .WithErrorCode("SUBJECT_REQUIRED").WithMessage("A newsletter needs a subject.");
        RuleFor(x => x.Subject).MaximumLength(200).WithErrorCode("TOO_LONG")
            .Must(s => s is null || !s.Any(char.IsControl)).WithErrorCode("INVALID_CHARACTERS").WithMessage("A subject is one line.");
        // Past the length limit (TOO_LONG) the text is not read further.
        RuleFor(x => x.Body).Must(b => MessageRules.UnknownVariables(b).Count == 0).When(x => x.Body.Length <= MessageRules.MaxBodyLength)
            .WithErrorCode("UNKNOWN_VARIABLE")
            .WithMessage(x => $"Unknown variable {{{{{MessageRules.UnknownVariables(x.Body).FirstOrDefault()}}}}}: use {{{{firstName}}}} or {{{{section}}}}.");
        RuleFor(x => x.Subject).Must(s => MessageRules.UnknownVariables(s ?? "").Count == 0).WithErrorCode("UNKNOWN_VARIABLE")
            .WithMessage(x => $"Unknown variable {{{{{MessageRules.UnknownVariables(x.Subject ?? "").FirstOrDefault()}}}}} in the subject.");
        RuleFor(x => x.Body).Must(MessageRules.MentionsStop)
            .When(x => x.Channel == ConsentChannel.Sms && !string.IsNullOrWhiteSpace(x.Body) && x.Body.Length <= MessageRules.MaxBodyLength)
            .WithErrorCode("STOP_MENTION_REQUIRED").WithMessage("An SMS must say how to stop receiving them (\"STOP au 36xxx\" or \"Répondez STOP\").");
        RuleFor(x => x.Body).Must(b => SmsLength.Of(b).Segments <= MessageRules.MaxSmsSegments)
            .When(x => x.Channel == ConsentChannel.Sms && x.Body.Length <= MessageRules.MaxBodyLength)
            .WithErrorCode("TOO_LONG").WithMessage($"An SMS is at most {MessageRules.MaxSmsSegments} segments.");
        RuleFor(x => x.IgnoreQuietHours).Equal(false).When(x => x.Channel == ConsentChannel.Email).WithErrorCode("SMS_ONLY");
    }
}
