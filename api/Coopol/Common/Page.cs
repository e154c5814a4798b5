using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Common;

/// <summary>A slice of an ordered list, for Relay connections. Cursors are opaque offsets; every list is
/// ordered with an id tiebreaker so pages are stable.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Offset, int TotalCount)
{
    public bool HasNextPage => Offset + Items.Count < TotalCount;
    public bool HasPreviousPage => Offset > 0;
    public string CursorAt(int index) => PageRequest.EncodeCursor(Offset + index);
}

public sealed record PageRequest(int First, int Offset)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;

    public static PageRequest From(int? first, string? after)
    {
        var size = first ?? DefaultSize;
        if (size < 0 || size > MaxSize)
            throw InputValidationException.For("first", "OUT_OF_RANGE", $"first must be between 0 and {MaxSize}.");
        var offset = after is null ? 0 : DecodeCursor(after) + 1;
        return new PageRequest(size, offset);
    }

    public static string EncodeCursor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{offset}"));

    private static int DecodeCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            // Offsets past any real list are refused rather than overflowing.
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], out var n) && n is >= 0 and < 100_000_000) return n;
        }
        catch (FormatException)
        {
        }
        throw InputValidationException.For("after", "INVALID_CURSOR", "The cursor is not one this API returned.");
    }

    public async Task<Page<T>> ApplyAsync<T>(IQueryable<T> ordered, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = First == 0 ? [] : await ordered.Skip(Offset).Take(First).ToListAsync(ct);
        return new Page<T>(items, Offset, total);
    }
}
