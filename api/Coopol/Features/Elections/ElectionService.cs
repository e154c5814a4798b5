using Coopol.Access;
using Coopol.Data;
using Coopol.Features.Geography;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Elections;

public sealed record BlocVotes(string Key, string Name, int Order, long Votes, double? Share);

public sealed record CandidateVotes(Candidate Candidate, string? Bloc, string? BlocName, int Votes, double? Share);

/// <summary>A station's results in one election, with its candidates and blocs.</summary>
public sealed record StationElectionResult(Election Election, StationResult Result, IReadOnlyList<CandidateVotes> Candidates, IReadOnlyList<BlocVotes> Blocs)
{
    public double? Turnout => Result.Registered > 0 ? Math.Round(100.0 * Result.Voters / Result.Registered, 2) : null;
}

/// <summary>A polling station as the viewer sees it: where it is and how it voted, election after election.</summary>
public sealed record StationDetails(PollingStation Station, string CommuneName);

/// <summary>Elections and results by polling station, within the caller's ground (VIEW_RESULTS).</summary>
public sealed class ElectionService(CoopolDbContext db, CallerContext caller)
{
    public const string NodeType = "Election";
    public const string StationNodeType = "PollingStation";

    public async Task<IReadOnlyList<Election>> AllAsync(CancellationToken ct)
    {
        await StationScope.OfCallerAsync(caller, ct);
        return await db.Set<Election>().AsNoTracking().OrderByDescending(e => e.Date).ThenByDescending(e => e.Round).ThenBy(e => e.Name).ToListAsync(ct);
    }

    public async Task<IReadOnlyDictionary<Guid, Election>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (rights.ReachOf(Permission.ViewResults).IsEmpty) return new Dictionary<Guid, Election>();
        return await db.Set<Election>().AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
    }

    /// <summary>The other round of the same election (same kind and scope, within five weeks), to compare with.</summary>
    public async Task<Election?> OtherRoundAsync(Election election, CancellationToken ct)
    {
        var from = election.Date.AddDays(-35);
        var to = election.Date.AddDays(35);
        return await db.Set<Election>().AsNoTracking()
            .Where(e => e.Kind == election.Kind && e.Scope == election.Scope && e.Round != election.Round && e.Date >= from && e.Date <= to)
            .OrderBy(e => e.Date).FirstOrDefaultAsync(ct);
    }

    /// <summary>Stations by their ids ("29019_76"), those outside the caller's ground answering as unknown ones do.</summary>
    public async Task<IReadOnlyDictionary<string, StationDetails>> StationsAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        if (StationScope.Of(await caller.GetRightsAsync(ct)) is not { } scope) return new Dictionary<string, StationDetails>();
        var stations = scope.Filter(db.Set<PollingStation>().AsNoTracking().Where(s => ids.Contains(s.Id)), db);
        var found = await stations.Join(db.Set<Commune>(), s => s.CommuneCode, c => c.Code, (s, c) => new StationDetails(s, c.Name)).ToListAsync(ct);
        return found.ToDictionary(s => s.Station.Id);
    }

    /// <summary>Every result of a station (already in the caller's ground), newest election first.</summary>
    public async Task<IReadOnlyList<StationElectionResult>> HistoryAsync(string stationId, CancellationToken ct)
    {
        var results = await db.Set<StationResult>().AsNoTracking().Where(r => r.StationId == stationId)
            .Join(db.Set<Election>(), r => r.ElectionId, e => e.Id, (r, e) => new { r, e })
            .OrderByDescending(x => x.e.Date).ThenByDescending(x => x.e.Round).ToListAsync(ct);
        var electionIds = results.Select(x => x.e.Id).ToList();
        var votes = await db.Set<CandidateVote>().AsNoTracking().Where(v => v.StationId == stationId && electionIds.Contains(v.ElectionId))
            .Join(db.Set<Candidate>(), v => v.CandidateId, c => c.Id, (v, c) => new { v.ElectionId, v.Votes, Candidate = c })
            .ToListAsync(ct);
        var blocs = await DefaultBlocsAsync(ct);
        return results.Select(x =>
        {
            double? Share(long n) => x.r.Expressed > 0 ? Math.Round(100.0 * n / x.r.Expressed, 2) : null;
            var candidates = votes.Where(v => v.ElectionId == x.e.Id).OrderByDescending(v => v.Votes)
                .Select(v => blocs.TryGetValue(v.Candidate.Nuance ?? "", out var b)
                    ? new CandidateVotes(v.Candidate, b.Bloc, b.BlocName, v.Votes, Share(v.Votes))
                    : new CandidateVotes(v.Candidate, null, null, v.Votes, Share(v.Votes)))
                .ToList();
            var byBloc = candidates.Where(c => c.Bloc is not null).GroupBy(c => c.Bloc!)
                .Select(g => new BlocVotes(g.Key, g.First().BlocName!, blocs.Values.First(b => b.Bloc == g.Key).BlocOrder, g.Sum(c => (long)c.Votes), Share(g.Sum(c => (long)c.Votes))))
                .OrderBy(b => b.Order).ToList();
            return new StationElectionResult(x.e, x.r, candidates, byBloc);
        }).ToList();
    }

    private async Task<Dictionary<string, NuanceBloc>> DefaultBlocsAsync(CancellationToken ct) =>
        await db.Set<NuanceBloc>().AsNoTracking().Where(n => db.Set<BlocScheme>().Any(s => s.IsDefault && s.Id == n.SchemeId)).ToDictionaryAsync(n => n.Nuance, ct);
}

public sealed class ElectionNotFoundException() : Common.CoopolException("ELECTION_NOT_FOUND", "There is no such election.");
