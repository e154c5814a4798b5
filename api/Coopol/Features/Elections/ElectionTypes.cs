using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.Geography;
using Coopol.Geo;
using GraphQL;
using GraphQL.Types;

namespace Coopol.Features.Elections;

public sealed class ElectionType : ObjectGraphType<Election>
{
    public ElectionType()
    {
        Name = "Election";
        Description = "One round of an election, with results by polling station (public data).";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ElectionService.NodeType, ctx.Source.Id));
        Field<NonNullGraphType<ElectionKindType>>("kind").Resolve(ctx => ctx.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("date").Resolve(ctx => ctx.Source.Date.ToString("yyyy-MM-dd")).Description("yyyy-mm-dd");
        Field(e => e.Round);
        Field(e => e.Scope);
        Field(e => e.Name);
        Field<ElectionType>("otherRound").Description("The other round of the same election, if imported.")
            .ResolveAsync(async ctx => await ctx.Service<ElectionService>().OtherRoundAsync(ctx.Source, ctx.CancellationToken));
    }
}

public sealed class ElectionKindType : EnumerationGraphType<ElectionKind>
{
    public ElectionKindType() => Name = "ElectionKind";
}

public sealed class PollingStationType : ObjectGraphType<StationDetails>
{
    public PollingStationType()
    {
        Name = "PollingStation";
        Description = "A polling station (bureau de vote) and how it voted.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(ElectionService.StationNodeType, ctx.Source.Station.Id));
        Field<NonNullGraphType<StringGraphType>>("code").Resolve(ctx => ctx.Source.Station.Id).Description("<commune INSEE code>_<bureau>, e.g. 29019_76.");
        Field<NonNullGraphType<StringGraphType>>("bureau").Resolve(ctx => ctx.Source.Station.Code);
        Field<StringGraphType>("name").Resolve(ctx => ctx.Source.Station.Name);
        Field<StringGraphType>("address").Resolve(ctx => ctx.Source.Station.Address);
        Field<NonNullGraphType<StringGraphType>>("communeCode").Resolve(ctx => ctx.Source.Station.CommuneCode);
        Field<NonNullGraphType<StringGraphType>>("communeName").Resolve(ctx => ctx.Source.CommuneName);
        Field<GeoPointType>("location").Resolve(ctx => ctx.Source.Station.Location);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StationResultType>>>>("results").Description("Every election imported, newest first.")
            .WithComplexityImpact(GraphQLLimits.SectionSearchImpact)
            .ResolveAsync(async ctx => await ctx.Service<ElectionService>().HistoryAsync(ctx.Source.Station.Id, ctx.CancellationToken));
    }
}

