using FluentValidation;

namespace Coopol.Common;

public static class Validation
{
    /// <summary>Runs a validator and throws one error per refused field, named as the client spells it
    /// ("address.postalCode", or "filter.search" with a prefix).</summary>
    public static void ValidateOrThrow<T>(this IValidator<T> validator, T input, string? prefix = null)
    {
        var result = validator.Validate(input);
        if (result.IsValid) return;
        throw new InputValidationException(result.Errors
            .Select(e => new FieldError((prefix is null ? "" : prefix + ".") + ClientFieldName(e.PropertyName), e.ErrorCode, e.ErrorMessage))
            .ToList());
    }

    private static string ClientFieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));
}
