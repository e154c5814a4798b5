using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Coopol.Api.Web;

/// <summary>Serves the built web client (web-client/dist) with a fallback to index.html for client-side routes,
/// and the GraphiQL page at /graphql/ide outside production. Hashed assets are cached for a year; pages are
/// revalidated so a new version is picked up at once.</summary>
public static class WebClientEndpoints
{
    public const string GraphiQLPath = "/graphql/ide";

    public static void MapWebClient(this WebApplication app, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var root = Path.GetFullPath(configuration["WebClient:Root"]
            ?? Path.Combine(environment.ContentRootPath, "..", "..", "web-client", "dist"));
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("Web client not built at {Root}: run scripts/dev or npm run build in web-client.", root);
            return;
        }
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        if (!environment.IsProduction())
            app.MapGet(GraphiQLPath, (HttpContext http) => Page(http, Path.Combine(root, "graphiql.html")));
        app.MapFallback((HttpContext http) => Page(http, Path.Combine(root, "index.html")));
    }

    private static IResult Page(HttpContext http, string file)
    {
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.File(file, "text/html; charset=utf-8");
    }
}
