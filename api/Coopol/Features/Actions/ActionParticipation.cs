using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.People;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Actions;

/// <summary>How many take part, against the target: counts only, which anyone who sees the action may see.</summary>
public sealed record Attendance(int Confirmed, int Waiting, int CheckedIn, int Target, int? Capacity)
{
    public int? PlacesLeft => Capacity is { } c ? Math.Max(0, c - Confirmed) : null;
}

/// <summary>A participant as those who run the action see them.</summary>
public sealed record ParticipantView(ActionParticipant Participant, Person? Person);

/// <summary>What a sign-up without an account answers: where the confirmation went (the same whether or not the contact
/// was known), and, once confirmed, the place they got.</summary>
public sealed record VisitorJoinResult(ActionView Action, ParticipationStatus? Status, ConsentChannel ConfirmationChannel);

/// <summary>What other features do when someone leaves an action, or it is cancelled (Canvassing gives shares back).</summary>
public interface IParticipationListener
{
    Task LeftAsync(Guid actionId, Guid personId, CancellationToken ct);

    Task CancelledAsync(Guid actionId, CancellationToken ct);
}

/// <summary>Joining, leaving, the waiting list and check-in. Taking part is personal data: participants are listed to
/// those who run the action only, and an anonymous visitor learns counts, never names.</summary>
public sealed class ActionParticipation(
    CoopolDbContext db, ActionAccess access, PeopleAccess people, PersonService persons, NearbyActions places, ActionNotices notices,
    TimeProvider clock, IValidator<JoinActionAsVisitorInput> visitorValidator, IEnumerable<IParticipationListener> listeners,
    VisitorLimits limits)
{
    public const string ParticipantNodeType = "ActionParticipant";

    /// <summary>The waiting list holds as many people as the action has places (at least this many).</summary>
    public const int MinWaitingList = 10;

    private static readonly KeysetOrder<ActionParticipant> InLine = KeysetOrder<ActionParticipant>.Ascending("line",
        KeysetOrder<ActionParticipant>.Key(p => p.JoinedAt), KeysetOrder<ActionParticipant>.Key(p => p.Id));

    public async Task<IReadOnlyDictionary<Guid, Attendance>> AttendanceAsync(IReadOnlyCollection<FieldAction> actions, CancellationToken ct)
    {
        var ids = actions.Select(a => a.Id).ToList();
        var counts = await db.Set<ActionParticipant>().AsNoTracking().Where(p => ids.Contains(p.ActionId) && p.Status != ParticipationStatus.Left)
            .GroupBy(p => p.ActionId)
            .Select(g => new
            {
                g.Key,
                Confirmed = g.Count(p => p.Status == ParticipationStatus.Confirmed),
                Waiting = g.Count(p => p.Status == ParticipationStatus.Waiting),
                CheckedIn = g.Count(p => p.CheckedInAt != null),
            })
            .ToDictionaryAsync(c => c.Key, ct);
        // Check-ins of people erased since still count, linked to no one.
        return actions.ToDictionary(a => a.Id, a => counts.TryGetValue(a.Id, out var c)
            ? new Attendance(c.Confirmed, c.Waiting, c.CheckedIn + a.ErasedCheckIns, a.AttendanceTarget, a.Capacity)
            : new Attendance(0, 0, a.ErasedCheckIns, a.AttendanceTarget, a.Capacity));
    }

    /// <summary>The participants, confirmed first then the waiting list in order, for those who run the action.</summary>
    public async Task<Page<ParticipantView>> ParticipantsAsync(ActionView view, ParticipationStatus? status, PageRequest page, CancellationToken ct)
    {
        if (!view.SeesParticipants) throw new ForbiddenException("Only those who run this action see who takes part.");
        // Those who left withdrew from it: their contact is no longer the organizers'.
        if (status == ParticipationStatus.Left)
            throw InputValidationException.For("status", "INVALID", "Those who left are not listed.");
        var rows = db.Set<ActionParticipant>().AsNoTracking().Where(p => p.ActionId == view.Action.Id);
        rows = status is { } s ? rows.Where(p => p.Status == s) : rows.Where(p => p.Status != ParticipationStatus.Left);
        var found = await rows.ToPageAsync(InLine, page, ct);
        var persons = await people.ParticipantsForOrganizersAsync(found.Items.Select(p => p.PersonId).ToList(), ct);
        return new Page<ParticipantView>(found.Items.Select(p => new ParticipantView(p, persons.GetValueOrDefault(p.PersonId))).ToList(),
            found.HasNextPage, found.HasPreviousPage, found.TotalCount, v => found.CursorOf(v.Participant));
    }

    /// <summary>The signed-in person joins; full, they go on the waiting list (unless they asked not to).</summary>
    public async Task<ActionView> JoinAsync(string actionId, bool waitIfFull, CancellationToken ct)
    {
        var rights = await access.RightsAsync(ct);
        var me = rights.RequirePerson();
        var view = await RequireVisibleAsync(actionId, ct);
        await JoinAsPersonAsync(view.Action.Id, me, waitIfFull, ct);
        return (await access.FindAsync(view.Action.Id, ct))!;
    }

    /// <summary>Someone without an account asks to join with their name, an email or a mobile number, and consent to be
    /// told about the action. Nothing is created or counted yet: a link (or code) goes to that email (else that phone),
    /// and the sign-up happens when they confirm it (<see cref="ConfirmVisitorAsync"/>). The answer depends only on the
    /// action and the form, never on whether the contact is known or already signed up.</summary>
    public async Task<VisitorJoinResult> JoinAsVisitorAsync(JoinActionAsVisitorInput input, CancellationToken ct)
    {
        var view = await RequireVisibleAsync(input.ActionId, ct);
        visitorValidator.ValidateOrThrow(input);
        EnsureOpen(view.Action);
        var place = input.Near is { } near && (near.Point is not null || !string.IsNullOrWhiteSpace(near.Place))
            ? await places.TryResolveAsync(near, ct) : null;
        limits.Check(access.ClientAddress);
        var email = string.IsNullOrWhiteSpace(input.Email) ? null : EmailAddress.Normalize(input.Email);
        var phone = MobilePhone.ToE164(input.Phone);
        var contact = email ?? phone!;
        var now = clock.GetUtcNow().UtcDateTime;
        var sectionId = place?.Point is { } point ? await places.SectionForAsync(point, ct) ?? view.Action.SectionId : view.Action.SectionId;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // One request per contact at a time, so the hourly count below cannot be outrun by a burst.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"visitor:" + contact}))", ct);
        // Counted over every action, for the contact and its variants (name+tag@domain is name@domain's inbox).
        var dayAgo = now.AddDays(-1);
        var hourAgo = now.AddHours(-1);
        var (exact, tagged) = EmailAddress.InboxPatterns(email);
        var lately = await db.Set<VisitorSignup>().Where(v => v.CreatedAt > dayAgo
                && (email != null ? v.Email == exact || EF.Functions.Like(v.Email!, tagged, "\\") : v.Phone == phone))
            .Select(v => v.CreatedAt).ToListAsync(ct);
        var recent = lately.Count(at => at > hourAgo);
        var (token, hash) = VisitorSignup.NewToken();
        var signup = new VisitorSignup
        {
            ActionId = view.Action.Id, FirstName = input.FirstName.Trim(), LastName = input.LastName.Trim(), Email = email, Phone = phone,
            Location = place?.Point, SectionId = sectionId, TokenHash = hash, CreatedAt = now, ExpiresAt = now + VisitorSignup.Lifetime,
            // Beyond a few an hour for one contact and action, the link is not sent (an inbox is not flooded): the same
            // rows are written and the same answer given, so nothing tells which requests were dropped.
            Suppressed = recent >= VisitorLimits.PerContactPerHour || lately.Count >= VisitorLimits.PerContactPerDay,
        };
        db.Add(signup);
        await notices.ConfirmationAsync(view.Action, signup, token, now, ct);
        await transaction.CommitAsync(ct);
        return new VisitorJoinResult(view, null, email is not null ? ConsentChannel.Email : ConsentChannel.Sms);
    }

    /// <summary>The visitor confirmed with the link: they become a supporter of the section of their place (their consent
    /// recorded as given by them on the form, for the channel the link proved) and join the action, or its waiting list.
    /// All or nothing: the token is claimed, the place taken and the person made in one transaction.</summary>
    public async Task<VisitorJoinResult> ConfirmVisitorAsync(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) throw new InvalidSignupTokenException();
        var hash = VisitorSignup.HashOf(token.Trim());
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Claimed once: a second click, or two at the same moment, find it taken.
        var claimed = await db.Set<VisitorSignup>()
            .Where(v => v.TokenHash == hash && v.ConfirmedAt == null && v.ExpiresAt > now && !v.Suppressed)
            .ExecuteUpdateAsync(u => u.SetProperty(v => v.ConfirmedAt, now), ct);
        if (claimed == 0) throw new InvalidSignupTokenException();
        var signup = await db.Set<VisitorSignup>().AsNoTracking().SingleAsync(v => v.TokenHash == hash, ct);
        var action = await LockAsync(signup.ActionId, ct);
        // Still for the public: an action made members-only since the request is not joined by a visitor.
        if (action.Visibility != ActionVisibility.Public) throw new ActionNotFoundException();
        EnsureOpen(action);
        await EnsurePlaceAsync(action, waitIfFull: true, ct);
        // Someone already taking part under this (proven) email keeps their one place; a phone is not enough to say
        // two people are one (a family phone).
        var known = signup.Email is null ? [] : await people.RecordsWithContactAsync(signup.Email, null, ct);
        var joined = known.Count == 0 ? null : await db.Set<ActionParticipant>().AsNoTracking()
            .Where(p => p.ActionId == action.Id && known.Contains(p.PersonId) && p.Status != ParticipationStatus.Left)
            .Select(p => new { p.PersonId, p.Status }).FirstOrDefaultAsync(ct);
        Guid personId;
        ParticipationStatus status;
        if (joined is not null) (personId, status) = (joined.PersonId, joined.Status);
        else
        {
            personId = await persons.RegisterVisitorAsync(new VisitorDetails(signup.FirstName, signup.LastName, signup.Email,
                signup.Channel == ConsentChannel.Sms ? signup.Phone : null, signup.Location), signup.SectionId,
                [(ConsentPurpose.Actions, signup.Channel)], ConsentMethod.WebForm, null, ct, askToJoin: true);
            status = await JoinAsPersonAsync(action.Id, personId, waitIfFull: true, ct);
        }
        await db.Set<VisitorSignup>().Where(v => v.Id == signup.Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.PersonId, personId), ct);
        // The link has served: nobody reading the outbox can use it again.
        await notices.ForgetLinkAsync(signup.Id, ct);
        await transaction.CommitAsync(ct);
        var views = await access.ViewsAsync([action], ct);
        return new VisitorJoinResult(views[action.Id], status, signup.Channel);
    }

    public async Task<ActionView> LeaveAsync(string actionId, CancellationToken ct)
    {
        var rights = await access.RightsAsync(ct);
        var me = rights.RequirePerson();
        var view = await RequireVisibleAsync(actionId, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var action = await LockAsync(view.Action.Id, ct);
        var mine = await db.Set<ActionParticipant>().AsTracking().FirstOrDefaultAsync(p => p.ActionId == action.Id && p.PersonId == me, ct);
        if (mine is null || mine.Status == ParticipationStatus.Left) throw new NotParticipatingException();
        var now = clock.GetUtcNow().UtcDateTime;
        var freed = mine.Status == ParticipationStatus.Confirmed;
        mine.Status = ParticipationStatus.Left;
        mine.CheckedInAt = null;
        mine.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (freed && action.Status == ActionStatus.Published) await PromoteWaitingAsync(action, now, ct);
        foreach (var listener in listeners) await listener.LeftAsync(action.Id, me, ct);
        await transaction.CommitAsync(ct);
        return (await access.FindAsync(action.Id, ct))!;
    }

    /// <summary>Organizers mark who came. Someone from the waiting list who shows up is confirmed.</summary>
    public async Task<ParticipantView> CheckInAsync(CheckInInput input, CancellationToken ct)
    {
        var view = await RequireVisibleAsync(input.ActionId, ct);
        if (!view.SeesParticipants) throw new ForbiddenException("Only those who run this action check people in.");
        var id = ParseParticipantId(input.ParticipantId);
        var row = await db.Set<ActionParticipant>().AsTracking().FirstOrDefaultAsync(p => p.Id == id && p.ActionId == view.Action.Id, ct)
            ?? throw InputValidationException.For("participantId", "PARTICIPANT_NOT_FOUND", "This person does not take part in this action.");
        if (row.Status == ParticipationStatus.Left)
            throw InputValidationException.For("participantId", "PARTICIPANT_LEFT", "This person left the action.");
        if (view.Action.Status is ActionStatus.Cancelled or ActionStatus.Draft) throw new ActionNotOpenException(view.Action.Status);
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < view.Action.StartsAt - TimeSpan.FromHours(3) || now > view.Action.EndsAt + TimeSpan.FromDays(2))
            throw InputValidationException.For("actionId", "NOT_CHECK_IN_TIME", "Check-in opens three hours before the action and closes two days after.");
        var rights = await access.RightsAsync(ct);
        row.CheckedInAt = input.CheckedIn ? row.CheckedInAt ?? now : null;
        row.CheckedInById = input.CheckedIn ? rights.PersonId : null;
        if (input.CheckedIn && row.Status == ParticipationStatus.Waiting) row.Status = ParticipationStatus.Confirmed;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        var person = await people.ParticipantsForOrganizersAsync([row.PersonId], ct);
        return new ParticipantView(row, person.GetValueOrDefault(row.PersonId));
    }

    public static long ParseParticipantId(string id) =>
        GlobalId.TryDecode(id) is (ParticipantNodeType, var key) && long.TryParse(key, out var n) ? n
            : throw InputValidationException.For("participantId", "INVALID_ID", "Expected the ID of a participant.");

    private async Task<ParticipationStatus> JoinAsPersonAsync(Guid actionId, Guid personId, bool waitIfFull, CancellationToken ct)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // One join at a time per action, so two people never take the last place.
            var action = await LockAsync(actionId, ct);
            EnsureOpen(action);
            var row = await db.Set<ActionParticipant>().AsTracking().FirstOrDefaultAsync(p => p.ActionId == actionId && p.PersonId == personId, ct);
            if (row is { Status: not ParticipationStatus.Left }) return row.Status;
            var status = await EnsurePlaceAsync(action, waitIfFull, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (row is null)
                db.Add(new ActionParticipant { ActionId = actionId, PersonId = personId, Status = status, JoinedAt = now, UpdatedAt = now });
            else
            {
                row.Status = status;
                row.JoinedAt = now;
                row.UpdatedAt = now;
            }
            await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
            return status;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>The place a newcomer gets (the action locked by the caller): confirmed, else waiting; a full waiting list
    /// (or one not wanted) is <see cref="ActionFullException"/>.</summary>
    private async Task<ParticipationStatus> EnsurePlaceAsync(FieldAction action, bool waitIfFull, CancellationToken ct)
    {
        var counts = await db.Set<ActionParticipant>().Where(p => p.ActionId == action.Id)
            .GroupBy(p => p.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var full = action.Capacity is { } capacity && counts.GetValueOrDefault(ParticipationStatus.Confirmed) >= capacity;
        if (full && (!waitIfFull || counts.GetValueOrDefault(ParticipationStatus.Waiting) >= Math.Max(MinWaitingList, action.Capacity!.Value)))
            throw new ActionFullException();
        return full ? ParticipationStatus.Waiting : ParticipationStatus.Confirmed;
    }

    private async Task PromoteWaitingAsync(FieldAction action, DateTime now, CancellationToken ct)
    {
        var next = await db.Set<ActionParticipant>().AsTracking()
            .Where(p => p.ActionId == action.Id && p.Status == ParticipationStatus.Waiting)
            .OrderBy(p => p.JoinedAt).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (next is null) return;
        next.Status = ParticipationStatus.Confirmed;
        next.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await notices.PlaceFreedAsync(action, next.PersonId, now, ct);
    }

    private async Task<FieldAction> LockAsync(Guid actionId, CancellationToken ct) =>
        await db.Set<FieldAction>().FromSql($"""SELECT * FROM "Actions" WHERE "Id" = {actionId} FOR UPDATE""").AsNoTracking().SingleAsync(ct);

    private void EnsureOpen(FieldAction action)
    {
        if (action.Status != ActionStatus.Published) throw new ActionNotOpenException(action.Status);
        if (action.EndsAt <= clock.GetUtcNow().UtcDateTime) throw new ActionOverException();
    }

    private Task<ActionView> RequireVisibleAsync(string actionId, CancellationToken ct) => access.RequireVisibleAsync(actionId, ct);
}
