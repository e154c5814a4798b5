namespace Coopol.Common.Paging;

/// <summary>What a Relay connection field asked for: forward (first, after) or backward (last, before), and whether
/// the total count is wanted (it costs a COUNT, so it is only run when selected).</summary>
public sealed record PageRequest(int Size, string? After, string? Before, bool Backward, bool WantsTotalCount)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 100;
    /// <summary>Cursors are short; anything longer is not one this API gave.</summary>
    public const int MaxCursorLength = 600;

    public static readonly PageRequest Default = new(DefaultSize, null, null, false, false);

    public static PageRequest From(int? first, string? after, int? last, string? before, bool wantsTotalCount)
    {
        if (first is not null && last is not null)
            throw InputValidationException.For("last", "FIRST_AND_LAST", "Page with either first/after or last/before, not both.");
        var backward = last is not null || (first is null && before is not null);
        var size = first ?? last ?? DefaultSize;
        if (size < 0 || size > MaxSize)
            throw InputValidationException.For(last is null ? "first" : "last", "OUT_OF_RANGE", $"A page holds between 0 and {MaxSize} items.");
        if (after is { Length: > MaxCursorLength }) throw InvalidCursor("after");
        if (before is { Length: > MaxCursorLength }) throw InvalidCursor("before");
        return new PageRequest(size, after, before, backward, wantsTotalCount);
    }

    public static InputValidationException InvalidCursor(string field) =>
        InputValidationException.For(field, "INVALID_CURSOR", "The cursor is not one this API returned.");
}

/// <summary>One page of an ordered list. TotalCount is null when it was not asked for.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, bool HasNextPage, bool HasPreviousPage, int? TotalCount, Func<T, string> CursorOf)
{
    public static Page<T> Empty(Func<T, string> cursorOf, bool countAsked) => new([], false, false, countAsked ? 0 : null, cursorOf);
}
