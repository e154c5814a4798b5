using System.Security.Claims;
using Coopol.Data;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Accounts;

/// <summary>The signed-in account of this request and the person bound to it. The first sign-in binds the account
/// (its subject) to the unbound person with the same verified email; later ones find the person by subject.
/// Loaded once per request.</summary>
public sealed class CallerContext(IHttpContextAccessor http, CoopolDbContext db, TimeProvider clock)
{
    private Rights? _rights;

    public async Task<Rights> GetRightsAsync(CancellationToken ct = default)
    {
        if (_rights is not null) return _rights;
        if (AccountIdentity.From(http.HttpContext?.User) is not { } account) return _rights = Rights.Anonymous;

        var personId = await db.People.Where(p => p.AccountSubject == account.Subject).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct)
            ?? await BindAsync(account, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var grants = personId is null
            ? []
            : await db.RoleGrants.AsNoTracking()
                .Where(g => g.PersonId == personId && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
                .OrderBy(g => g.GrantedAt).ThenBy(g => g.Id)
                .ToListAsync(ct);
        return _rights = new Rights(account.Subject, account.Email, personId, grants);
    }

    /// <summary>Forgets what was loaded, after a mutation changed the caller's own rights.</summary>
    public void Reset() => _rights = null;

    private async Task<Guid?> BindAsync(AccountIdentity account, CancellationToken ct)
    {
        if (account.Email is null) return null;
        var bound = await db.People.Where(p => p.Email == account.Email && p.AccountSubject == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AccountSubject, account.Subject), ct);
        return bound == 0 ? null
            : await db.People.Where(p => p.AccountSubject == account.Subject).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
    }
}

/// <summary>Who signed in: a stable subject, and an email only when the issuer vouches for it.</summary>
public sealed record AccountIdentity(string Subject, string? Email)
{
    public static AccountIdentity? From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        // Entra ID: "oid" is the account in the tenant; its UPN is managed by the organisation, while its "email"
        // claim is only trusted when the domain owner verified it (xms_edov).
        var oid = user.FindFirstValue("oid") ?? user.FindFirstValue("http://schemas.microsoft.com/identity/claims/objectidentifier");
        if (oid is not null)
        {
            var email = user.FindFirstValue("xms_edov") is "true" or "True" ? user.FindFirstValue("email") : null;
            email ??= user.FindFirstValue("upn") ?? user.FindFirstValue(ClaimTypes.Upn);
            return new AccountIdentity("entra:" + oid, email is null ? null : EmailAddress.Normalize(email));
        }
        var subject = user.FindFirstValue("sub") ?? user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (subject is null) return null;
        var verified = user.FindFirstValue("email_verified") is "true" or "True";
        var claimed = user.FindFirstValue("email") ?? user.FindFirstValue(ClaimTypes.Email);
        return new AccountIdentity(subject, verified && claimed is not null ? EmailAddress.Normalize(claimed) : null);
    }
}
