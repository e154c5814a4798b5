using Coopol.Data;
using Coopol.Data.DemoData;
using Coopol.Features.People;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Api.Auth;

/// <summary>Development sign-in: lists the demo accounts and signs a token for a person's email.
/// Mapped only when no identity provider is configured (never in production). Like the sign-in binding, it reads
/// People outside the scoped path on purpose: only the demo accounts' names, for the sign-in page.</summary>
public static class LocalSignInEndpoints
{
    public sealed record DevUser(string Email, string DisplayName, string Description);
    public sealed record TokenRequest(string? Email);
    public sealed record TokenResponse(string AccessToken, DateTime ExpiresAt);

    public static IEndpointRouteBuilder MapLocalSignIn(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.LocalSignInEnabled()) return app;
        var group = app.MapGroup("/auth/dev").AllowAnonymous()
            // A token is a secret: never cached; a request for one is a few bytes.
            .AddEndpointFilter(async (ctx, next) =>
            {
                ctx.HttpContext.Response.Headers.CacheControl = "no-store";
                return await next(ctx);
            })
            .WithMetadata(new BodyLimit(4096));
        group.MapGet("/users", async (CoopolDbContext db, CancellationToken ct) =>
        {
            var emails = DemoUsers.All.Select(u => u.Email).ToList();
            var people = await db.People.AsNoTracking().Where(p => p.Email != null && emails.Contains(p.Email) && p.LinkedToId == null)
                .ToDictionaryAsync(p => p.Email!, p => p.FirstName + " " + p.LastName, ct);
            return TypedResults.Ok(DemoUsers.All.Where(u => people.ContainsKey(u.Email))
                .Select(u => new DevUser(u.Email, people[u.Email], u.Description)).ToList());
        });
        group.MapPost("/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (
            TokenRequest? request, CoopolDbContext db, LocalTokenIssuer issuer, CancellationToken ct) =>
        {
            // Only the demo accounts: a token for any address would let whoever reaches a demo server read as anyone.
            if (request?.Email is null)
                return TypedResults.Problem("Send { \"email\": \"...\" }.", statusCode: StatusCodes.Status400BadRequest);
            var email = EmailAddress.Normalize(request.Email);
            var person = DemoUsers.All.Any(u => u.Email == email)
                ? await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email && p.LinkedToId == null, ct)
                : null;
            if (person is null)
                return TypedResults.Problem("This is not a demo account.", statusCode: StatusCodes.Status404NotFound);
            var (token, expiresAt) = issuer.Issue(email, person.DisplayName);
            return TypedResults.Ok(new TokenResponse(token, expiresAt));
        });
        return app;
    }
}

/// <summary>Request body limit for an endpoint (honoured by Kestrel through routing).</summary>
internal sealed record BodyLimit(long? MaxRequestBodySize) : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata;
