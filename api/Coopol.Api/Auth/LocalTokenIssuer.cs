using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Coopol.Api.Auth;

/// <summary>Signs tokens for local development and tests; they are checked by the same JWT bearer validation
/// as any other token.</summary>
public sealed class LocalTokenIssuer(LocalSigningKey key, TimeProvider clock)
{
    public (string Token, DateTime ExpiresAt) Issue(string email, string displayName, TimeSpan? lifetime = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + (lifetime ?? TimeSpan.FromHours(8));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = LocalSigningKey.Issuer,
            Audience = LocalSigningKey.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity([
                new Claim("sub", email), new Claim("email", email), new Claim("email_verified", "true", ClaimValueTypes.Boolean),
                new Claim("name", displayName),
            ]),
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }
}
