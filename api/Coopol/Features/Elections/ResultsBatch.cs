using System.Security.Cryptography;
using System.Text;
using Coopol.Common.Imports;
using Coopol.Features.Geography;

namespace Coopol.Features.Elections;

/// <summary>The results of one file, checked as they are read (known commune, no station twice, counts that add up) and
/// held compactly until the whole file is known to be good; then <see cref="ResultsWriter"/> writes them.</summary>
public sealed class ResultsBatch(IReadOnlySet<string> knownCommunes)
{
    public sealed class Station
    {
        public required string Id { get; init; }
        public required string CommuneCode { get; init; }
        public required string Code { get; init; }
        public required int Line { get; init; }
        public int Registered, Voters, Abstentions, Blank, Null, Expressed;
        public string? Constituency;
        public readonly List<(int Candidate, int Votes)> Votes = [];
        public readonly HashSet<int> CandidatesSeen = [];
        public long VotesTotal;
    }

    public sealed record CandidateEntry(string Key, int? Panel, string? Nuance, string Name, string? FirstName, string? Sex)
    {
        public bool Elected { get; set; }
        public string? Constituency { get; set; }
    }

    private readonly Dictionary<string, Station> _stations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _candidateIndex = new(StringComparer.Ordinal);

    public List<Station> Stations { get; } = [];
    /// <summary>The consulates' pseudo-communes of French voters abroad (ZZ…), which no commune list holds: created with
    /// the name the file gives them, in the "ZZ" federation.</summary>
    public Dictionary<string, string> AbroadCommunes { get; } = new(StringComparer.Ordinal);
    public List<CandidateEntry> Candidates { get; } = [];

    /// <summary>Counts column indexes, for problems that name a column.</summary>
    public sealed record CountColumns(int Registered, int Voters, int? Abstentions, int Blank, int? Null, int Expressed);

    public Station? Find(string stationId) => _stations.GetValueOrDefault(stationId);

    /// <summary>Adds a station's row: the commune must be known and the station not already in the file.</summary>
    public Station AddStation(CsvTable table, int communeColumn, string communeCode, int bureauColumn, string bureau, CountColumns columns,
        string? communeName = null)
    {
        if (!Commune.IsWellFormedCode(communeCode))
            throw table.At(communeColumn, $"\"{communeCode}\" is not a commune code (5 characters, e.g. 29019)");
        if (IsAbroad(communeCode) && !knownCommunes.Contains(communeCode))
            AbroadCommunes.TryAdd(communeCode.ToUpperInvariant(), string.IsNullOrWhiteSpace(communeName) ? communeCode : communeName.Length > 120 ? communeName[..120] : communeName);
        else if (!knownCommunes.Contains(communeCode))
            throw table.At(communeColumn, $"unknown commune {communeCode} (import the official commune list first)");
        var code = PollingStation.NormaliseCode(bureau) ?? throw table.At(bureauColumn, $"\"{bureau}\" is not a polling-station code");
        var id = $"{communeCode}_{code}";
        if (_stations.TryGetValue(id, out var already))
            throw table.At(bureauColumn, $"polling station {id} is already on line {already.Line}");
        var station = new Station { Id = id, CommuneCode = communeCode, Code = code, Line = table.Line };
        ReadCounts(table, columns, station);
        _stations.Add(id, station);
        Stations.Add(station);
        return station;
    }

    /// <summary>The ministry writes French voters abroad under département ZZ, their consulates as communes ZZ001…</summary>
    public static bool IsAbroad(string communeCode) => communeCode.StartsWith("ZZ", StringComparison.OrdinalIgnoreCase);

    public static void ReadCounts(CsvTable table, CountColumns c, Station s)
    {
        s.Registered = NonNegative(table, c.Registered);
        s.Voters = NonNegative(table, c.Voters);
        s.Blank = NonNegative(table, c.Blank);
        s.Null = c.Null is { } n ? NonNegative(table, n) : 0;
        s.Expressed = NonNegative(table, c.Expressed);
        if (s.Voters > s.Registered)
            throw table.At(c.Voters, $"{s.Voters} voters, more than the {s.Registered} registered");
        if ((long)s.Blank + s.Null + s.Expressed > s.Voters)
            throw table.At(c.Expressed, $"blank + null + expressed = {(long)s.Blank + s.Null + s.Expressed}, more than the {s.Voters} voters");
        s.Abstentions = s.Registered - s.Voters;
        if (c.Abstentions is { } a && NonNegative(table, a) != s.Abstentions)
            throw table.At(a, $"{table.Int(a)} abstentions, but registered − voters = {s.Abstentions}");
    }

