using System.Text.RegularExpressions;
using Coopol.Common;

namespace Coopol.Features.Maps;

public enum LayerKind
{
    Turnout,
    Abstention,
    Bloc,
    Nuance,
    Candidate,
    Indicator,
    /// <summary>Field work: doors knocked or contacts made per polling station (counts below Privacy:SmallCountMinimum withheld).</summary>
    Field,
}

/// <summary>A map layer by name: <c>turnout</c>, <c>abstention</c>, <c>bloc.gauche</c>, <c>nuance.UG</c>,
/// <c>candidate.&lt;id&gt;</c> (shares of expressed votes, in %), <c>change.turnout</c> or <c>change.bloc.gauche</c>
/// (percentage points between two elections), <c>indicator.DISP_MED15</c> (the indicator's own unit), <c>field.doors</c> or
/// <c>field.contacts</c> (door reports per station, for those who organize actions).</summary>
public sealed partial record MapLayer(string Name, LayerKind Kind, string? Key, bool Change)
{
    public bool IsResults => Kind is not (LayerKind.Indicator or LayerKind.Field);

    public static MapLayer Parse(string name)
    {
        if (name.Length > 80) throw new UnknownLayerException(name);
        var change = name.StartsWith("change.", StringComparison.Ordinal);
        var rest = change ? name["change.".Length..] : name;
        var (head, key) = rest.IndexOf('.') is var dot and > 0 ? (rest[..dot], rest[(dot + 1)..]) : (rest, null);
        var layer = (head, key) switch
        {
            ("turnout", null) => new MapLayer(name, LayerKind.Turnout, null, change),
            ("abstention", null) => new MapLayer(name, LayerKind.Abstention, null, change),
            ("bloc", { } k) when BlocKey().IsMatch(k) => new MapLayer(name, LayerKind.Bloc, k, change),
            ("nuance", { } k) when NuanceCode().IsMatch(k) => new MapLayer(name, LayerKind.Nuance, k, change),
            ("candidate", { } k) when !change && Guid.TryParseExact(k, "N", out _) => new MapLayer(name, LayerKind.Candidate, k, false),
            ("indicator", { } k) when !change && IndicatorCode().IsMatch(k) => new MapLayer(name, LayerKind.Indicator, k, false),
            ("field", "doors" or "contacts") when !change => new MapLayer(name, LayerKind.Field, key, false),
            _ => null,
        };
        return layer ?? throw new UnknownLayerException(name);
    }

    /// <summary>Votes for this layer at station result <c>r</c> (null where it does not apply), over what they are counted
    /// against. Parameters: <c>@layer_key</c>, and the default bloc scheme.</summary>
    public (string Numerator, string Denominator) ResultsSql => Kind switch
    {
        LayerKind.Turnout => ("r.\"Voters\"", "r.\"Registered\""),
        LayerKind.Abstention => ("r.\"Abstentions\"", "r.\"Registered\""),
        LayerKind.Bloc => ("""
            coalesce((SELECT sum(v."Votes") FROM "CandidateVotes" v JOIN "Candidates" c ON c."Id" = v."CandidateId"
                JOIN "NuanceBlocs" nb ON nb."Nuance" = c."Nuance" AND nb."SchemeId" = (SELECT "Id" FROM "BlocSchemes" WHERE "IsDefault")
                WHERE v."ElectionId" = r."ElectionId" AND v."StationId" = r."StationId" AND nb."Bloc" = @layer_key), 0)
            """, "r.\"Expressed\""),
        LayerKind.Nuance => ("""
            coalesce((SELECT sum(v."Votes") FROM "CandidateVotes" v JOIN "Candidates" c ON c."Id" = v."CandidateId"
                WHERE v."ElectionId" = r."ElectionId" AND v."StationId" = r."StationId" AND c."Nuance" = @layer_key), 0)
            """, "r.\"Expressed\""),
        LayerKind.Candidate => ("""
            (SELECT v."Votes" FROM "CandidateVotes" v WHERE v."ElectionId" = r."ElectionId" AND v."StationId" = r."StationId" AND v."CandidateId" = @layer_candidate)
            """, "r.\"Expressed\""),
        _ => throw new InvalidOperationException("Not a results layer."),
    };

    public Guid? CandidateId => Kind == LayerKind.Candidate ? Guid.ParseExact(Key!, "N") : null;

    public string Unit => Change ? "pts" : IsResults ? "%" : Kind == LayerKind.Field ? Key! : "";

    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
    private static partial Regex BlocKey();

    [GeneratedRegex("^[A-Z0-9]{1,10}$")]
    private static partial Regex NuanceCode();

    [GeneratedRegex("^[A-Za-z0-9_]{1,60}$")]
    private static partial Regex IndicatorCode();
}

public sealed class UnknownLayerException(string name)
    : CoopolException("LAYER_NOT_FOUND", $"There is no map layer \"{(name.Length > 80 ? name[..80] : name)}\" (turnout, abstention, bloc.KEY, nuance.CODE, candidate.ID, change.…, indicator.CODE, field.doors, field.contacts).");
