using System.Security.Claims;
using Coopol.Access;
using Coopol.Features.People;

namespace Coopol.Api.Auth;

/// <summary>The caller of a request: the account whose token the authentication middleware validated.</summary>
public sealed class HttpCallerSource(IHttpContextAccessor http) : ICallerSource
{
    public AccountIdentity? CurrentAccount => From(http.HttpContext?.User);

    public string? ClientAddress => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    /// <summary>A stable subject, and an email only when the issuer vouches for it.</summary>
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