    private static int NonNegative(CsvTable table, int column)
    {
        var value = table.Int(column);
        return value >= 0 ? value : throw table.At(column, $"negative count ({value})");
    }

    /// <summary>More candidates than any election has (a mapping that takes every column for one, say) is refused.</summary>
    public const int MaxCandidates = 20_000;

    public CandidateEntry Candidate(int? panel, string? nuance, string name, string? firstName, string? sex)
    {
        nuance = nuance?.Trim().ToUpperInvariant();
        if (nuance is not null && (nuance.Length > 10 || !nuance.All(char.IsAsciiLetterOrDigit)))
            throw ImportException.File($"\"{(nuance.Length > 20 ? nuance[..20] + "…" : nuance)}\" is not a nuance code (letters and digits, at most 10)");
        var key = $"{panel}|{nuance}|{name.ToUpperInvariant()}|{firstName?.ToUpperInvariant()}";
        if (key.Length > 300) key = key[..300];
        if (_candidateIndex.TryGetValue(key, out var index)) return Candidates[index];
        if (Candidates.Count >= MaxCandidates) throw ImportException.File($"more than {MaxCandidates} candidates: is the mapping right?");
        var entry = new CandidateEntry(key, panel, nuance, Clip(name, 160)!, Clip(firstName, 100), Clip(sex, 10));
        _candidateIndex.Add(key, Candidates.Count);
        Candidates.Add(entry);
        return entry;
    }

    private static string? Clip(string? s, int max) => s is null ? null : s.Length <= max ? s : s[..max];

    public void AddVotes(CsvTable table, Station station, CandidateEntry candidate, int votesColumn)
    {
        var votes = NonNegative(table, votesColumn);
        var index = _candidateIndex[candidate.Key];
        if (!station.CandidatesSeen.Add(index)) throw table.At(votesColumn, $"{candidate.Name} is twice for polling station {station.Id}");
        station.Votes.Add((index, votes));
        station.VotesTotal += votes;
        if (station.VotesTotal > station.Expressed)
            throw table.At(votesColumn, $"the candidates' votes add up to {station.VotesTotal}, more than the {station.Expressed} expressed");
    }

    /// <summary>Gives each station and candidate a constituency: the file's when it has one, else the set of candidates
    /// who stood there (files of the 2024 layout have no constituency column), named after the département and a short
    /// fingerprint of that set.</summary>
    public void AssignConstituencies()
    {
        foreach (var station in Stations)
        {
            station.Constituency ??= Derived(station);
            foreach (var (c, _) in station.Votes) Candidates[c].Constituency ??= station.Constituency;
        }
        foreach (var candidate in Candidates) candidate.Constituency ??= "?";
    }

    private readonly Dictionary<string, string> _derived = new(StringComparer.Ordinal);

    private string Derived(Station station)
    {
        var departement = Commune.DepartementOf(station.CommuneCode);
        // Stations of one constituency share their candidates: the fingerprint is computed once per set.
        var set = departement + ":" + string.Join(',', station.Votes.Select(v => v.Candidate).Order());
        if (_derived.TryGetValue(set, out var known)) return known;
        var keys = station.Votes.Select(v => Candidates[v.Candidate].Key).Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', keys)));
        return _derived[set] = $"{departement}~{Convert.ToHexStringLower(hash)[..6]}";
    }

    public static string ConstituencyFromFile(CsvTable table, int column, string communeCode, string raw)
    {
        var code = raw.Trim().TrimStart('0');
        if (code.Length is 0 or > 10 || !code.All(char.IsAsciiLetterOrDigit))
            throw table.At(column, $"\"{(raw.Length > 20 ? raw[..20] + "…" : raw)}\" is not a constituency number");
        return $"{Commune.DepartementOf(communeCode)}-{code.PadLeft(2, '0')}";
    }
}
