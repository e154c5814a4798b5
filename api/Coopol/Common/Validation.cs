using FluentValidation;

namespace Coopol.Common;

public static class Validation
{
    /// <summary>Runs a validator and throws one error per refused field, named as the client spells it
    /// ("address.postalCode").</summary>
    public static void ValidateOrThrow<T>(this IValidator<T> validator, T input)
    {
        var result = validator.Validate(input);
        if (result.IsValid) return;
        throw new InputValidationException(result.Errors
            .Select(e => new FieldError(ClientFieldName(e.PropertyName), e.ErrorCode, e.ErrorMessage))
            .ToList());
    }

    private static string ClientFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
