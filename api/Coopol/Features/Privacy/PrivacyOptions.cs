namespace Coopol.Features.Privacy;

/// <summary>Privacy settings (<c>Privacy:*</c>).</summary>
public sealed class PrivacyOptions
{
    /// <summary>An aggregate about people (on a map, in a review, a segment's count for who does not see everyone) below
    /// this is withheld, so that no cell singles anyone out. At least 3.</summary>
    public int SmallCountMinimum { get; set; } = 5;

    public int Minimum => Math.Max(3, SmallCountMinimum);
}
