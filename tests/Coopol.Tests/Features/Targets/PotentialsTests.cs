using Coopol.Features.Targets;

namespace Coopol.Tests.Features.Targets;

/// <summary>Each potential on a station small enough to check by hand.</summary>
public sealed class PotentialsTests
{
    private static readonly string[] Left = ["gauche", "extrême gauche"];

    // 1,000 registered, 600 voted, 580 expressed: gauche 250, extrême gauche 30, centre 180, extrême droite 120.
    private static readonly StationVotes Target = new(1000, 600, 580,
        new Dictionary<string, int> { ["gauche"] = 250, ["extrême gauche"] = 30, ["centre"] = 180, ["extrême droite"] = 120 });

    // Two references: 300 of 600 expressed for the left, then 200 of 500.
    private static readonly StationVotes[] References =
    [
        new(980, 620, 600, new Dictionary<string, int> { ["gauche"] = 280, ["extrême gauche"] = 20, ["centre"] = 200, ["extrême droite"] = 100 }),
        new(1000, 520, 500, new Dictionary<string, int> { ["gauche"] = 200, ["centre"] = 150, ["extrême droite"] = 150 }),
    ];

    [Fact]
    public void AbstainersLeaningOurWayAreTheAbstainersTimesOurShareInTheReferences()
    {
        // 400 abstainers × (300 + 200) / (600 + 500) = 400 × 0.4545… = 181.8
        var p = Potentials.LeaningAbstainers(Target, References, Left);
        p.Value.ShouldBe(400 * 500.0 / 1100, 1e-9);
        p.Inputs["abstainers"].ShouldBe(400);
    }

    [Fact]
    public void TheReserveIsWhatOurBestReferenceHadAtTodaysRegisteredMinusWhatWeHave()
    {
        // Best: 300 / 980 of the registered; × 1,000 = 306.1; we have 280 → 26.1. Never below zero.
        Potentials.Reserve(Target, References, Left).Value.ShouldBe(300.0 / 980 * 1000 - 280, 1e-9);
        Potentials.Reserve(References[0], [References[1]], Left).Value.ShouldBe(0);
    }

    [Fact]
    public void VolatilityIsHalfTheSumOfTheMovesOfEveryBlocAndOfThoseWhoChoseNoCandidate()
    {
        // Shares of 1,000 registered: gauche 0.20 → 0.25, extrême gauche 0 → 0.03, centre 0.15 → 0.18, extrême droite
        // 0.15 → 0.12, no candidate 0.50 → 0.42. Moves: 0.05 + 0.03 + 0.03 + 0.03 + 0.08 = 0.22; half: 0.11 → 110 voters.
        var p = Potentials.Volatility(References[1], Target, 1000);
        p.Inputs["pedersenIndex"].ShouldBe(0.11, 1e-9);
        p.Value.ShouldBe(110, 1e-6);
    }

    [Fact]
    public void RemobilizationAddsOurVotersExpectedToStayHomeToTheAbstainersLeaningOurWay()
    {
        // 280 left voters in round one, 14 % of whom the matrix expects to stay home: 39.2, plus 181.8 leaning abstainers.
        var leaning = Potentials.LeaningAbstainers(Target, References, Left).Value;
        Potentials.Remobilization(Target, 0.14, leaning, Left).Value.ShouldBe(280 * 0.14 + leaning, 1e-9);
    }
}
