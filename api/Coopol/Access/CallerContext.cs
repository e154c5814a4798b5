using Coopol.Data;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Access;

/// <summary>Who signed in, as the API host reads it from the request: a stable subject, and an email only when the
/// issuer vouches for it.</summary>
public sealed record AccountIdentity(string Subject, string? Email);

/// <summary>Where the caller of this scope comes from: the signed-in account in the API; nothing elsewhere (a job
/// says whom it acts for with <see cref="CallerContext.ActFor"/>).</summary>
public interface ICallerSource
{
    AccountIdentity? CurrentAccount { get; }

    /// <summary>Where the request comes from (an IP address), to slow down anonymous abuse; null outside a request.</summary>
    string? ClientAddress => null;
}

public sealed class NoCallerSource : ICallerSource
{
    public AccountIdentity? CurrentAccount => null;
}

/// <summary>Finds the person behind an account (binding it at the first sign-in) or behind a job. Implemented by the
/// People feature, so the rights core names no feature.</summary>
public interface IAccountDirectory
{
    Task<CallerPerson?> FindByAccountAsync(AccountIdentity account, CancellationToken ct);

    Task<CallerPerson?> FindAsync(Guid personId, CancellationToken ct);
}

/// <summary>The caller of this scope and their rights, read once per scope (a request, or a job run). A job acts for
/// the person who started it: it carries their id and reads their rights afresh when it runs, so a right revoked in
/// between is a right the job no longer has.</summary>
public sealed class CallerContext(CoopolDbContext db, ICallerSource source, IAccountDirectory directory, TimeProvider clock)
{
    private Guid? _actingFor;
    private Rights? _rights;

    /// <summary>From now on this scope acts as that person (jobs only: the API's caller comes from sign-in).</summary>
    public void ActFor(Guid personId)
    {
        _actingFor = personId;
        _rights = null;
    }

    public async Task<Rights> GetRightsAsync(CancellationToken ct = default)
    {
        if (_rights is not null) return _rights;
        var (kind, email, person) = _actingFor is { } id
            ? (CallerKind.Job, null, await directory.FindAsync(id, ct))
            : source.CurrentAccount is { } account
                ? (CallerKind.Account, account.Email, await directory.FindByAccountAsync(account, ct))
                : (CallerKind.Anonymous, (string?)null, (CallerPerson?)null);
        if (kind == CallerKind.Anonymous) return _rights = Rights.Anonymous;
        var now = clock.GetUtcNow().UtcDateTime;
        var grants = person is null
            ? []
            : await db.RoleGrants.AsNoTracking().Where(g => g.PersonId == person.Id).Where(RoleGrant.ActiveAt(now))
                .OrderBy(g => g.GrantedAt).ThenBy(g => g.Id)
                .ToListAsync(ct);
        return _rights = new Rights(kind, email, person, grants);
    }

    /// <summary>Where the request comes from, for rate limits on anonymous actions.</summary>
    public string? ClientAddress => source.ClientAddress;

    /// <summary>Forgets what was loaded, after a mutation changed the caller's own rights.</summary>
    public void Reset() => _rights = null;
}