public sealed class StationResultType : ObjectGraphType<StationElectionResult>
{
    public StationResultType()
    {
        Name = "StationResult";
        Field<NonNullGraphType<ElectionType>>("election").Resolve(ctx => ctx.Source.Election);
        Field<NonNullGraphType<StringGraphType>>("constituency").Resolve(ctx => ctx.Source.Result.Constituency);
        Field<NonNullGraphType<IntGraphType>>("registered").Resolve(ctx => ctx.Source.Result.Registered);
        Field<NonNullGraphType<IntGraphType>>("voters").Resolve(ctx => ctx.Source.Result.Voters);
        Field<NonNullGraphType<IntGraphType>>("abstentions").Resolve(ctx => ctx.Source.Result.Abstentions);
        Field<NonNullGraphType<IntGraphType>>("blank").Resolve(ctx => ctx.Source.Result.Blank);
        Field<NonNullGraphType<IntGraphType>>("null").Resolve(ctx => ctx.Source.Result.Null);
        Field<NonNullGraphType<IntGraphType>>("expressed").Resolve(ctx => ctx.Source.Result.Expressed);
        Field<FloatGraphType>("turnout").Resolve(ctx => ctx.Source.Turnout).Description("Voters over registered, in %.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CandidateResultType>>>>("candidates").Resolve(ctx => ctx.Source.Candidates);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlocResultType>>>>("blocs").Resolve(ctx => ctx.Source.Blocs);
    }
}

public sealed class CandidateResultType : ObjectGraphType<CandidateVotes>
{
    public CandidateResultType()
    {
        Name = "CandidateResult";
        Field<NonNullGraphType<StringGraphType>>("candidateId").Resolve(ctx => ctx.Source.Candidate.Id.ToString("N"))
            .Description("For the map layer candidate.<candidateId>.");
        Field<NonNullGraphType<StringGraphType>>("name").Resolve(ctx => ctx.Source.Candidate.Name);
        Field<StringGraphType>("firstName").Resolve(ctx => ctx.Source.Candidate.FirstName);
        Field<StringGraphType>("nuance").Resolve(ctx => ctx.Source.Candidate.Nuance);
        Field<StringGraphType>("bloc").Resolve(ctx => ctx.Source.Bloc);
        Field<StringGraphType>("blocName").Resolve(ctx => ctx.Source.BlocName);
        Field<NonNullGraphType<BooleanGraphType>>("elected").Resolve(ctx => ctx.Source.Candidate.Elected);
        Field<NonNullGraphType<IntGraphType>>("votes").Resolve(ctx => ctx.Source.Votes);
        Field<FloatGraphType>("share").Resolve(ctx => ctx.Source.Share).Description("Of expressed votes, in %.");
    }
}

public sealed class BlocResultType : ObjectGraphType<BlocVotes>
{
    public BlocResultType()
    {
        Name = "BlocResult";
        Field(b => b.Key);
        Field(b => b.Name);
        Field<NonNullGraphType<FloatGraphType>>("votes").Resolve(ctx => (double)ctx.Source.Votes);
        Field(b => b.Share, nullable: true).Description("Of expressed votes, in %.");
    }
}

public sealed class ZoneResultsType : ObjectGraphType<ZoneResults>
{
    public ZoneResultsType()
    {
        Name = "ZoneResults";
        Description = "A zone's results added up: a federation, a constituency, a commune or a station.";
        Field<NonNullGraphType<ResultsLevelType>>("level").Resolve(ctx => ctx.Source.Level);
        Field(z => z.Code).Description("FR, a federation code, a constituency (29-02), a commune code or a station id.");
        Field(z => z.Name);
        Field(z => z.Stations);
        Field<NonNullGraphType<FloatGraphType>>("registered").Resolve(ctx => (double)ctx.Source.Registered);
        Field<NonNullGraphType<FloatGraphType>>("voters").Resolve(ctx => (double)ctx.Source.Voters);
        Field<NonNullGraphType<FloatGraphType>>("expressed").Resolve(ctx => (double)ctx.Source.Expressed);
        Field(z => z.Turnout, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BlocResultType>>>>("blocs").Resolve(ctx => ctx.Source.Blocs);
        Field(z => z.CompareTurnout, nullable: true);
        Field(z => z.TurnoutChange, nullable: true).Description("Turnout minus the compared election's, in points.");
        Field<ListGraphType<NonNullGraphType<BlocResultType>>>("compareBlocs").Resolve(ctx => ctx.Source.CompareBlocs);
    }
}

public sealed class ResultsLevelType : EnumerationGraphType<ResultsLevel>
{
    public ResultsLevelType() => Name = "ResultsLevel";
}

public sealed class ResultsOrderFieldType : EnumerationGraphType<ResultsOrderField>
{
    public ResultsOrderFieldType() => Name = "ResultsOrderField";
}

public sealed record ResultsOrderInput(ResultsOrderField Field, string? Bloc, bool Descending);

public sealed class ResultsOrderInputType : InputObjectGraphType<ResultsOrderInput>
{
    public ResultsOrderInputType()
    {
        Name = "ResultsOrderInput";
        Field<NonNullGraphType<ResultsOrderFieldType>>("field");
        Field<StringGraphType>("bloc").Description("The bloc key, for BLOC_SHARE and BLOC_SHARE_CHANGE.");
        Field<BooleanGraphType>("descending").DefaultValue(false);
    }
}

public sealed record ResultsWithinInput(string? Federation, string? Constituency, string? Commune, string? SectionId);

public sealed class ResultsWithinInputType : InputObjectGraphType<ResultsWithinInput>
{
    public ResultsWithinInputType()
    {
        Name = "ResultsWithinInput";
        Description = "Where to look (any combination): the drill-down's parent zone.";
        Field<StringGraphType>("federation");
        Field<StringGraphType>("constituency");
        Field<StringGraphType>("commune");
        Field<IdGraphType>("sectionId");
    }
}
