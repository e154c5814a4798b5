using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coopol.Common;

/// <summary>A small list stored as a JSON array in a jsonb column, read and written with its row and never queried.
/// Anything but an array (a column added with a default of its own) reads as an empty list.</summary>
public sealed class JsonListConverter<T>() : ValueConverter<List<T>, string>(v => JsonSerializer.Serialize(v, Options), v => Read(v))
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    private static List<T> Read(string v) => v.TrimStart().StartsWith('[') ? JsonSerializer.Deserialize<List<T>>(v, Options) ?? [] : [];

    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
        v => v.ToList());
}

/// <summary>A small object stored as JSON in a jsonb column, read and written with its row and never queried; compared
/// by its JSON so a replaced or changed value is saved.</summary>
public sealed class JsonValueConverter<T>() : ValueConverter<T, string>(v => JsonSerializer.Serialize(v, Options), v => Read(v))
    where T : class, new()
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static T Read(string v) => v.TrimStart().StartsWith('{') ? JsonSerializer.Deserialize<T>(v, Options) ?? new T() : new T();

    public static readonly ValueComparer<T> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
        v => Read(JsonSerializer.Serialize(v, Options)));
}
