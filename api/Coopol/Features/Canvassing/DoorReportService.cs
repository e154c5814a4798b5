using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.People;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Canvassing;

public sealed class DoorContactInput
{
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string? Email { get; init; }
    public string? Phone { get; init; }
    /// <summary>The household agreed, at the door, to be told about actions (by email / SMS for those given).</summary>
    public bool ConsentGiven { get; init; }
}

public sealed class DoorAnswerInput
{
    public string QuestionId { get; init; } = "";
    public string Value { get; init; } = "";
}

public sealed class DoorReportInput
{
    public Guid ClientId { get; init; }
    public string DoorId { get; init; } = "";
    public DoorOutcome Outcome { get; init; }
    public List<DoorAnswerInput>? Answers { get; init; }
    public string? Note { get; init; }
    public DateTime VisitedAt { get; init; }
    public DoorContactInput? Contact { get; init; }
}

public sealed class SubmitDoorReportsInput
{
    public string ActionId { get; init; } = "";
    public List<DoorReportInput> Reports { get; init; } = [];
}

public enum DoorReportStatus
{
    Accepted,
    /// <summary>Already received (a resend): nothing new was written.</summary>
    Duplicate,
    Rejected,
}

/// <summary>The answer for one report of a batch: the phone keeps the rejected ones and drops the others.</summary>
public sealed record DoorReportResult(Guid ClientId, DoorReportStatus Status, string? Code, string? Message);

public sealed class DoorContactInputValidator : AbstractValidator<DoorContactInput>
{
    public DoorContactInputValidator()
    {
        RuleFor(x => x.FirstName).NotEmpty().WithErrorCode("REQUIRED").MaximumLength(100).WithErrorCode("TOO_LONG");
        RuleFor(x => x.LastName).MaximumLength(100).WithErrorCode("TOO_LONG");
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.Email) || !string.IsNullOrWhiteSpace(x.Phone)).WithName("email")
            .WithErrorCode("REQUIRED").WithMessage("An email or a mobile number.");
        RuleFor(x => x.Email!).Must(EmailAddress.IsValid).When(x => !string.IsNullOrWhiteSpace(x.Email)).WithErrorCode("INVALID_EMAIL");
        RuleFor(x => x.Phone!).Must(p => MobilePhone.ToE164(p) is not null).When(x => !string.IsNullOrWhiteSpace(x.Phone)).WithErrorCode("INVALID_PHONE");
        RuleFor(x => x.ConsentGiven).Equal(true).WithErrorCode("CONSENT_REQUIRED")
            .WithMessage("Contact details are kept only with the person's consent.");
    }
}

