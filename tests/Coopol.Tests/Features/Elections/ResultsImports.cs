using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Elections;

/// <summary>What the results tests share: the options naming the 2024 rounds, and what "nothing kept" means.</summary>
public static class ResultsImports
{
    public static readonly IReadOnlyDictionary<string, string> Round1Options =
        new Dictionary<string, string> { ["election"] = "legislatives", ["date"] = "2024-06-30", ["round"] = "1" };

    public static readonly IReadOnlyDictionary<string, string> Round2Options =
        new Dictionary<string, string> { ["election"] = "legislatives", ["date"] = "2024-07-07", ["round"] = "2" };

    /// <summary>No election, station, candidate or vote: what a rejected or dry-run import leaves.</summary>
    public static async Task ShouldHoldNoResultsAsync(this ApiFixture api)
    {
        (await api.WithDbAsync(db => db.Set<Election>().CountAsync())).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<PollingStation>().CountAsync())).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<StationResult>().CountAsync())).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<Candidate>().CountAsync())).ShouldBe(0);
        (await api.WithDbAsync(db => db.Set<CandidateVote>().CountAsync())).ShouldBe(0);
    }
}
