namespace Coopol.Features.Targets;

/// <summary>A polling station's counts in one election, its candidates' votes added up by bloc (blocs as the campaign's
/// bloc definition groups the nuances).</summary>
public sealed record StationVotes(int Registered, int Voters, int Expressed, IReadOnlyDictionary<string, int> Blocs)
{
    public int Abstentions => Registered - Voters;

    public int VotesOf(IReadOnlyCollection<string> side) => Blocs.Where(b => side.Contains(b.Key)).Sum(b => b.Value);
}

/// <summary>One potential of a station, with the inputs that explain it (shown as the "why" of the station).</summary>
public sealed record Potential(double Value, IReadOnlyDictionary<string, double> Inputs);

/// <summary>Where the potential is, per polling station. Every formula is in docs/targets.md with its assumptions; each
/// returns its inputs so that the map can say why a station ranks where it does.</summary>
public static class Potentials
{
    /// <summary>Abstainers leaning our way: the target election's abstainers × our side's share of the votes cast in the
    /// reference elections (Σ our votes / Σ expressed over them). Assumes abstainers lean as the station's voters do.</summary>
    public static Potential LeaningAbstainers(StationVotes target, IReadOnlyList<StationVotes> references, IReadOnlyCollection<string> ourSide)
    {
        var expressed = references.Sum(r => r.Expressed);
        var share = expressed == 0 ? 0 : (double)references.Sum(r => r.VotesOf(ourSide)) / expressed;
        return new Potential(target.Abstentions * share, new Dictionary<string, double>
        {
            ["abstainers"] = target.Abstentions, ["ourShareInReferences"] = share,
        });
    }

    /// <summary>Reserve: the votes our side had in its best reference election, at the target's number of registered voters,
    /// that it no longer has: max(0, maxᵣ(ourᵣ / registeredᵣ) × registered − our votes now).</summary>
    public static Potential Reserve(StationVotes target, IReadOnlyList<StationVotes> references, IReadOnlyCollection<string> ourSide)
    {
        var best = references.Where(r => r.Registered > 0).Select(r => (double)r.VotesOf(ourSide) / r.Registered).DefaultIfEmpty(0).Max();
        var now = target.VotesOf(ourSide);
        return new Potential(Math.Max(0, best * target.Registered - now), new Dictionary<string, double>
        {
            ["bestReferenceShareOfRegistered"] = best, ["registered"] = target.Registered, ["ourVotesNow"] = now,
        });
    }

    /// <summary>Volatility (undecided): how much the station moved between two comparable elections, as the Pedersen index
    /// on shares of the registered voters (every bloc and abstention): ½ Σ |shareₐ − shareᵦ|, in voters at the target's
    /// registered. It counts net moves only: crossed moves that cancel out are not seen.</summary>
    public static Potential Volatility(StationVotes earlier, StationVotes later, int registered)
    {
        static Dictionary<string, double> Shares(StationVotes v)
        {
            var shares = v.Blocs.ToDictionary(b => b.Key, b => v.Registered == 0 ? 0 : (double)b.Value / v.Registered);
            // Abstention, blank and null: the registered who chose no candidate.
            shares["(no candidate)"] = v.Registered == 0 ? 0 : (double)(v.Registered - v.Expressed) / v.Registered;
            return shares;
        }
        var a = Shares(earlier);
        var b = Shares(later);
        var index = a.Keys.Union(b.Keys).Sum(k => Math.Abs(a.GetValueOrDefault(k) - b.GetValueOrDefault(k))) / 2;
        return new Potential(index * registered, new Dictionary<string, double> { ["pedersenIndex"] = index, ["registered"] = registered });
    }

    /// <summary>Between rounds, to remobilize: round one's voters of our side whom the transfer matrix expects to stay home in
    /// round two (our votes × β[our, no candidate]), plus round one's abstainers who lean our way.</summary>
    public static Potential Remobilization(StationVotes roundOne, double ourToNoCandidate, double leaningAbstainers, IReadOnlyCollection<string> ourSide)
    {
        var our = roundOne.VotesOf(ourSide);
        return new Potential(our * ourToNoCandidate + leaningAbstainers, new Dictionary<string, double>
        {
            ["ourRoundOneVotes"] = our, ["ourShareStayingHome"] = ourToNoCandidate, ["leaningAbstainers"] = leaningAbstainers,
        });
    }
}