/// <summary>Door reports from volunteers' phones, in batches (an offline queue sent when back online). Each report is
/// checked alone: the door must be in the action's turf, the answers must fit its questions, contact details need the
/// household's consent. A report whose client id was already received is a duplicate and writes nothing.</summary>
public sealed class DoorReportService(
    CoopolDbContext db, ActionAccess actions, PersonService persons, NearbyActions places, WalkListService walkLists, TimeProvider clock,
    IValidator<DoorContactInput> contactValidator)
{
    public async Task<IReadOnlyList<DoorReportResult>> SubmitAsync(SubmitDoorReportsInput input, CancellationToken ct)
    {
        // One transaction per batch: all its accepted reports (and the supporters they make) or none. The same batch sent
        // twice at once makes one of them fail on the unique client id: it runs again and finds its reports received.
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var results = await SubmitOnceAsync(input, ct);
                await transaction.CommitAsync(ct);
                return results;
            }
            catch (DbUpdateException e) when (attempt == 0 && DbConflicts.IsUniqueViolation(e))
            {
                await transaction.RollbackAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<IReadOnlyList<DoorReportResult>> SubmitOnceAsync(SubmitDoorReportsInput input, CancellationToken ct)
    {
        var view = await actions.RequireVisibleAsync(input.ActionId, ct);
        var me = (await actions.RightsAsync(ct)).RequirePerson();
        if (!view.SeesParticipants && view.Participation != ParticipationStatus.Confirmed)
            throw new ForbiddenException("Only the action's volunteers report its doors.");
        var action = view.Action;
        if (action.Kind != ActionKind.DoorToDoor) throw InputValidationException.For("actionId", "NOT_DOOR_TO_DOOR", "This action has no doors to report.");
        if (action.Status is ActionStatus.Draft or ActionStatus.Cancelled) throw new ActionNotOpenException(action.Status);
        if (clock.GetUtcNow().UtcDateTime > action.EndsAt + DoorReportLimits.Late)
            throw InputValidationException.For("actionId", "REPORTS_CLOSED", "Reports of this action closed a week after it ended.");
        if (input.Reports.Count > DoorReportLimits.Batch)
            throw InputValidationException.For("reports", "TOO_MANY", $"At most {DoorReportLimits.Batch} reports per batch.");

        var doorIds = input.Reports.Select(r => DoorIdOf(r.DoorId)).OfType<long>().Distinct().ToList();
        var doors = await DoorsInTurfAsync(action, doorIds, ct);
        var clientIds = input.Reports.Select(r => r.ClientId).ToList();
        var received = await db.Set<DoorReport>().AsNoTracking().Where(r => clientIds.Contains(r.ClientId))
            .Select(r => new { r.ClientId, r.ReporterId }).ToDictionaryAsync(r => r.ClientId, r => r.ReporterId, ct);
        var share = await db.Set<TurfShare>().AsNoTracking().Where(s => s.ActionId == action.Id && s.CheckedOutById == me)
            .Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<DoorReportResult>();
        var seen = new HashSet<Guid>();
        foreach (var report in input.Reports)
        {
            DoorReportResult Reject(string code, string message) => new(report.ClientId, DoorReportStatus.Rejected, code, message);
            if (report.ClientId == Guid.Empty) { results.Add(Reject("INVALID_CLIENT_ID", "Each report needs an id made by the phone.")); continue; }
            if (received.TryGetValue(report.ClientId, out var reporter) || seen.Contains(report.ClientId))
            {
                // A resend of one's own report is a duplicate; someone else's id is refused, without telling whose.
                results.Add(reporter == me || reporter == Guid.Empty
                    ? new DoorReportResult(report.ClientId, DoorReportStatus.Duplicate, null, null)
                    : Reject("INVALID_CLIENT_ID", "This report id is already used."));
                continue;
            }
            if (DoorIdOf(report.DoorId) is not { } doorId || !doors.TryGetValue(doorId, out var door))
            {
                results.Add(Reject("DOOR_OUTSIDE_TURF", "This door is not in the action's turf."));
                continue;
            }
            if (report.Note?.Length > DoorReportLimits.Note) { results.Add(Reject("TOO_LONG", $"A note holds at most {DoorReportLimits.Note} characters.")); continue; }
            var visited = Instants.Utc(report.VisitedAt);
            // Teams may start on their turf once the action is out; a phone's clock a few minutes fast is forgiven.
            if (visited > now.AddMinutes(10) || visited < (action.PublishedAt ?? action.CreatedAt).AddHours(-1))
            {
                results.Add(Reject("INVALID_TIME", "The visit time is before the action was published, or in the future."));
                continue;
            }
            var answers = new List<DoorAnswer>();
            string? answerProblem = null;
            foreach (var answer in report.Answers ?? [])
            {
                var question = action.Questions.FirstOrDefault(q => q.Id == answer.QuestionId);
                if (question is null) { answerProblem = $"Unknown question {answer.QuestionId}."; break; }
                if (!question.Accepts(answer.Value.Trim())) { answerProblem = $"\"{answer.Value}\" does not answer \"{question.Label}\"."; break; }
                answers.Add(new DoorAnswer(question.Id, question.Label, answer.Value.Trim()));
            }
            if (answerProblem is not null || answers.Select(a => a.QuestionId).Distinct().Count() != answers.Count)
            {
                results.Add(Reject("INVALID_ANSWER", answerProblem ?? "A question is answered twice."));
                continue;
            }
            Guid? contactId = null;
            if (report.Contact is { } contact)
            {
                var problems = contactValidator.Validate(contact);
                if (!problems.IsValid) { results.Add(Reject(problems.Errors[0].ErrorCode, problems.Errors[0].ErrorMessage)); continue; }
                // Reports added so far are saved first: making the supporter saves the context too.
                await db.SaveChangesAsync(ct);
                contactId = await ContactAsync(contact, door, action, me, ct);
            }
            db.Add(new DoorReport
            {
                ClientId = report.ClientId, ActionId = action.Id, ShareId = share, DoorId = door.DoorId, BuildingId = door.BuildingId,
                AddressId = door.AddressId, StationId = door.StationId, SectionId = action.SectionId, FederationCode = action.FederationCode,
                Outcome = report.Outcome, Answers = answers, Note = string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim(),
                ReporterId = me, VisitedAt = visited, ReceivedAt = now, ContactId = contactId,
            });
            seen.Add(report.ClientId);
            results.Add(new DoorReportResult(report.ClientId, DoorReportStatus.Accepted, null, null));
        }
        await db.SaveChangesAsync(ct);
        return results;
    }

    private sealed record TurfDoor(long DoorId, long BuildingId, long AddressId, string? StationId, Point Point);

    /// <summary>The doors among these whose address is in the action's turf (its stations, or inside its area).</summary>
    private async Task<Dictionary<long, TurfDoor>> DoorsInTurfAsync(FieldAction action, List<long> doorIds, CancellationToken ct)
    {
        var doors = await (from d in db.Set<Door>()
                           join b in db.Set<Building>() on d.BuildingId equals b.Id
                           join a in walkLists.InTurf(action.TurfStationIds, action.TurfArea) on b.AddressId equals a.Id
                           where doorIds.Contains(d.Id)
                           select new TurfDoor(d.Id, b.Id, a.Id, a.StationId, a.Point)).AsNoTracking().ToListAsync(ct);
        return doors.ToDictionary(d => d.DoorId);
    }

    /// <summary>A household that gave its details with consent becomes a supporter of the section holding the door (as a
    /// visitor would: a known email gets its own record, linked privately).</summary>
    private async Task<Guid> ContactAsync(DoorContactInput contact, TurfDoor door, FieldAction action, Guid reporter, CancellationToken ct)
    {
        var email = string.IsNullOrWhiteSpace(contact.Email) ? null : EmailAddress.Normalize(contact.Email);
        var phone = MobilePhone.ToE164(contact.Phone);
        List<(ConsentPurpose, ConsentChannel)> consents = [];
        if (email is not null) consents.Add((ConsentPurpose.Actions, ConsentChannel.Email));
        if (phone is not null) consents.Add((ConsentPurpose.Actions, ConsentChannel.Sms));
        var sectionId = await places.SectionForAsync(door.Point, ct) ?? action.SectionId;
        var last = string.IsNullOrWhiteSpace(contact.LastName) ? "—" : contact.LastName;
        // Given orally at the door and typed by the volunteer: the ledger says so, and who recorded it.
        return await persons.RegisterVisitorAsync(new VisitorDetails(contact.FirstName, last, email, phone, door.Point), sectionId, consents,
            ConsentMethod.Oral, reporter, ct);
    }

    private static long? DoorIdOf(string id) =>
        GlobalId.TryDecode(id) is (DoorNodeType, var key) && long.TryParse(key, out var n) ? n : null;

    public const string DoorNodeType = "Door";
}
