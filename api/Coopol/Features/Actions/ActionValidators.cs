using Coopol.Features.People;
using Coopol.Geo;
using FluentValidation;

namespace Coopol.Features.Actions;

public sealed class ActionInputValidator : AbstractValidator<ActionInput>
{
    public ActionInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(ActionLimits.Title).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Description).MaximumLength(ActionLimits.Description).WithErrorCode("TOO_LONG");
        RuleFor(x => x.MeetingAddress).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(ActionLimits.Address).WithErrorCode("TOO_LONG");
        RuleFor(x => x.MeetingPoint).SetValidator(new GeoPointInputValidator());
        RuleFor(x => x.EndsAt).GreaterThan(x => x.StartsAt).WithErrorCode("ENDS_BEFORE_START").WithMessage("The action must end after it starts.");
        RuleFor(x => x.EndsAt).Must((x, end) => end - x.StartsAt <= ActionLimits.MaxDuration).When(x => x.EndsAt > x.StartsAt)
            .WithErrorCode("TOO_LONG").WithMessage("An action lasts at most three days.");
        RuleFor(x => x.TimeZone).Must(BeAKnownTimeZone!).When(x => x.TimeZone is not null).WithErrorCode("UNKNOWN_TIME_ZONE")
            .WithMessage("Unknown time zone: use an IANA name such as Europe/Paris.");
        RuleFor(x => x.AttendanceTarget).InclusiveBetween(0, ActionLimits.MaxCapacity).WithErrorCode("OUT_OF_RANGE");
        RuleFor(x => x.Capacity).InclusiveBetween(1, ActionLimits.MaxCapacity).When(x => x.Capacity is not null).WithErrorCode("OUT_OF_RANGE");
        RuleFor(x => x.AttendanceTarget).Must((x, target) => x.Capacity is null || target <= x.Capacity)
            .WithErrorCode("TARGET_ABOVE_CAPACITY").WithMessage("The attendance target cannot be above the capacity.");
        RuleFor(x => x.CommuneCode).Length(5).When(x => x.CommuneCode is not null).WithErrorCode("INVALID");
        RuleFor(x => x.TurfStationIds).Must(s => s!.Count <= ActionLimits.MaxTurfStations).When(x => x.TurfStationIds is not null)
            .WithErrorCode("TOO_MANY").WithMessage($"At most {ActionLimits.MaxTurfStations} polling stations.");
        RuleForEach(x => x.TurfStationIds).NotEmpty().MaximumLength(16).WithErrorCode("INVALID");
        RuleFor(x => x.TurfArea).MaximumLength(200_000).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Campaign).MaximumLength(ActionLimits.Campaign).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Questions).Must(q => q!.Count <= SurveyQuestion.MaxQuestions).When(x => x.Questions is not null)
            .WithErrorCode("TOO_MANY").WithMessage($"At most {SurveyQuestion.MaxQuestions} questions.");
        RuleForEach(x => x.Questions).ChildRules(q =>
        {
            q.RuleFor(x => x.Label).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(SurveyQuestion.MaxLabel).WithErrorCode("TOO_LONG");
            q.RuleFor(x => x.Choices).Must(c => c is { Count: >= 2 and <= SurveyQuestion.MaxChoices }).When(x => x.Kind == QuestionKind.Choice)
                .WithErrorCode("INVALID").WithMessage($"A choice question has 2 to {SurveyQuestion.MaxChoices} choices.");
            q.RuleForEach(x => x.Choices).NotEmpty().MaximumLength(SurveyQuestion.MaxChoice).WithErrorCode("INVALID");
        });
        RuleFor(x => x.OrganizerIds).Must(o => o!.Count <= ActionLimits.MaxOrganizers).When(x => x.OrganizerIds is not null)
            .WithErrorCode("TOO_MANY").WithMessage($"At most {ActionLimits.MaxOrganizers} organizers.");
    }

    private static bool BeAKnownTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

