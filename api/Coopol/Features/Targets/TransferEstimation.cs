namespace Coopol.Features.Targets;

/// <summary>One polling station in a transfer estimate: what its registered voters did in round one (a count per bloc,
/// abstention included) and in round two (a count per option, abstention included). Both rows add up to the station's
/// registered voters (the estimate reads them as shares of it).</summary>
public sealed record TransferStation(string StationId, double[] First, double[] Second);

/// <summary>The estimated transfer matrix: <see cref="Shares"/>[j][k] is the share of round one's bloc j that went to
/// round two's option k (each row adds up to 1), with its bootstrap standard error, and how well it predicts each
/// station's round two.</summary>
public sealed record TransferMatrix(double[][] Shares, double[][] StandardErrors, double[] RSquared, double MeanAbsoluteError,
    double RootMeanSquareError, double MeanAbsoluteErrorPoints, int Stations, int Iterations);

/// <summary>Vote transfers between two rounds by ecological regression (Goodman, 1953), bounded: the shares β[j][k] that
/// minimise Σᵢ wᵢ Σₖ (pᵢₖ − Σⱼ xᵢⱼ β[j][k])², where xᵢⱼ and pᵢₖ are station i's round-one and round-two shares of its
/// registered voters and wᵢ its registered voters, under the constraints that make β a transfer matrix: every share in
/// [0, 1] and every row adding up to 1 (Goodman's unbounded regression gives shares outside [0, 1] as soon as the
/// stations do not all follow one pattern). See docs/targets.md for the assumptions.
/// <para>The objective depends on the stations only through G = XᵀWX and H = XᵀWP, so it is solved on those small matrices
/// (blocs × blocs, blocs × options) by projected gradient descent (each row projected onto the simplex, Duchi et al.
/// 2008), which converges for this convex problem. Uncertainty: the standard deviation of each share over bootstrap
/// resamples of the stations.</para></summary>
public static class TransferEstimation
{
    public static TransferMatrix Estimate(IReadOnlyList<TransferStation> stations, int bootstrap = 100, int seed = 1)
    {
        if (stations.Count == 0) throw new ArgumentException("No station to estimate from.", nameof(stations));
        var j = stations[0].First.Length;
        var k = stations[0].Second.Length;
        if (stations.Any(s => s.First.Length != j || s.Second.Length != k))
            throw new ArgumentException("Every station has the same blocs and options.", nameof(stations));
        var usable = stations.Where(s => s.First.Sum() > 0 && s.Second.Sum() > 0).ToList();
        var (shares, iterations) = Solve(usable, Enumerable.Range(0, usable.Count).ToArray(), j, k);

        var random = new Random(seed);
        var samples = new List<double[][]>(bootstrap);
        for (var b = 0; b < bootstrap; b++)
        {
            var pick = new int[usable.Count];
            for (var i = 0; i < pick.Length; i++) pick[i] = random.Next(usable.Count);
            samples.Add(Solve(usable, pick, j, k).Shares);
        }
        var errors = new double[j][];
        for (var a = 0; a < j; a++)
        {
            errors[a] = new double[k];
            for (var c = 0; c < k; c++)
            {
                if (samples.Count < 2) continue;
                var mean = samples.Average(s => s[a][c]);
                errors[a][c] = Math.Sqrt(samples.Sum(s => (s[a][c] - mean) * (s[a][c] - mean)) / (samples.Count - 1));
            }
        }
        var (r2, mae, rmse, points) = Fit(usable, shares);
        return new TransferMatrix(shares, errors, r2, mae, rmse, points, usable.Count, iterations);
    }

    /// <summary>Round two as the matrix predicts it for a station: Σⱼ xⱼ β[j][k] (counts).</summary>
    public static double[] Predict(double[] first, double[][] shares)
    {
        var k = shares[0].Length;
        var predicted = new double[k];
        for (var a = 0; a < first.Length; a++)
            for (var c = 0; c < k; c++) predicted[c] += first[a] * shares[a][c];
        return predicted;
    }

