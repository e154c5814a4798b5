namespace Coopol.Common;

/// <summary>An expected failure with a stable code; the GraphQL layer shows it as extensions.code,
/// mutations report it in their payload. Anything else stays masked.</summary>
public abstract class CoopolException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>One refused input value; Field names the input field as the client sent it.</summary>
public sealed record FieldError(string Field, string Code, string Message);

public sealed class InputValidationException(IReadOnlyList<FieldError> errors)
    : CoopolException("VALIDATION_FAILED", string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public static InputValidationException For(string field, string code, string message) =>
        new([new FieldError(field, code, message)]);
}

public sealed class UnauthenticatedException()
    : CoopolException("UNAUTHENTICATED", "Sign in to do this.");

public sealed class ForbiddenException(string message)
    : CoopolException("FORBIDDEN", message);
