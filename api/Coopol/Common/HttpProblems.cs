using Microsoft.AspNetCore.Http;

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
}
