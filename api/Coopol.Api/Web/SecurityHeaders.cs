namespace Coopol.Api.Web;

/// <summary>Headers every answer carries: no MIME sniffing, no framing, no referrer sent elsewhere, and a content
/// security policy that lets pages load only the app's own scripts. GraphiQL's editor needs eval, its page only.</summary>
public static class SecurityHeaders
{
    private const string AppPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; "
        + "frame-ancestors 'none'";
    private const string GraphiQLPolicy = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
        + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), geolocation=(self)";
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(WebClientEndpoints.GraphiQLPath) ? GraphiQLPolicy : AppPolicy;
        return next(http);
    });
}
