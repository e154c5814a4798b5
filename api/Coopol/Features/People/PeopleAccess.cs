using System.Linq.Expressions;
using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Coopol.Features.People;

/// <summary>The one path to people's data. Every read of <see cref="Person"/> goes through here and keeps only whom the
/// caller may see (<see cref="PeopleScope"/>). Opening a person (person, node, nodes) and exporting people are written
/// to the access log here, whatever path the request took; lists (people, Section.people, nested persons) are not
/// logged: they would bury the openings a person wants to know about.</summary>
public sealed class PeopleAccess(CoopolDbContext db, CallerContext caller, TimeProvider clock)
{
    /// <summary>Views of one person by one actor closer together than this are logged once.</summary>
    public static readonly TimeSpan ViewLogWindow = TimeSpan.FromMinutes(10);

    private PeopleScope? _scope;

    public async Task<PeopleScope> ScopeAsync(CancellationToken ct)
    {
        if (_scope is not null) return _scope;
        var rights = await caller.GetRightsAsync(ct);
        if (!rights.IsAuthenticated) return _scope = PeopleScope.Nobody;
        var manage = rights.ReachOf(Permission.ManagePeople);
        var view = rights.ReachOf(Permission.ViewPeople);
        // Federation reach becomes the ids of its sections: the people queries then filter on SectionId alone.
        var federations = manage.FederationCodes.Union(view.FederationCodes).ToList();
        var sectionsOf = federations.Count == 0 || manage.Everywhere
            ? []
            : await db.Sections.AsNoTracking().Where(s => federations.Contains(s.FederationCode))
                .Select(s => new { s.Id, s.FederationCode }).ToListAsync(ct);
        IReadOnlyCollection<Guid> Ids(Reach reach) =>
            reach.SectionIds.Concat(sectionsOf.Where(s => reach.FederationCodes.Contains(s.FederationCode)).Select(s => s.Id)).ToHashSet();
        return _scope = new PeopleScope(rights.Person, manage.Everywhere, Ids(manage), view.Everywhere, Ids(view));
    }

    /// <summary>The people the caller may see (by name at least), in one section or everywhere, matching a search.
    /// detailsOnly keeps those whose details the caller sees: a list filtered or ordered by a field the caller does not
    /// see of someone (tags, creation date) must not tell it.</summary>
    public async Task<IQueryable<Person>> VisibleAsync(Guid? sectionId, string? search, CancellationToken ct, bool detailsOnly = false) =>
        Where(await RequireScopeAsync(ct), sectionId, detailsOnly, search);

    public async Task<Person?> FindAsync(Guid id, CancellationToken ct) =>
        (await ByIdsAsync([id], ct)).GetValueOrDefault(id);