public sealed class CancelActionInputValidator : AbstractValidator<CancelActionInput>
{
    public CancelActionInputValidator() =>
        RuleFor(x => x.Reason).MaximumLength(ActionLimits.Reason).WithErrorCode("TOO_LONG");
}

public sealed class NearbyActionsQueryValidator : AbstractValidator<NearbyActionsQuery>
{
    public const double MaxRadiusKm = 100;

    public NearbyActionsQueryValidator()
    {
        RuleFor(x => x.RadiusKm).GreaterThan(0).LessThanOrEqualTo(MaxRadiusKm).WithErrorCode("OUT_OF_RANGE")
            .WithMessage($"The radius is between 0 and {MaxRadiusKm} km.");
        RuleFor(x => x.Near).Must(n => n.Point is not null ^ !string.IsNullOrWhiteSpace(n.Place)).WithErrorCode("REQUIRED")
            .WithMessage("Give a point or a place (postcode or commune), not both.");
        RuleFor(x => x.Near.Point!).SetValidator(new GeoPointInputValidator()).When(x => x.Near.Point is not null);
        RuleFor(x => x.Near.Place).MaximumLength(100).WithErrorCode("TOO_LONG");
        RuleFor(x => x.To).GreaterThan(x => x.From).When(x => x.From is not null && x.To is not null).WithErrorCode("ENDS_BEFORE_START");
        RuleFor(x => x.Kinds).Must(k => k!.Count <= 10).When(x => x.Kinds is not null).WithErrorCode("TOO_MANY");
    }
}

public sealed class JoinActionAsVisitorInputValidator : AbstractValidator<JoinActionAsVisitorInput>
{
    public JoinActionAsVisitorInputValidator()
    {
        RuleFor(x => x.FirstName).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(100).WithErrorCode("TOO_LONG");
        RuleFor(x => x.LastName).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(100).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Email).NotEmpty().When(x => string.IsNullOrWhiteSpace(x.Phone)).WithErrorCode("REQUIRED")
            .WithMessage("An email or a mobile number is needed to tell you if the action changes.");
        RuleFor(x => x.Email).MaximumLength(254).WithErrorCode("TOO_LONG");
        RuleFor(x => x.Email!).Must(EmailAddress.IsValid).When(x => !string.IsNullOrWhiteSpace(x.Email)).WithErrorCode("INVALID_EMAIL")
            .WithMessage("This is not a valid email address.");
        RuleFor(x => x.Phone!).Must(p => MobilePhone.ToE164(p) is not null).When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithErrorCode("INVALID_PHONE").WithMessage("This is not a valid mobile number.");
        // A sign-up sends an SMS at once to the number given: only to French numbers (mainland and overseas), so that the
        // form cannot be used to send texts abroad (premium ranges) at the party's cost.
        RuleFor(x => x.Phone!).Must(p => MobilePhone.IsFrench(MobilePhone.ToE164(p))).When(x => MobilePhone.ToE164(x.Phone) is not null)
            .WithErrorCode("MOBILE_NOT_FRENCH").WithMessage("Give a French mobile number (mainland or overseas), or an email.");
        RuleFor(x => x.ConsentEmail).Equal(true).When(x => !string.IsNullOrWhiteSpace(x.Email)).WithErrorCode("CONSENT_REQUIRED")
            .WithMessage("We need your agreement to write to you about this action, or leave the email out.");
        RuleFor(x => x.ConsentSms).Equal(true).When(x => !string.IsNullOrWhiteSpace(x.Phone)).WithErrorCode("CONSENT_REQUIRED")
            .WithMessage("We need your agreement to text you about this action, or leave the phone out.");
        RuleFor(x => x.Near!.Point!).SetValidator(new GeoPointInputValidator()).When(x => x.Near?.Point is not null);
        RuleFor(x => x.Near!.Place).MaximumLength(100).When(x => x.Near is not null).WithErrorCode("TOO_LONG");
    }
}
