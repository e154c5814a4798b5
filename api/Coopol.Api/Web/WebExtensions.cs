using Microsoft.AspNetCore.HttpOverrides;
using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Coopol.Api.Web;

public static class WebExtensions
{
    /// <summary>ProblemDetails for plain endpoints, and compression (phones in the street have slow networks).</summary>
    public static IServiceCollection AddCoopolWeb(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddResponseCompression(o =>
        {
            // No secret is reflected next to user input in these answers (tokens travel in headers), so compressing
            // over HTTPS does not open BREACH-style guessing.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/graphql-response+json", "image/svg+xml"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseCoopolWeb(this WebApplication app)
    {
        // Behind a reverse proxy, the client's address (rate limits on anonymous sign-ups) comes from X-Forwarded-For,
        // trusted only from the proxies named in Web:KnownProxies.
        var proxies = app.Configuration["Web:KnownProxies"]?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        if (proxies.Length > 0)
        {
            var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            foreach (var proxy in proxies) options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            app.UseForwardedHeaders(options);
        }
        app.UseExceptionHandler();
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing")) app.UseHsts();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        return app;
    }

    /// <summary>A bearer token that was sent but does not validate (forged, tampered, expired) is refused with 401 and
    /// WWW-Authenticate, rather than treated as no token: the client learns to sign in again.</summary>
    public static WebApplication UseRefusalOfInvalidTokens(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            // The authentication middleware keeps only successes; a bearer token it could not validate is asked again
            // (the handler caches its answer for the request).
            if (http.User.Identity?.IsAuthenticated != true
                && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                && !(await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(http)).Succeeded)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                http.Response.Headers.CacheControl = "no-store";
                await Results.Problem("The access token is not valid: sign in again.", statusCode: StatusCodes.Status401Unauthorized,
                    extensions: new Dictionary<string, object?> { ["code"] = "UNAUTHENTICATED" }).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        return app;
    }

    /// <summary>The plain HTTP endpoints the features declare (export downloads...).</summary>
    public static WebApplication MapCoopolEndpoints(this WebApplication app)
    {
        foreach (var feature in CoopolFeatures.All) feature.MapEndpoints(app);
        return app;
    }
}
