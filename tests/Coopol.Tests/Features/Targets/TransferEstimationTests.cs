using Coopol.Features.Targets;

namespace Coopol.Tests.Features.Targets;

/// <summary>The bounded Goodman regression on cases checked by hand: the simplex projection, an exact two-station case,
/// a matrix recovered from stations that follow it exactly, and data that push an unbounded regression out of [0, 1].</summary>
public sealed class TransferEstimationTests
{
    [Theory]
    [InlineData(new[] { 0.5, 0.5 }, new[] { 0.5, 0.5 })]
    [InlineData(new[] { 2.0, 0.0 }, new[] { 1.0, 0.0 })]
    [InlineData(new[] { 0.2, 0.2 }, new[] { 0.5, 0.5 })]
    [InlineData(new[] { -1.0, 0.5, 0.7 }, new[] { 0.0, 0.4, 0.6 })]
    public void TheProjectionOntoTheSimplexIsTheClosestSetOfSharesAddingUpToOne(double[] point, double[] expected)
    {
        var projected = TransferEstimation.ProjectOntoSimplex(point);
        projected.Length.ShouldBe(expected.Length);
        for (var i = 0; i < expected.Length; i++) projected[i].ShouldBe(expected[i], 1e-12);
    }

    [Fact]
    public void TwoStationsEachOfOneBlocGiveTheirTransfersExactly()
    {
        // Station A voted all for the left in round one: 80 of its 100 voted for the left's candidate in round two, 20
        // abstained. Station B, all for the others: 10 and 90. The matrix is read off: left → 0.8 / 0.2, others → 0.1 / 0.9.
        var matrix = TransferEstimation.Estimate([new("A", [100, 0], [80, 20]), new("B", [0, 100], [10, 90])], bootstrap: 0);
        matrix.Shares[0][0].ShouldBe(0.8, 1e-6);
        matrix.Shares[0][1].ShouldBe(0.2, 1e-6);
        matrix.Shares[1][0].ShouldBe(0.1, 1e-6);
        matrix.Shares[1][1].ShouldBe(0.9, 1e-6);
        matrix.MeanAbsoluteError.ShouldBe(0, 1e-4);
    }

    [Fact]
    public void StationsThatFollowAMatrixExactlyGiveItBackWithAPerfectFit()
    {
        double[][] truth = [[0.85, 0.05, 0.10], [0.10, 0.70, 0.20], [0.05, 0.15, 0.80]];
        var random = new Random(7);
        var stations = Enumerable.Range(0, 60).Select(i =>
        {
            var registered = 600 + random.Next(900);
            var a = random.NextDouble();
            var b = random.NextDouble() * (1 - a);
            double[] first = [registered * a, registered * b, registered * (1 - a - b)];
            return new TransferStation($"S{i}", first, TransferEstimation.Predict(first, truth));
        }).ToList();
        var matrix = TransferEstimation.Estimate(stations, bootstrap: 20);
        for (var j = 0; j < 3; j++)
            for (var k = 0; k < 3; k++) matrix.Shares[j][k].ShouldBe(truth[j][k], 1e-4);
        matrix.RSquared.ShouldAllBe(r => r > 0.9999);
        matrix.MeanAbsoluteError.ShouldBeLessThan(0.05);
        matrix.StandardErrors.SelectMany(r => r).ShouldAllBe(e => e < 1e-3);
    }

    [Fact]
    public void WhereAnUnboundedRegressionWouldGiveANegativeShareEveryShareStaysInZeroToOneAndEveryRowAddsUpToOne()
    {
        // The more the left weighs in round one, the fewer vote for option 1 in round two: an unbounded slope says the left
        // gave option 1 a negative share.
        var matrix = TransferEstimation.Estimate(
        [
            new("A", [200, 800], [50, 950]), new("B", [500, 500], [20, 980]), new("C", [800, 200], [0, 1000]),
        ], bootstrap: 10);
        foreach (var row in matrix.Shares)
        {
            row.ShouldAllBe(s => s >= 0 && s <= 1);
            row.Sum().ShouldBe(1, 1e-9);
        }
        matrix.Shares[0][0].ShouldBe(0, 1e-6);
    }
}