    private static (double[][] Shares, int Iterations) Solve(List<TransferStation> stations, int[] pick, int j, int k)
    {
        // G = Xᵀ W X and H = Xᵀ W P with shares x = First / N, p = Second / N and weight w = N: G = Σ First Firstᵀ / N.
        var g = new double[j, j];
        var h = new double[j, k];
        foreach (var index in pick)
        {
            var s = stations[index];
            var n = s.First.Sum();
            for (var a = 0; a < j; a++)
            {
                for (var b = 0; b < j; b++) g[a, b] += s.First[a] * s.First[b] / n;
                for (var c = 0; c < k; c++) h[a, c] += s.First[a] * s.Second[c] / n;
            }
        }
        // Step 1/L, L the gradient's Lipschitz constant 2·λmax(G), λmax by power iteration.
        var lambda = LargestEigenvalue(g, j);
        if (lambda <= 0) return (Uniform(j, k), 0);
        var step = 1 / (2 * lambda);
        var beta = Uniform(j, k);
        var iterations = 0;
        for (; iterations < 20_000; iterations++)
        {
            var change = 0.0;
            for (var a = 0; a < j; a++)
            {
                var row = new double[k];
                for (var c = 0; c < k; c++)
                {
                    var gradient = -h[a, c];
                    for (var b = 0; b < j; b++) gradient += g[a, b] * beta[b][c];
                    row[c] = beta[a][c] - step * 2 * gradient;
                }
                var projected = ProjectOntoSimplex(row);
                for (var c = 0; c < k; c++) change = Math.Max(change, Math.Abs(projected[c] - beta[a][c]));
                beta[a] = projected;
            }
            if (change < 1e-10) break;
        }
        return (beta, iterations);
    }

    private static double[][] Uniform(int j, int k) => Enumerable.Range(0, j).Select(_ => Enumerable.Repeat(1.0 / k, k).ToArray()).ToArray();

    private static double LargestEigenvalue(double[,] m, int n)
    {
        var v = Enumerable.Repeat(1.0 / Math.Sqrt(n), n).ToArray();
        var lambda = 0.0;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var w = new double[n];
            for (var a = 0; a < n; a++)
                for (var b = 0; b < n; b++) w[a] += m[a, b] * v[b];
            var norm = Math.Sqrt(w.Sum(x => x * x));
            if (norm == 0) return 0;
            lambda = norm;
            v = w.Select(x => x / norm).ToArray();
        }
        return lambda;
    }

    /// <summary>The closest point of the probability simplex (Euclidean), by sorting (Duchi, Shalev-Shwartz, Singer, Chandra 2008).</summary>
    public static double[] ProjectOntoSimplex(double[] v)
    {
        var sorted = v.OrderByDescending(x => x).ToArray();
        var sum = 0.0;
        var theta = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            sum += sorted[i];
            var t = (sum - 1) / (i + 1);
            if (sorted[i] - t > 0) theta = t;
        }
        return v.Select(x => Math.Max(0, x - theta)).ToArray();
    }

    private static (double[] RSquared, double Mae, double Rmse, double Points) Fit(List<TransferStation> stations, double[][] shares)
    {
        var k = shares[0].Length;
        double absolute = 0, squared = 0, points = 0;
        var cells = 0;
        var residual = new double[k];
        var total = new double[k];
        var means = new double[k];
        var weights = stations.Sum(s => s.First.Sum());
        foreach (var s in stations)
            for (var c = 0; c < k; c++) means[c] += s.Second[c] / weights;
        foreach (var s in stations)
        {
            var n = s.First.Sum();
            var predicted = Predict(s.First, shares);
            for (var c = 0; c < k; c++)
            {
                var error = predicted[c] - s.Second[c];
                absolute += Math.Abs(error);
                squared += error * error;
                points += Math.Abs(error) / n * 100;
                cells++;
                // R² on shares, weighted by registered voters.
                residual[c] += n * Math.Pow(error / n, 2);
                total[c] += n * Math.Pow(s.Second[c] / n - means[c], 2);
            }
        }
        var r2 = Enumerable.Range(0, k).Select(c => total[c] == 0 ? 1 : 1 - residual[c] / total[c]).ToArray();
        return (r2, absolute / cells, Math.Sqrt(squared / cells), points / cells);
    }
}
