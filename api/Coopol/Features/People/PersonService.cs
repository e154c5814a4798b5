using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Accounts;
using Coopol.Features.PartyTree;
using Coopol.Features.Roles;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Coopol.Features.People;

public sealed class PersonService(
    CoopolDbContext db, PeopleAccess access, CallerContext caller, SectionService sections, TimeProvider clock,
    IValidator<AddPersonInput> addValidator, IValidator<UpdatePersonInput> updateValidator)
{
    public async Task<Page<Person>> SearchAsync(PersonFilter? filter, PersonSort sort, PageRequest page, CancellationToken ct)
    {
        Guid? sectionId = null;
        if (filter?.SectionId is not null)
        {
            sectionId = GlobalId.ParseGuid(filter.SectionId, SectionService.NodeType, "filter.sectionId");
            if (filter.FederationCode is not null
                && await sections.FindAsync(sectionId.Value, ct) is { } s && s.FederationCode != filter.FederationCode)
                throw new SectionNotInFederationException(filter.FederationCode);
        }
        return await QueryAsync(sectionId, filter, sort, page, ct);
    }

    /// <summary>The people of one section; FORBIDDEN when the caller has no right to see them.</summary>
    public async Task<Page<Person>> OfSectionAsync(Section section, PersonFilter? filter, PersonSort sort, PageRequest page, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequireAuthenticated();
        if (!rights.PeopleReach().Includes(section.FederationCode, section.Id))
            throw new ForbiddenException("You have no right to see the people of this section.");
        return await QueryAsync(section.Id, new PersonFilter { Search = filter?.Search, Kind = filter?.Kind, Tag = filter?.Tag }, sort, page, ct);
    }

    private async Task<Page<Person>> QueryAsync(Guid? sectionId, PersonFilter? filter, PersonSort sort, PageRequest page, CancellationToken ct)
    {
        var people = await access.VisibleAsync(ct);
        if (sectionId is { } id) people = people.Where(p => p.SectionId == id);
        if (filter?.FederationCode is { } code) people = people.Where(p => p.Section!.FederationCode == code);
        if (filter?.Kind is { } kind) people = people.Where(p => p.Kind == kind);
        if (!string.IsNullOrWhiteSpace(filter?.Tag)) people = people.Where(p => p.Tags.Contains(filter.Tag.Trim()));
        if (!string.IsNullOrWhiteSpace(filter?.Search))
        {
            var pattern = "%" + filter.Search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            people = people.Where(p =>
                EF.Functions.ILike(EF.Functions.Unaccent(p.FirstName + " " + p.LastName), EF.Functions.Unaccent(pattern))
                || EF.Functions.ILike(EF.Functions.Unaccent(p.LastName + " " + p.FirstName), EF.Functions.Unaccent(pattern))
                || EF.Functions.ILike(p.Email, pattern));
        }
        var ordered = sort switch
        {
            PersonSort.NameDesc => people.OrderByDescending(p => p.LastName).ThenByDescending(p => p.FirstName).ThenByDescending(p => p.Id),
            PersonSort.CreatedAtDesc => people.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            _ => people.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id),
        };
        return await page.ApplyAsync(ordered, ct);
    }

    public Task<Person?> FindAsync(Guid id, CancellationToken ct) => access.FindVisibleAsync(id, ct);

    public async Task<Person> AddAsync(AddPersonInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        var section = await sections.RequireAsync(input.SectionId, "sectionId", ct);
        if (!rights.Can(Permission.ManagePeople, section))
            throw new ForbiddenException("You may not add people to this section.");
        addValidator.ValidateOrThrow(input);
        var email = EmailAddress.Normalize(input.Email);
        await EnsureEmailFreeAsync(email, null, ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var person = new Person
        {
            Kind = input.Kind, FirstName = input.FirstName.Trim(), LastName = input.LastName.Trim(), Email = email,
            Phone = MobilePhone.ToE164(input.Phone), Address = ToAddress(input.Address), Location = ToPoint(input.Location),
            SectionId = section.Id, Tags = NormalizeTags(input.Tags), EmailConsent = ToConsent(input.EmailConsent, now),
            SmsConsent = ToConsent(input.SmsConsent, now), ProfileVisibility = input.ProfileVisibility ?? ProfileVisibility.Section,
            CreatedAt = now, UpdatedAt = now,
        };
        db.People.Add(person);
        await db.SaveOrThrowAsync(EmailTaken, ct);
        return person;
    }

    /// <summary>Those who manage the person's section may change everything; a person may change their own
    /// details but not whether they are a member.</summary>
    public async Task<Person> UpdateAsync(UpdatePersonInput input, CancellationToken ct)
    {
        var (person, rights) = await RequireVisibleTrackedAsync(input.PersonId, ct);
        var section = await sections.RequireAsync(person.SectionId, ct);
        var manages = rights.Can(Permission.ManagePeople, section);
        if (!manages && (person.Id != rights.PersonId || input.Kind is not null))
            throw new ForbiddenException("You may not change this person.");
        updateValidator.ValidateOrThrow(input);

        var now = clock.GetUtcNow().UtcDateTime;
        if (input.Email is not null && EmailAddress.Normalize(input.Email) != person.Email)
        {
            await EnsureMayChangeEmailAsync(person, rights, manages, ct);
            var email = EmailAddress.Normalize(input.Email);
            await EnsureEmailFreeAsync(email, person.Id, ct);
            person.Email = email;
        }
        if (input.Kind is { } kind) person.Kind = kind;
        if (input.FirstName is not null) person.FirstName = input.FirstName.Trim();
        if (input.LastName is not null) person.LastName = input.LastName.Trim();
        if (input.Phone is not null) person.Phone = MobilePhone.ToE164(input.Phone);
        if (input.Address is not null) person.Address = ToAddress(input.Address);
        if (input.Location is not null) person.Location = ToPoint(input.Location);
        if (input.Tags is not null) person.Tags = NormalizeTags(input.Tags);
        if (input.EmailConsent is not null) person.EmailConsent = ToConsent(input.EmailConsent, now);
        if (input.SmsConsent is not null) person.SmsConsent = ToConsent(input.SmsConsent, now);
        if (input.ProfileVisibility is { } visibility) person.ProfileVisibility = visibility;
        person.UpdatedAt = now;
        await db.SaveOrThrowAsync(EmailTaken, ct);
        return person;
    }

    /// <summary>Moving needs MANAGE_PEOPLE on both the section left and the section joined.</summary>
    public async Task<Person> MoveAsync(MovePersonInput input, CancellationToken ct)
    {
        var (person, rights) = await RequireVisibleTrackedAsync(input.PersonId, ct);
        var from = await sections.RequireAsync(person.SectionId, ct);
        var to = await sections.RequireAsync(input.SectionId, "sectionId", ct);
        if (!rights.Can(Permission.ManagePeople, from) || !rights.Can(Permission.ManagePeople, to))
            throw new ForbiddenException("Moving a person needs the right to manage people in both sections.");
        person.SectionId = to.Id;
        person.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return person;
    }

    private async Task<(Person, Rights)> RequireVisibleTrackedAsync(string personId, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        var id = GlobalId.ParseGuid(personId, PersonType.NodeType, "personId");
        // Read through the scoped path, tracked for the change: one query, and hidden reads as unknown.
        var person = await (await access.VisibleAsync(ct)).AsTracking().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new PersonNotFoundException();
        return (person, rights);
    }

    /// <summary>The email is how an account is first bound to a person, so only a manager changes it (never the
    /// person alone, who could otherwise probe which addresses are registered), and for someone holding rights only a
    /// manager who could appoint them on each of their nodes.</summary>
    private async Task EnsureMayChangeEmailAsync(Person person, Rights rights, bool manages, CancellationToken ct)
    {
        if (!manages)
            throw InputValidationException.For("email", "EMAIL_CHANGE_NEEDS_MANAGER", "Ask your section secretary to change your email.");
        var now = clock.GetUtcNow().UtcDateTime;
        var held = await db.RoleGrants.AsNoTracking()
            .Where(g => g.PersonId == person.Id && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now)).ToListAsync(ct);
        if (held.Any(g => !RoleService.MayAppoint(rights, new TreeNode(g.Level, g.FederationCode, g.SectionId))))
            throw new ForbiddenException("This person holds rights: only those who appoint them may change their email.");
    }

    private async Task EnsureEmailFreeAsync(string email, Guid? exceptId, CancellationToken ct)
    {
        if (await db.People.AnyAsync(p => p.Email == email && p.Id != exceptId, ct)) throw EmailTaken();
    }

    private static InputValidationException EmailTaken() => InputValidationException.For("email", "EMAIL_TAKEN",
        "This email is already registered; ask your federation to move that person to your section.");

    private static PostalAddress? ToAddress(PostalAddressInput? a) => a is null ? null
        : new PostalAddress(a.Line1.Trim(), string.IsNullOrWhiteSpace(a.Line2) ? null : a.Line2.Trim(), a.PostalCode.Trim(), a.City.Trim(), a.Country ?? "FR");

    public static Point? ToPoint(GeoPointInput? p) => p is null ? null : new Point(p.Longitude, p.Latitude) { SRID = 4326 };

    private static Consent? ToConsent(ConsentInput? c, DateTime now) => c is null ? null : new Consent(c.Granted, c.Method, now);

    private static List<string> NormalizeTags(List<string>? tags) =>
        tags?.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
}
