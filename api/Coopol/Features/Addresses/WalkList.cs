using System.Globalization;

namespace Coopol.Features.Addresses;

/// <summary>Walk lists: a turf's addresses in walking order, cut into contiguous shares of about equal doors.</summary>
public static class WalkList
{
    /// <summary>A cut moves to the nearest street change when that costs at most this share of a share's doors.</summary>
    public const double StreetChangeTolerance = 0.10;

    private static readonly CompareInfo French = CultureInfo.GetCultureInfo("fr-FR").CompareInfo;

    /// <summary>Walking order: commune, street (French collation, case and accents ignored), the odd side then the even
    /// side, number, suffix (none first), then id.</summary>
    public static IComparer<TurfAddress> Order { get; } = Comparer<TurfAddress>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.CommuneCode, b.CommuneCode);
        if (c == 0) c = French.Compare(a.StreetName, b.StreetName, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace);
        if (c == 0) c = (a.Number % 2 == 0).CompareTo(b.Number % 2 == 0);
        if (c == 0) c = a.Number.CompareTo(b.Number);
        if (c == 0) c = (a.Suffix is not null).CompareTo(b.Suffix is not null);
        if (c == 0) c = French.Compare(a.Suffix, b.Suffix, CompareOptions.IgnoreCase);
        return c != 0 ? c : a.Id.CompareTo(b.Id);
    });

    /// <summary>Orders the addresses (<see cref="Order"/>) and cuts them into exactly <paramref name="shares"/> contiguous
    /// shares balanced by doors (<see cref="TurfAddress.Doors"/>); an address is never cut. The rule: cut k goes where the
    /// doors before it come nearest to k/N of all doors; if a street (or commune) change lies within
    /// <see cref="StreetChangeTolerance"/> of a share's doors of that point, the nearest such change is taken instead.
    /// Every share gets at least one address while there are enough; with fewer addresses than shares, the first shares get
    /// one address each and the last ones are empty.</summary>
    public static IReadOnlyList<IReadOnlyList<TurfAddress>> Split(IEnumerable<TurfAddress> addresses, int shares)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shares, 1);
        var ordered = addresses.Order(Order).ToList();
        var count = ordered.Count;
        // before[j]: the doors of the addresses before position j.
        var before = new long[count + 1];
        for (var j = 0; j < count; j++) before[j + 1] = before[j] + ordered[j].Doors;
        var total = before[count];
        var tolerance = StreetChangeTolerance * total / shares;
        var streetChanges = Enumerable.Range(0, count + 1).Select(j => IsStreetChange(ordered, j)).ToArray();
        var cuts = new int[shares + 1];
        cuts[shares] = count;
        for (var k = 1; k < shares; k++)
        {
            // Cut k lies after the previous one and leaves an address to each share after it, when there are enough.
            var low = Math.Min(cuts[k - 1] + 1, count);
            var high = Math.Max(low, count - (shares - k));
            var ideal = (double)total * k / shares;
            var best = low;
            for (var j = low; j <= high; j++)
                if (Math.Abs(before[j] - ideal) < Math.Abs(before[best] - ideal)) best = j;
            var street = -1;
            for (var j = low; j <= high; j++)
                if (streetChanges[j] && Math.Abs(before[j] - before[best]) <= tolerance
                    && (street < 0 || Math.Abs(before[j] - ideal) < Math.Abs(before[street] - ideal)))
                    street = j;
            cuts[k] = street >= 0 ? street : best;
        }
        var result = new List<IReadOnlyList<TurfAddress>>(shares);
        for (var k = 0; k < shares; k++) result.Add(ordered.GetRange(cuts[k], cuts[k + 1] - cuts[k]));
        return result;
    }

    /// <summary>Whether position <paramref name="j"/> starts another street (the ends of the list count as changes).</summary>
    private static bool IsStreetChange(List<TurfAddress> ordered, int j) =>
        j == 0 || j == ordered.Count || ordered[j].CommuneCode != ordered[j - 1].CommuneCode
        || French.Compare(ordered[j].StreetName, ordered[j - 1].StreetName, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) != 0;
}
