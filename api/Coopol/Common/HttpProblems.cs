using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Coopol.Common;

/// <summary>Expected failures of plain HTTP endpoints as RFC 9457 problems, with the same code as in GraphQL.</summary>
public static class HttpProblems
{
    public static IResult From(CoopolException e) => Results.Problem(e.Message, statusCode: StatusOf(e.Code),
        extensions: new Dictionary<string, object?> { ["code"] = e.Code });

    public static int StatusOf(string code) => code switch
    {
        "UNAUTHENTICATED" => StatusCodes.Status401Unauthorized,
        "FORBIDDEN" => StatusCodes.Status403Forbidden,
        _ when code.EndsWith("NOT_FOUND", StringComparison.Ordinal) => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Runs an endpoint's work: expected failures become their problem, a database that times out or is out of
    /// reach becomes 503 (retry later), never a 500; neither is cached.</summary>
    public static async Task<IResult> RunAsync(HttpContext http, Func<Task<IResult>> work)
    {
        try
        {
            return await work();
        }
        catch (CoopolException e)
        {
            http.Response.Headers.CacheControl = "no-store";
            return From(e);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException && !http.RequestAborted.IsCancellationRequested)
        {
            http.Response.Headers.CacheControl = "no-store";
            http.Response.Headers.RetryAfter = "30";
            return Results.Problem("The data is busy or out of reach; try again in a moment.", statusCode: StatusCodes.Status503ServiceUnavailable,
                extensions: new Dictionary<string, object?> { ["code"] = "UNAVAILABLE" });
        }
    }
}
