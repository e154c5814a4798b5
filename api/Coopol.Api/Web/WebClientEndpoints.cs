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
        if (environment.IsProduction())
            // GraphiQL is a development tool: its page is not served in production, under either path.
            app.Use((http, next) => http.Request.Path.Equals("/graphiql.html", StringComparison.OrdinalIgnoreCase)
                ? Results.NotFound().ExecuteAsync(http) : next(http));
        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl =
                ctx.Context.Request.Path.StartsWithSegments("/assets") ? "public, max-age=31536000, immutable" : "no-cache",
        });
        if (!environment.IsProduction())
            app.MapGet(GraphiQLPath, (HttpContext http) => Page(http, Path.Combine(root, "graphiql.html")));
        // Client-side routes are pages read with GET; API paths that matched nothing are not pages.
        app.MapMethods("{*path:nonfile}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http) =>
                ApiPrefixes.Any(p => http.Request.Path.StartsWithSegments(p))
                    ? Results.Problem("Nothing here.", statusCode: StatusCodes.Status404NotFound)
                    : Page(http, Path.Combine(root, "index.html")))
            .WithOrder(int.MaxValue);
    }

    private static readonly string[] ApiPrefixes = ["/graphql", "/auth", "/exports", "/tiles", "/geojson", "/results.csv", "/messaging"];

    private static IResult Page(HttpContext http, string file)
    {
        http.Response.Headers[HeaderNames.CacheControl] = "no-cache";
        return Results.File(file, "text/html; charset=utf-8");
    }
}
