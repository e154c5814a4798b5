using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.PartyTree;
using Coopol.Features.Roles;
using Coopol.Geo;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.People;

public sealed class PersonService(
    CoopolDbContext db, PeopleAccess access, CallerContext caller, SectionService sections, PersonMerge merge, RoleService roles, TimeProvider clock,
    IValidator<AddPersonInput> addValidator, IValidator<UpdatePersonInput> updateValidator, IValidator<PersonFilter> filterValidator)
{
    public const string NodeType = "Person";

    private static readonly KeysetOrder<Person> ByName = KeysetOrder<Person>.Ascending("name",
        KeysetOrder<Person>.Key(p => p.LastName), KeysetOrder<Person>.Key(p => p.FirstName), KeysetOrder<Person>.Key(p => p.Id));
    private static readonly KeysetOrder<Person> ByNameDesc = KeysetOrder<Person>.DescendingBy("name-desc",
        KeysetOrder<Person>.Key(p => p.LastName), KeysetOrder<Person>.Key(p => p.FirstName), KeysetOrder<Person>.Key(p => p.Id));
    private static readonly KeysetOrder<Person> ByNewest = KeysetOrder<Person>.DescendingBy("newest",
        KeysetOrder<Person>.Key(p => p.CreatedAt), KeysetOrder<Person>.Key(p => p.Id));

    public static KeysetOrder<Person> OrderOf(PersonSort sort) => sort switch
    {
        PersonSort.NameDesc => ByNameDesc,
        PersonSort.CreatedAtDesc => ByNewest,
        _ => ByName,
    };

    public async Task<Page<Person>> SearchAsync(PersonFilter? filter, PersonSort sort, PageRequest page, CancellationToken ct)
    {
        if (filter is not null) filterValidator.ValidateOrThrow(filter, "filter");
        Guid? sectionId = null;
        if (filter?.SectionId is not null)
        {
            sectionId = GlobalId.ParseGuid(filter.SectionId, SectionService.NodeType, "filter.sectionId");
            if (filter.FederationCode is not null
                && await sections.FindAsync(sectionId.Value, ct) is { } s && s.FederationCode != filter.FederationCode)
                throw new SectionNotInFederationException(filter.FederationCode);
        }
        var hiddenFields = !string.IsNullOrWhiteSpace(filter?.Tag) || sort == PersonSort.CreatedAtDesc;
        var people = await NarrowAsync(await access.VisibleAsync(sectionId, filter?.Search, ct, detailsOnly: hiddenFields), filter, ct);
        return await people.ToPageAsync(OrderOf(sort), page, ct);
    }

    /// <summary>Whether the caller may list the people of a section (Section.people): VIEW_PEOPLE or MANAGE_PEOPLE there.</summary>
    public async Task<bool> MayListAsync(Section section, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequireAuthenticated();
        var node = SectionService.NodeOf(section);
        return rights.Can(Permission.ViewPeople, node) || rights.Can(Permission.ManagePeople, node);
    }

    /// <summary>The people of several sections, a page each, in one query (nested Section.people).</summary>
    public async Task<IReadOnlyDictionary<Guid, Page<Person>>> OfSectionsAsync(IReadOnlyCollection<Guid> sectionIds, PersonFilter? filter,
        PersonSort sort, PageRequest page, CancellationToken ct)
    {
        if (filter is not null) filterValidator.ValidateOrThrow(filter, "filter");
        var visible = await access.VisibleAsync(null, filter?.Search, ct);
        var people = await NarrowAsync(visible, filter is null ? null : filter with { SectionId = null, FederationCode = null }, ct);
        var ids = sectionIds.ToList();
        return await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ToPagesAsync(s => s.Id, people, p => p.SectionId, OrderOf(sort), page, sectionIds, ct);
    }

    public Task<Person?> FindAsync(Guid id, CancellationToken ct) => access.FindAsync(id, ct);

    /// <summary>People opened by id (person, node, nodes): each view is written to the access log.</summary>
    public Task<IReadOnlyDictionary<Guid, Person>> OpenAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) => access.OpenAsync(ids, ct);

    /// <summary>Adds a person to a section. The answer never depends on people outside the caller's reach: an email
    /// the caller can see taken is refused (EMAIL_TAKEN); one known only elsewhere gives the section its own record,
    /// linked privately to that person, who is asked whether to join (<see cref="SectionInvitation"/>).</summary>
    public async Task<Person> AddAsync(AddPersonInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var actor = rights.RequirePerson();
        var section = await sections.RequireAsync(input.SectionId, "sectionId", ct);
        if (!rights.Can(Permission.ManagePeople, SectionService.NodeOf(section)))
            throw new ForbiddenException("You may not add people to this section.");
        addValidator.ValidateOrThrow(input);
        var email = EmailAddress.Normalize(input.Email);
        var now = clock.GetUtcNow().UtcDateTime;
        var given = input.Consents ?? [];
        for (var i = 0; i < given.Count; i++) ConsentService.CheckRecordedByManager(given[i], $"consents.{i}");
        if (await access.VisibleEmailTakenAsync(email, null, ct)) throw EmailTaken();

        for (var attempt = 0; ; attempt++)
        {
            var person = new Person
            {
                Kind = input.Kind, FirstName = input.FirstName.Trim(), LastName = input.LastName.Trim(), Email = email,
                Phone = MobilePhone.ToE164(input.Phone), Address = ToAddress(input.Address), Location = GeoPointInput.ToPoint(input.Location),
                SectionId = section.Id, Tags = NormalizeTags(input.Tags), ProfileVisibility = input.ProfileVisibility ?? ProfileVisibility.Section,
                CreatedAt = now, UpdatedAt = now,
            };
            await LinkIfKnownElsewhereAsync(person, section.Id, null, now, ct);
            db.People.Add(person);
            foreach (var consent in given) db.Add(ConsentService.NewRecord(person.Id, consent, actor, now));
            try
            {
                await db.SaveChangesAsync(ct);
                return person;
            }
            catch (DbUpdateException e) when (attempt == 0 && DbConflicts.IsUniqueViolation(e))
            {
                // Someone recorded the same new email at the same moment: link to theirs, as if it had been there.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Someone who signs up on their own (to an action) without an account: they become a supporter of the
    /// section, with the consents they gave in the form. The answer never tells whether the email was known: a known
    /// email gets the section its own record, linked privately to that person, as when a section adds them.</summary>
    /// <param name="askToJoin">Whether a known email's person is asked to join the section: only when the person proved the
    /// email (a visitor's link), never for details someone else typed (a door contact).</param>
    /// <param name="method">How the consents were given: <see cref="ConsentMethod.WebForm"/> by the person (who proved their
    /// contact), <see cref="ConsentMethod.Oral"/> at the door, recorded by <paramref name="recordedBy"/>.</param>
    public async Task<Guid> RegisterVisitorAsync(VisitorDetails visitor, Guid sectionId, IReadOnlyList<(ConsentPurpose Purpose, ConsentChannel Channel)> consents,
        ConsentMethod method, Guid? recordedBy, CancellationToken ct, bool askToJoin = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (var attempt = 0; ; attempt++)
        {
            var person = new Person
            {
                Kind = PersonKind.Supporter, FirstName = visitor.FirstName.Trim(), LastName = visitor.LastName.Trim(),
                Email = visitor.Email is null ? null : EmailAddress.Normalize(visitor.Email), Phone = MobilePhone.ToE164(visitor.Phone),
                Location = visitor.Location,
                SectionId = sectionId, CreatedAt = now, UpdatedAt = now,
            };
            await LinkIfKnownElsewhereAsync(person, sectionId, null, now, ct, askToJoin);
            db.People.Add(person);
            foreach (var (purpose, channel) in consents)
                db.Add(ConsentService.NewRecord(person.Id, new ConsentInput
                {
                    Purpose = purpose, Channel = channel, Granted = true, Method = method,
                    WordingVersion = ConsentWordings.Current(purpose, channel).Version,
                }, recordedBy ?? person.Id, now));
            try
            {
                await db.SaveChangesAsync(ct);
                return person.Id;
            }
            catch (DbUpdateException e) when (attempt == 0 && DbConflicts.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Those who manage the person's section may change everything; a person may change their own details
    /// but not whether they are a member, nor their email (the email binds a sign-in account).</summary>
    public async Task<Person> UpdateAsync(UpdatePersonInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        var (person, scope) = await RequireForChangeAsync(input.PersonId, ct);
        var manages = scope.Manages(person.SectionId);
        if (!manages && (person.Id != rights.PersonId || input.Kind is not null))
            throw scope.SeesDetails(person) ? new ForbiddenException("You may not change this person.") : new PersonNotFoundException();
        updateValidator.ValidateOrThrow(input);

        var now = clock.GetUtcNow().UtcDateTime;
        if (input.Email is not null && EmailAddress.Normalize(input.Email) != person.Email)
        {
            await EnsureMayChangeEmailAsync(person, rights, manages, ct);
            var email = EmailAddress.Normalize(input.Email);
            if (await access.VisibleEmailTakenAsync(email, person.Id, ct)) throw EmailTaken();
            person.Email = email;
            await LinkIfKnownElsewhereAsync(person, person.SectionId, person.Id, now, ct);
        }
        if (input.Kind is { } kind) person.Kind = kind;
        if (input.FirstName is not null) person.FirstName = input.FirstName.Trim();
        if (input.LastName is not null) person.LastName = input.LastName.Trim();
        if (input.Phone is not null) person.Phone = MobilePhone.ToE164(input.Phone);
        if (input.Address is not null) person.Address = ToAddress(input.Address);
        if (input.Location is not null) person.Location = GeoPointInput.ToPoint(input.Location);
        if (input.Tags is not null) person.Tags = NormalizeTags(input.Tags);
        if (input.ProfileVisibility is { } visibility) person.ProfileVisibility = visibility;
        person.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbConflicts.IsUniqueViolation(e))
        {
            throw new ConcurrentChangeException();
        }
        return person;
    }

    /// <summary>Moving needs MANAGE_PEOPLE on both the section left and the section joined.</summary>
    public async Task<Person> MoveAsync(MovePersonInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        var (person, scope) = await RequireForChangeAsync(input.PersonId, ct);
        var from = await sections.RequireAsync(person.SectionId, ct);
        var to = await sections.RequireAsync(input.SectionId, "sectionId", ct);
        if (!rights.Can(Permission.ManagePeople, SectionService.NodeOf(from)) || !rights.Can(Permission.ManagePeople, SectionService.NodeOf(to)))
            throw scope.SeesDetails(person)
                ? new ForbiddenException("Moving a person needs the right to manage people in both sections.")
                : new PersonNotFoundException();
        person.SectionId = to.Id;
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return person;
    }

    /// <summary>The invitations of the caller (sections that recorded them under their email).</summary>
    public async Task<Page<SectionInvitation>> MyInvitationsAsync(bool pendingOnly, PageRequest page, CancellationToken ct)
    {
        var self = (await caller.GetRightsAsync(ct)).PersonId;
        var invitations = db.Set<SectionInvitation>().AsNoTracking().Where(i => i.PersonId == self);
        if (pendingOnly) invitations = invitations.Where(i => i.AnsweredAt == null);
        return await invitations.ToPageAsync(InvitationOrder, page, ct);
    }

    public static readonly KeysetOrder<SectionInvitation> InvitationOrder = KeysetOrder<SectionInvitation>.DescendingBy("invitations",
        KeysetOrder<SectionInvitation>.Key(i => i.CreatedAt), KeysetOrder<SectionInvitation>.Key(i => i.Id));

    public async Task<IReadOnlyDictionary<Guid, SectionInvitation>> InvitationsByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var self = (await caller.GetRightsAsync(ct)).PersonId;
        return await db.Set<SectionInvitation>().AsNoTracking().Where(i => ids.Contains(i.Id) && i.PersonId == self).ToDictionaryAsync(i => i.Id, ct);
    }

    /// <summary>Only the person asked answers. Accepting moves them to the section and merges the section's record
    /// into theirs (its consents, log and rights follow); declining leaves the section its record.</summary>
    public async Task<SectionInvitation> AnswerInvitationAsync(AnswerSectionInvitationInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var self = rights.RequirePerson();
        var id = GlobalId.ParseGuid(input.InvitationId, SectionInvitationType.NodeType, "invitationId");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var invitation = await db.Set<SectionInvitation>().FromSql($"""SELECT * FROM "SectionInvitations" WHERE "Id" = {id} FOR UPDATE""")
            .AsTracking().SingleOrDefaultAsync(ct);
        if (invitation is null || invitation.PersonId != self) throw new InvitationNotFoundException();
        if (invitation.AnsweredAt is not null) throw new InvitationAlreadyAnsweredException();
        var now = clock.GetUtcNow().UtcDateTime;
        invitation.AnsweredAt = now;
        invitation.Accepted = input.Accept;
        await db.SaveChangesAsync(ct);
        if (input.Accept && invitation.RecordId is { } record && await access.AbsorbRecordAsync(self, record, invitation.SectionId, now, ct))
            await merge.MergeAsync(record, self, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        caller.Reset();
        return invitation;
    }

    /// <summary>Filters other than the search (which the scoped path applies first, see <see cref="PersonSearch"/>).</summary>
    private async Task<IQueryable<Person>> NarrowAsync(IQueryable<Person> people, PersonFilter? filter, CancellationToken ct)
    {
        if (filter?.FederationCode is { } code)
        {
            var ids = await db.Sections.AsNoTracking().Where(s => s.FederationCode == code).Select(s => s.Id).ToListAsync(ct);
            people = people.Where(p => ids.Contains(p.SectionId));
        }
        if (filter?.Kind is { } kind) people = people.Where(p => p.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter?.Tag))
        {
            var tag = filter.Tag.Trim();
            people = people.Where(p => p.Tags.Contains(tag));
        }
        return people;
    }

    /// <summary>When the email is the primary record of someone else (outside the caller's sight, as checked before),
    /// links this record to it and asks that person; otherwise this record is the email's primary one.</summary>
    private async Task LinkIfKnownElsewhereAsync(Person person, Guid sectionId, Guid? exceptId, DateTime now, CancellationToken ct, bool askToJoin = true)
    {
        var primary = person.Email is null ? null : await access.PrimaryWithEmailAsync(person.Email, exceptId, ct);
        if (person.LinkedToId == primary) return;
        if (exceptId is not null)
            await db.Set<SectionInvitation>().Where(i => i.RecordId == person.Id && i.AnsweredAt == null).ExecuteDeleteAsync(ct);
        person.LinkedToId = primary;
        if (primary is { } known && askToJoin)
            db.Add(new SectionInvitation { PersonId = known, RecordId = person.Id, SectionId = sectionId, CreatedAt = now });
    }

    private async Task<(Person, PeopleScope)> RequireForChangeAsync(string personId, CancellationToken ct)
    {
        var id = GlobalId.ParseGuid(personId, NodeType, "personId");
        return await access.FindForChangeAsync(id, ct) ?? throw new PersonNotFoundException();
    }

    /// <summary>The email is how an account is first bound to a person, so only a manager changes it (never the
    /// person alone, who could otherwise probe which addresses are registered), and for someone holding rights only a
    /// manager who could appoint them on each of their nodes.</summary>
    private async Task EnsureMayChangeEmailAsync(Person person, Rights rights, bool manages, CancellationToken ct)
    {
        if (!manages)
            throw InputValidationException.For("email", "EMAIL_CHANGE_NEEDS_MANAGER", "Ask your section secretary to change your email.");
        // Someone who signs in is that email's owner: their record is never re-addressed (nor linked to another, nor
        // merged away) by a manager.
        if (person.AccountSubject is not null)
            throw InputValidationException.For("email", "EMAIL_BOUND_TO_ACCOUNT", "This person signs in with this email: it changes with their account.");
        var held = (await roles.ActiveGrantsOfAsync([person.Id], ct))[person.Id];
        if (held.Any(g => !rights.MayAppoint(g.Node)))
            throw new ForbiddenException("This person holds rights: only those who appoint them may change their email.");
    }

    private static InputValidationException EmailTaken() => InputValidationException.For("email", "EMAIL_TAKEN",
        "Someone you can see already has this email.");

    private static PostalAddress? ToAddress(PostalAddressInput? a) => a is null ? null
        : new PostalAddress(a.Line1.Trim(), string.IsNullOrWhiteSpace(a.Line2) ? null : a.Line2.Trim(), a.PostalCode.Trim(), a.City.Trim(), a.Country ?? "FR");

    private static List<string> NormalizeTags(List<string>? tags) =>
        tags?.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(30).ToList() ?? [];
}
