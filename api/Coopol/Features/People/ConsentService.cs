using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.People;

/// <summary>The consent ledger. A person grants or withdraws their own consents (WEB_FORM); a manager of their
/// section records what the person said on paper or orally, and records withdrawals; after a withdrawal only the
/// person can grant again. Reads go through <see cref="PeopleAccess"/>: the ledger of someone is shown to whoever
/// sees their details.</summary>
public sealed class ConsentService(CoopolDbContext db, PeopleAccess access, CallerContext caller, TimeProvider clock)
{
    public static readonly KeysetOrder<ConsentRecord> HistoryOrder = KeysetOrder<ConsentRecord>.DescendingBy("consents",
        KeysetOrder<ConsentRecord>.Key(c => c.At), KeysetOrder<ConsentRecord>.Key(c => c.Id));

    public async Task<Person> RecordAsync(RecordConsentInput input, CancellationToken ct)
    {
        var actor = (await caller.GetRightsAsync(ct)).RequirePerson();
        var id = GlobalId.ParseGuid(input.PersonId, PersonService.NodeType, "personId");
        var person = await access.FindAsync(id, ct) ?? throw new PersonNotFoundException();
        var scope = await access.ScopeAsync(ct);
        var consent = new ConsentInput
        {
            Purpose = input.Purpose, Channel = input.Channel, Granted = input.Granted, Method = input.Method, WordingVersion = input.WordingVersion,
        };
        var byThePerson = person.Id == actor;
        if (byThePerson)
        {
            if (input.Method != ConsentMethod.WebForm)
                throw InputValidationException.For("method", "INVALID_METHOD", "Your own consents are recorded as WEB_FORM.");
            CheckWording(consent, "wordingVersion");
        }
        else
        {
            if (!scope.Manages(person.SectionId))
                throw scope.SeesDetails(person) ? new ForbiddenException("Only those who manage this person's section record their consents.") : new PersonNotFoundException();
            CheckRecordedByManager(consent, null);
        }

        // The person's ledger is written one line at a time: a withdrawal by the person and a grant by a manager at
        // the same moment are taken in turn, so the manager's check always sees a withdrawal already recorded.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockLedgerAsync(person.Id, ct);
        if (!byThePerson && input.Granted)
        {
            var latest = await db.Set<ConsentRecord>().AsNoTracking()
                .Where(c => c.PersonId == person.Id && c.Purpose == input.Purpose && c.Channel == input.Channel)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
            if (latest is { Granted: false }) throw new ConsentWithdrawnByPersonException();
        }
        db.Add(NewRecord(person.Id, consent, actor, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return person;
    }

    /// <summary>Holds the person's ledger until the transaction ends (an advisory lock keyed by the person).</summary>
    private Task LockLedgerAsync(Guid personId, CancellationToken ct)
    {
        var key = BitConverter.ToInt64(personId.ToByteArray(), 0) ^ BitConverter.ToInt64(personId.ToByteArray(), 8);
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
    }

    /// <summary>Two records of a person become one: the ledger lines move, and a consent the person withdrew stays
    /// withdrawn (a grant a manager recorded on the section's record must not become their current value): their
    /// withdrawal is written again after the moved lines.</summary>
    public async Task MergeAsync(Guid from, Guid into, CancellationToken ct)
    {
        var withdrawn = (await LatestLinesAsync([into], ct)).Where(c => !c.Granted).Select(c => (c.Purpose, c.Channel)).ToHashSet();
        var regranted = await db.Set<ConsentRecord>().AsNoTracking().Where(c => c.PersonId == from && c.Granted)
            .Select(c => new { c.Purpose, c.Channel }).Distinct().ToListAsync(ct);
        await db.Set<ConsentRecord>().Where(c => c.PersonId == from).ExecuteUpdateAsync(u => u.SetProperty(c => c.PersonId, into), ct);
        await db.Set<ConsentRecord>().Where(c => c.RecordedById == from).ExecuteUpdateAsync(u => u.SetProperty(c => c.RecordedById, into), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var kind in regranted.Where(k => withdrawn.Contains((k.Purpose, k.Channel))))
            db.Add(new ConsentRecord
            {
                PersonId = into, Purpose = kind.Purpose, Channel = kind.Channel, Granted = false, Method = ConsentMethod.RecordsMerged,
                At = now, RecordedById = into,
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A manager records what the person said on paper or orally; a consent needs the wording they were shown.</summary>
    public static void CheckRecordedByManager(ConsentInput consent, string? field)
    {
        var prefix = field is null ? "" : field + ".";
        if (consent.Method is not (ConsentMethod.PaperForm or ConsentMethod.Oral))
            throw InputValidationException.For(prefix + "method", "INVALID_METHOD",
                "A consent recorded for someone else was given on paper (PAPER_FORM) or orally (ORAL).");
        CheckWording(consent, prefix + "wordingVersion");
    }

    public static ConsentRecord NewRecord(Guid personId, ConsentInput consent, Guid? recordedBy, DateTime at) => new()
    {
        PersonId = personId, Purpose = consent.Purpose, Channel = consent.Channel, Granted = consent.Granted, Method = consent.Method,
        At = at, RecordedById = recordedBy, WordingVersion = consent.Granted ? consent.WordingVersion : null,
    };

    private static void CheckWording(ConsentInput consent, string field)
    {
        if (!consent.Granted) return;
        var current = ConsentWordings.Current(consent.Purpose, consent.Channel);
        if (consent.WordingVersion != current.Version)
            throw InputValidationException.For(field, "WORDING_OUTDATED", $"Show the current wording ({current.Version}) and record its version.");
    }

    /// <summary>The current value of each consent of these people (who were read through the scoped path).</summary>
    public async Task<IReadOnlyDictionary<Guid, List<CurrentConsent>>> CurrentAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var ids = personIds.ToList();
        var byPerson = (await LatestLinesAsync(ids, ct)).ToLookup(c => c.PersonId);
        return ids.Distinct().ToDictionary(id => id, id => ConsentWordings.Kinds.Select(k =>
            byPerson[id].FirstOrDefault(c => c.Purpose == k.Purpose && c.Channel == k.Channel) is { } c
                ? new CurrentConsent(id, k.Purpose, k.Channel, c.Granted, c.Method, c.At)
                : new CurrentConsent(id, k.Purpose, k.Channel, false, null, null)).ToList());
    }

    /// <summary>Those of these people (read through the scoped path) whose current consent for this purpose and channel
    /// is given, and, for a section's record of someone known elsewhere, not withdrawn by that person.</summary>
    public IQueryable<Person> Consenting(IQueryable<Person> people, ConsentPurpose purpose, ConsentChannel channel)
    {
        var ledger = db.Set<ConsentRecord>().AsNoTracking();
        return people.Where(p =>
            ledger.Where(c => c.PersonId == p.Id && c.Purpose == purpose && c.Channel == channel)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => (bool?)c.Granted).FirstOrDefault() == true
            && (p.LinkedToId == null || ledger.Where(c => c.PersonId == p.LinkedToId && c.Purpose == purpose && c.Channel == channel)
                .OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => (bool?)c.Granted).FirstOrDefault() != false));
    }

    /// <summary>Which of these people may be sent to now for this purpose and channel: their consent is given, and the
    /// person a record is linked to has not withdrawn it. Checked again right before sending, so that a withdrawal
    /// recorded while a batch runs stops the sends that remain.</summary>
    public async Task<IReadOnlySet<Guid>> StillConsentingAsync(IReadOnlyCollection<Guid> personIds, IReadOnlyDictionary<Guid, Guid> primaries,
        ConsentPurpose purpose, ConsentChannel channel, CancellationToken ct)
    {
        var ids = personIds.Concat(primaries.Values).Distinct().ToList();
        var latest = (await db.Set<ConsentRecord>().AsNoTracking().Where(c => ids.Contains(c.PersonId) && c.Purpose == purpose && c.Channel == channel)
                .GroupBy(c => c.PersonId).Select(g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First()).ToListAsync(ct))
            .ToDictionary(c => c.PersonId, c => c.Granted);
        return personIds.Where(p => latest.GetValueOrDefault(p)
            && !(primaries.TryGetValue(p, out var primary) && latest.TryGetValue(primary, out var granted) && !granted)).ToHashSet();
    }

    /// <summary>A withdrawal made by the person through a message they received (an unsubscribe link, a STOP reply):
    /// recorded at once, for these records, without a signed-in caller. Written for every purpose given, even one never
    /// granted on a record (so no manager can grant it after), and once: an already withdrawn consent gets no new line.</summary>
    public async Task WithdrawAsync(IReadOnlyCollection<Guid> personIds, IReadOnlyCollection<ConsentPurpose> purposes, ConsentChannel channel,
        ConsentMethod method, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var personId in personIds.Distinct())
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await LockLedgerAsync(personId, ct);
            var withdrawn = (await LatestLinesAsync([personId], ct)).Where(c => c.Channel == channel && !c.Granted).Select(c => c.Purpose).ToHashSet();
            foreach (var purpose in purposes.Where(p => !withdrawn.Contains(p)))
                db.Add(new ConsentRecord { PersonId = personId, Purpose = purpose, Channel = channel, Granted = false, Method = method, At = now });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    /// <summary>A consent given again by the person through a reply (START): only what that reply's withdrawal took, a
    /// consent granted just before it. START never grants what the person never gave, nor undoes another withdrawal.</summary>
    public async Task<int> RegrantByReplyAsync(IReadOnlyCollection<Guid> personIds, ConsentChannel channel, ConsentMethod method, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = personIds.Distinct().ToList();
        var lines = await db.Set<ConsentRecord>().AsNoTracking().Where(c => ids.Contains(c.PersonId) && c.Channel == channel).ToListAsync(ct);
        var regrant = lines.GroupBy(c => (c.PersonId, c.Purpose))
            .Select(g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(2).ToList())
            .Where(last => last is [{ Granted: false } withdrawal, { Granted: true }] && withdrawal.Method == method)
            .Select(last => last[0]).ToList();
        foreach (var line in regrant)
            db.Add(new ConsentRecord
            {
                PersonId = line.PersonId, Purpose = line.Purpose, Channel = channel, Granted = true, Method = method, At = now,
                WordingVersion = ConsentWordings.Current(line.Purpose, channel).Version,
            });
        await db.SaveChangesAsync(ct);
        return regrant.Count;
    }

    /// <summary>The latest line of each consent of these people: their current values.</summary>
    private Task<List<ConsentRecord>> LatestLinesAsync(List<Guid> ids, CancellationToken ct) =>
        db.Set<ConsentRecord>().AsNoTracking().Where(c => ids.Contains(c.PersonId))
            .GroupBy(c => new { c.PersonId, c.Purpose, c.Channel })
            .Select(g => g.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).First())
            .ToListAsync(ct);

    public Task<Page<ConsentRecord>> HistoryAsync(Guid personId, PageRequest page, CancellationToken ct) =>
        db.Set<ConsentRecord>().AsNoTracking().Where(c => c.PersonId == personId).ToPageAsync(HistoryOrder, page, ct);
}
