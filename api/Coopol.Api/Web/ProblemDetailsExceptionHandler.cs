using Microsoft.AspNetCore.Diagnostics;

namespace Coopol.Api.Web;

/// <summary>Plain HTTP endpoints answer errors as ProblemDetails: a request the framework could not read (malformed
/// JSON, a missing body) is the client's 400, not a 500; anything else is a masked 500.</summary>
public sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, detail) = exception is BadHttpRequestException bad
            ? (bad.StatusCode, "The request could not be read: send a JSON body as documented.")
            : (StatusCodes.Status500InternalServerError, "Something went wrong on our side; it has been logged.");
        // What we say is logged is logged (the framework does not log exceptions a handler takes).
        if (status >= 500) logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Detail = detail },
            Exception = exception,
        });
    }
}