    public async Task<IReadOnlyDictionary<Guid, Person>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var scope = await ScopeAsync(ct);
        if (scope == PeopleScope.Nobody) return new Dictionary<Guid, Person>();
        var found = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        return found.Where(scope.Sees).ToDictionary(p => p.Id);
    }

    /// <summary>A person as opened on their page: the caller's view is written to the access log.</summary>
    public async Task<IReadOnlyDictionary<Guid, Person>> OpenAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var found = await ByIdsAsync(ids, ct);
        var scope = await ScopeAsync(ct);
        if (scope.Self is { } self && found.Count > 0)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = now - ViewLogWindow;
            var subjects = found.Keys.Where(id => id != self.Id).ToList();
            var recent = await db.Set<AccessLogEntry>().AsNoTracking()
                .Where(e => e.ActorId == self.Id && subjects.Contains(e.SubjectId) && e.Kind == AccessKind.ViewedPerson && e.At > since)
                .Select(e => e.SubjectId).ToListAsync(ct);
            var entries = subjects.Except(recent)
                .Select(id => new AccessLogEntry { SubjectId = id, ActorId = self.Id, Kind = AccessKind.ViewedPerson, At = now }).ToList();
            if (entries.Count > 0)
            {
                await db.Set<AccessLogEntry>().AddRangeAsync(entries, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }
        return found;
    }

    /// <summary>A person to change, tracked; hidden reads as unknown.</summary>
    public async Task<(Person Person, PeopleScope Scope)?> FindForChangeAsync(Guid id, CancellationToken ct)
    {
        var scope = await RequireScopeAsync(ct);
        var person = await db.People.AsTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        return person is not null && scope.Sees(person) ? (person, scope) : null;
    }

    /// <summary>A person's own record and the records sections keep of them (linked to it): whose data a download holds
    /// and an erasure removes. The caller decides first whether this may be asked (the person themselves, or who manages them).</summary>
    public Task<List<Person>> RecordsOfAsync(Guid personId, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Id == personId || p.LinkedToId == personId).OrderBy(p => p.Id == personId ? 0 : 1).ToListAsync(ct);

    /// <summary>Streams the people an export holds (those whose details the caller sees), logging each one as
    /// exported by the caller once the stream has been read to the end.</summary>
    public async IAsyncEnumerable<Person> ExportAsync(Func<IQueryable<Person>, IQueryable<Person>> narrow, Guid jobRunId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var scope = await RequireScopeAsync(ct);
        var actor = scope.Self?.Id ?? throw new ForbiddenException("Your account is not linked to a person of the party.");
        var exported = new List<Guid>();
        var people = narrow(Where(scope, null, detailsOnly: true, null)).OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id);
        await foreach (var person in people.AsAsyncEnumerable().WithCancellation(ct))
        {
            exported.Add(person.Id);
            yield return person;
        }
        // Like opening one's own page, exporting oneself is not logged.
        await LogBulkAsync(exported.Where(id => id != actor).ToList(), actor, AccessKind.ExportedPeople, jobRunId, ct);
    }

    /// <summary>The person's access log: for the person themselves and the national team only.</summary>
    public async Task<Page<AccessLogView>?> AccessLogAsync(Guid personId, PageRequest page, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (rights.PersonId != personId && !rights.OverseesEveryone) return null;
        var entries = await db.Set<AccessLogEntry>().AsNoTracking().Where(e => e.SubjectId == personId)
            .ToPageAsync(AccessLogOrder, page, ct);
        // The actor is named to the person concerned: that is the point of the log.
        var actorIds = entries.Items.Select(e => e.ActorId).OfType<Guid>().Distinct().ToList();
        var names = await ActorNamesAsync(actorIds, ct);
        return new Page<AccessLogView>(
            entries.Items.Select(e => new AccessLogView(e, e.ActorId is { } a ? names.GetValueOrDefault(a) : null)).ToList(),
            entries.HasNextPage, entries.HasPreviousPage, entries.TotalCount, v => AccessLogOrder.CursorOf(v.Entry));
    }

    public static readonly KeysetOrder<AccessLogEntry> AccessLogOrder =
        KeysetOrder<AccessLogEntry>.DescendingBy("log", KeysetOrder<AccessLogEntry>.Key(e => e.At), KeysetOrder<AccessLogEntry>.Key(e => e.Id));

    /// <summary>The names of people who acted on someone's data (viewed it, recorded a consent), shown to that someone:
    /// a person may know who handles their data, even those they could not otherwise see.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ActorNamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<Guid, string>()
            : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);

    /// <summary>Whether a record whose details the caller sees already uses this email (the only duplicate the caller is
    /// told about: a fellow seen by name only counts as elsewhere).</summary>
    public async Task<bool> VisibleEmailTakenAsync(string email, Guid? exceptId, CancellationToken ct) =>
        await (await VisibleAsync(null, null, ct, detailsOnly: true)).AnyAsync(p => p.Email == email && p.Id != exceptId, ct);

    /// <summary>The primary record holding this email anywhere in the party. Unscoped on purpose: a section's new
    /// record is linked to it privately, and nothing of it ever reaches the caller (see PersonService).</summary>
    public Task<Guid?> PrimaryWithEmailAsync(string email, Guid? exceptId, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Email == email && p.LinkedToId == null && p.Id != exceptId)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);

    /// <summary>Every record holding this email or this phone (primary or linked). Unscoped on purpose, like
    /// <see cref="PrimaryWithEmailAsync"/>: it lets a sign-up by email stay idempotent, and nothing of it reaches the caller.</summary>
    public Task<List<Guid>> RecordsWithContactAsync(string? email, string? phone, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => (email != null && p.Email == email) || (phone != null && p.Phone == phone)).Select(p => p.Id).ToListAsync(ct);

    /// <summary>For records a section made of someone known elsewhere, the person they are linked to. Unscoped: used to
    /// honour that person's own withdrawals, nothing of it reaches the caller.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> PrimariesOfAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.LinkedToId != null)
            .ToDictionaryAsync(p => p.Id, p => p.LinkedToId!.Value, ct);

    /// <summary>People who joined an action, as its organizers see them (name and contact). Joining an action is
    /// agreeing that those who run it know it; the caller checks that the viewer runs the action and that these are its
    /// participants.</summary>
    public async Task<IReadOnlyDictionary<Guid, Person>> ParticipantsForOrganizersAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? new Dictionary<Guid, Person>() : await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);

    /// <summary>The people a message from this node may go to, for a caller holding SEND_MESSAGES there (a job acting for
    /// its author included): everyone of the section, of the federation's sections, or of the party. The sender sees
    /// counts, never these people: only the outbox holds their addresses.</summary>
    public async Task<IQueryable<Person>> AudienceAsync(TreeNode node, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        if (!rights.Can(Permission.SendMessages, node)) throw new ForbiddenException("Sending messages here takes SEND_MESSAGES.");
        IQueryable<Person> people = db.People.AsNoTracking();
        switch (node.Level)
        {
            case TreeLevel.Section:
                return people.Where(p => p.SectionId == node.SectionId);
            case TreeLevel.Federation:
                var sections = await db.Sections.AsNoTracking().Where(s => s.FederationCode == node.FederationCode).Select(s => s.Id).ToListAsync(ct);
                return people.Where(p => sections.Contains(p.SectionId));
            default:
                return people;
        }
    }

    /// <summary>An invited person accepted to join a section: they move there, and the section's record of them gives
    /// its tags and the phone they lacked. The record is read unscoped: the person accepted to be one with it. Only a
    /// record still linked to them and never signed in to is absorbed (true: merge it).</summary>
    public async Task<bool> AbsorbRecordAsync(Guid personId, Guid recordId, Guid sectionId, DateTime now, CancellationToken ct)
    {
        var person = await db.People.AsTracking().SingleAsync(p => p.Id == personId, ct);
        var record = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == recordId, ct);
        var absorbed = record is { AccountSubject: null } && record.LinkedToId == personId;
        person.SectionId = sectionId;
        person.UpdatedAt = now;
        if (absorbed)
        {
            person.Tags = person.Tags.Concat(record!.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Take(30).ToList();
            person.Phone ??= record.Phone;
        }
        await db.SaveChangesAsync(ct);
        _scope = null;
        return absorbed;
    }

    private async Task<PeopleScope> RequireScopeAsync(CancellationToken ct)
    {
        (await caller.GetRightsAsync(ct)).RequireAuthenticated();
        return await ScopeAsync(ct);
    }

    private IQueryable<Person> Where(PeopleScope scope, Guid? sectionId, bool detailsOnly, string? search)
    {
        IQueryable<Person> people = db.People;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var (indexed, shortWords) = PersonSearch.Patterns(search);
            if (indexed.Count == 0) throw new SearchTooShortException();
            people = PersonSearch.Candidates(db.People, indexed);
            foreach (var pattern in shortWords) people = people.Matching(pattern);
            // Someone seen by name only is found by name only: their email must not answer a search.
            if (!detailsOnly && scope.SeesSomeByNameOnly(sectionId))
                people = people.Where(PeopleScope.Or(scope.Filter(sectionId, detailsOnly: true), PersonSearch.NamesMatch(indexed.Concat(shortWords))));
        }
        people = people.AsNoTracking();
        return scope.Filter(sectionId, detailsOnly) is { } filter ? people.Where(filter) : people;
    }

    private async Task LogBulkAsync(List<Guid> subjects, Guid actor, AccessKind kind, Guid? jobRunId, CancellationToken ct)
    {
        if (subjects.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Database.OpenConnectionAsync(ct);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY "AccessLog" ("SubjectId", "ActorId", "Kind", "At", "JobRunId") FROM STDIN (FORMAT BINARY)""", ct);
        foreach (var subject in subjects)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(subject, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(actor, NpgsqlDbType.Uuid, ct);
            await writer.WriteAsync(kind.ToString(), NpgsqlDbType.Varchar, ct);
            await writer.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            if (jobRunId is { } run) await writer.WriteAsync(run, NpgsqlDbType.Uuid, ct);
            else await writer.WriteNullAsync(ct);
        }
        await writer.CompleteAsync(ct);
    }
}
