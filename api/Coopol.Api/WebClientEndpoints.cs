using Microsoft.Extensions.FileProviders;

namespace Coopol.Api;

/// <summary>Serves the built web client (web-client/dist) with a fallback to index.html for client-side routes,
/// and the GraphiQL page at /graphql/ide in development.</summary>
public static class WebClientEndpoints
{
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
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        if (!environment.IsProduction())
            app.MapGet("/graphql/ide", () => Results.File(Path.Combine(root, "graphiql.html"), "text/html"));
        app.MapFallback(() => Results.File(Path.Combine(root, "index.html"), "text/html"));
    }
}
