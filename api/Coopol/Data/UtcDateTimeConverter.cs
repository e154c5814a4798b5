using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coopol.Data;

/// <summary>Npgsql refuses non-UTC DateTime for timestamptz; this makes every stored instant explicitly UTC.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
