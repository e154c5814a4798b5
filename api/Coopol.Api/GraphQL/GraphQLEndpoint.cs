using System.Text;
using System.Text.Json;
using Coopol.Common.GraphQL;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Net.Http.Headers;

namespace Coopol.Api.GraphQL;

/// <summary>GET and POST /graphql following the GraphQL-over-HTTP spec (checked against graphql-http's audits):
/// application/graphql-response+json when accepted (400 for requests that do not execute), application/json
/// otherwise, 415 for other bodies, 405 for a mutation over GET, 400 for malformed requests.</summary>
public static class GraphQLEndpoint
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    public static void MapGraphQLEndpoint(this WebApplication app, string path) =>
        app.MapMethods(path, [HttpMethods.Get, HttpMethods.Post], HandleAsync);

    /// <summary>Real documents and variables are a few kilobytes; a larger body is refused (413) before parsing.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    private static async Task HandleAsync(HttpContext http, IDocumentExecuter<CoopolSchema> executer, IGraphQLTextSerializer serializer)
    {
        // Answers carry personal data for one caller: no browser or proxy keeps them.
        http.Response.Headers.CacheControl = "no-store";
        // The server refuses a larger body while reading it (Kestrel answers 413 and drains it cleanly); a server without
        // that feature (the in-memory test server) is told by the declared length.
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        else if (http.Request.ContentLength > MaxBodyBytes)
        {
            await Problem(http, StatusCodes.Status413PayloadTooLarge, $"Requests are limited to {MaxBodyBytes / 1024} KB.");
            return;
        }
        var mediaType = ChooseMediaType(http.Request);
        if (mediaType is null)
        {
            await Problem(http, StatusCodes.Status406NotAcceptable, $"Accept {GraphQLResponse} or {Json}.");
            return;
        }
        var isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !IsJson(http.Request.ContentType))
        {
            await Problem(http, StatusCodes.Status415UnsupportedMediaType, $"Send the request as {Json}.");
            return;
        }

        var (request, error) = isGet ? ReadQueryString(http.Request, serializer) : await ReadBodyAsync(http.Request, serializer);
        if (request is null)
        {
            await Problem(http, StatusCodes.Status400BadRequest, error!);
            return;
        }
        // Parsed once here: bounded before validation (DocumentGuard), checked for GET, then handed to the executer.
        var document = TryParse(request.Query!);
        if (document is not null && DocumentGuard.Check(document) is { } tooLarge)
        {
            await WriteAsync(http, serializer, mediaType, new ExecutionResult { Errors = [new ExecutionError(tooLarge) { Code = "COMPLEXITY" }] });
            return;
        }
        if (isGet && document is not null && !IsQuery(document, request.OperationName))
        {
            await MethodNotAllowed(http);
            return;
        }

        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = document is null ? request.Query : null,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            // Belt and braces: whatever operation the executer picks over GET, it must be a query.
            ValidationRules = isGet ? DocumentValidator.CoreRules.Append(QueryOnlyOverGetRule.Instance) : null,
            User = http.User,
            CancellationToken = http.RequestAborted,
        });
        if (isGet && result.Errors?.Any(e => e.Code == QueryOnlyOverGetRule.Code) == true)
        {
            await MethodNotAllowed(http);
            return;
        }
        await WriteAsync(http, serializer, mediaType, result);
    }

    private static async Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, ExecutionResult result)
    {
        http.Response.StatusCode = mediaType == GraphQLResponse && !result.Executed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        http.Response.ContentType = mediaType + "; charset=utf-8";
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>The document, or null when it does not parse (the executer then answers the syntax error).</summary>
    private static GraphQLDocument? TryParse(string query)
    {
        try
        {
            return GraphQLParser.Parser.Parse(query, new GraphQLParser.ParserOptions { Ignore = GraphQLParser.IgnoreOptions.Comments });
        }
        catch (GraphQLParser.Exceptions.GraphQLParserException)
        {
            return null;
        }
    }

    /// <summary>No Accept, */* or application/json get application/json, the spec's legacy default.</summary>
    private static string? ChooseMediaType(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0) return Json;
        if (accept.Any(a => a.MediaType.Equals(GraphQLResponse, StringComparison.OrdinalIgnoreCase))) return GraphQLResponse;
        return accept.Any(a => a.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase) || a.MediaType == "*/*" || a.MediaType == "application/*")
            ? Json : null;
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var parsed) && parsed.MediaType.Equals(Json, StringComparison.OrdinalIgnoreCase);

    private static async Task<(GraphQLRequest?, string?)> ReadBodyAsync(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        try
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            var root = body.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "The body must be a JSON object.");
            return Build(
                root.TryGetProperty("query", out var q) ? q : default,
                root.TryGetProperty("operationName", out var o) ? o : default,
                root.TryGetProperty("variables", out var v) ? v.GetRawText() : null,
                root.TryGetProperty("extensions", out var e) ? e.GetRawText() : null,
                serializer);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or DecoderFallbackException)
        {
            // Malformed JSON, or JSON strings that are not valid UTF-8 / UTF-16 (read lazily by GetString).
            return (null, "The body is not valid JSON.");
        }
    }

    private static (GraphQLRequest?, string?) ReadQueryString(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        string? Param(string name) => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
        using var query = JsonDocument.Parse(JsonSerializer.Serialize(Param("query")));
        using var operation = JsonDocument.Parse(JsonSerializer.Serialize(Param("operationName")));
        try
        {
            return Build(query.RootElement, operation.RootElement, Param("variables"), Param("extensions"), serializer);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return (null, "variables and extensions must be JSON objects.");
        }
    }

    private static (GraphQLRequest?, string?) Build(JsonElement query, JsonElement operationName, string? variables, string? extensions, IGraphQLTextSerializer serializer)
    {
        if (query.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(query.GetString())) return (null, "query must be a non-empty string.");
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String)) return (null, "operationName must be a string.");
        if (!IsObjectOrNull(variables)) return (null, "variables must be a JSON object.");
        if (!IsObjectOrNull(extensions)) return (null, "extensions must be a JSON object.");
        return (new GraphQLRequest
        {
            Query = query.GetString(),
            // "" names no operation, as GraphQL.NET reads it: normalised here so the GET check sees the same operation.
            OperationName = operationName.ValueKind == JsonValueKind.String && operationName.GetString() is { Length: > 0 } name ? name : null,
            Variables = variables is null or "null" ? null : serializer.Deserialize<Inputs>(variables),
            Extensions = extensions is null or "null" ? null : serializer.Deserialize<Inputs>(extensions),
        }, null);
    }

    private static bool IsObjectOrNull(string? json)
    {
        if (json is null) return true;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Null;
    }

    /// <summary>Whether the operation GraphQL.NET will run is a query ("" names no operation, as GraphQL.NET reads it; an
    /// ambiguous choice is left to the executer to report).</summary>
    private static bool IsQuery(GraphQLDocument document, string? operationName)
    {
        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = string.IsNullOrEmpty(operationName)
            ? operations.Count == 1 ? operations[0] : null
            : operations.FirstOrDefault(o => o.Name?.StringValue == operationName);
        return operation is null || operation.Operation == OperationType.Query;
    }

    private static Task MethodNotAllowed(HttpContext http)
    {
        http.Response.Headers.Allow = HttpMethods.Post;
        return Problem(http, StatusCodes.Status405MethodNotAllowed, "Mutations are sent with POST.");
    }

    private static Task Problem(HttpContext http, int status, string detail) =>
        Results.Problem(detail, statusCode: status).ExecuteAsync(http);
}

/// <summary>Over GET only queries run (a GET must not change anything).</summary>
public sealed class QueryOnlyOverGetRule : ValidationRuleBase
{
    public const string Code = "METHOD_NOT_ALLOWED";
    public static readonly QueryOnlyOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
            context.ReportError(new ValidationError(context.Document.Source, null, "Mutations are sent with POST.", context.Operation) { Code = Code });
        return default;
    }
}
