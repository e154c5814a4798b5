using System.Security.Claims;
using Coopol.Data;
using Coopol.Features.People;
using Coopol.Features.Roles;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Accounts;

/// <summary>The signed-in account of this request, linked to the Person with the same verified email.
/// Loaded once per request.</summary>
public sealed class CallerContext(IHttpContextAccessor http, CoopolDbContext db, TimeProvider clock)
{
    private Rights? _rights;

    public async Task<Rights> GetRightsAsync(CancellationToken ct = default)
    {
        if (_rights is not null) return _rights;
        var email = VerifiedEmail(http.HttpContext?.User);
        if (email is null) return _rights = Rights.Anonymous;

        var personId = await db.People.Where(p => p.Email == email).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var grants = personId is null
            ? []
            : await db.RoleGrants.AsNoTracking()
                .Where(g => g.PersonId == personId && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
                .OrderBy(g => g.GrantedAt).ThenBy(g => g.Id)
                .ToListAsync(ct);
        return _rights = new Rights(email, personId, grants);
    }

    /// <summary>Forgets what was loaded, after a mutation changed the caller's own rights.</summary>
    public void Reset() => _rights = null;

    public static string? VerifiedEmail(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true) return null;
        var email = user.FindFirstValue("email") ?? user.FindFirstValue(ClaimTypes.Email);
        // Entra ID work accounts have organisation-managed addresses; other issuers must say the address was checked.
        var verified = user.FindFirstValue("email_verified") is "true" or "True"
            || user.FindFirstValue("http://schemas.microsoft.com/identity/claims/tenantid") is not null
            || user.FindFirstValue("tid") is not null;
        return verified && email is not null ? EmailAddress.Normalize(email) : null;
    }
}
