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

    /// <summary>An optional base map (<c>Map:BaseMapOrigin</c>, e.g. https://tiles.example.org, matching the web client's
    /// VITE_BASEMAP_STYLE_URL) is the one other origin the app's pages may fetch styles, tiles and glyphs from.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var origin = app.ApplicationServices.GetRequiredService<IConfiguration>()["Map:BaseMapOrigin"];
        var appPolicy = AppPolicy;
        if (!string.IsNullOrWhiteSpace(origin))
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps || uri.PathAndQuery != "/")
                throw new InvalidOperationException("Map:BaseMapOrigin must be an https origin such as https://tiles.example.org");
            var allowed = uri.GetLeftPart(UriPartial.Authority);
            appPolicy = appPolicy.Replace("connect-src 'self'", $"connect-src 'self' {allowed}").Replace("img-src 'self'", $"img-src 'self' {allowed}");
        }
        return app.UseSecurityHeaders(appPolicy);
    }

    private static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, string appPolicy) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), payment=(), geolocation=(self)";
        headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments(WebClientEndpoints.GraphiQLPath) ? GraphiQLPolicy : appPolicy;
        return next(http);
    });
}
