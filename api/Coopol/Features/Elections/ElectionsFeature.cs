using System.Globalization;
using System.Text;
using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Common.Imports;
using Coopol.Common.Paging;
using Coopol.Features.PartyTree;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Elections;

/// <summary>Elections, candidates and results by polling station, nuances and blocs; their importers; the national
/// review's table and its CSV.</summary>
public sealed class ElectionsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<ResultsWriter>().AddScoped<ElectionService>().AddScoped<ResultsTable>().AddScoped<ElectoralSilence>()
        .AddScoped<IImporter, Results2024Importer>()
        .AddScoped<IImporter, ResultsOlderImporter>()
        .AddScoped<IImporter, ResultsLongImporter>()
        .AddScoped<IImporter, ResultsMappedImporter>()
        .AddScoped<IImporter, BlocsImporter>();

    public Permission Permissions => Permission.ViewResults | Permission.EnterResults;

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SilencePeriodType>>>>("electoralSilences")
            .Description("Electoral silences not over yet, in order (public: the law).")
            .ResolveAsync(async ctx => await ctx.Service<ElectoralSilence>().UpcomingAsync(ctx.CancellationToken));
        query.Field<NonNullGraphType<ConnectionType<ElectionType>>>("elections").Description("Elections imported, newest first (VIEW_RESULTS).")
            .PagingArguments()
            .ResolveAsync(async ctx => InMemoryConnections.Of(await ctx.Service<ElectionService>().AllAsync(ctx.CancellationToken), ctx.PageRequest()));
        query.Field<PollingStationType>("pollingStation").Argument<NonNullGraphType<StringGraphType>>("code", "e.g. 29019_76")
            .Description("A polling station of the viewer's ground; any other answers null, as an unknown one does.")
            .ResolveAsync(async ctx =>
            {
                var code = ctx.GetArgument<string>("code");
                return code.Length > 16 ? null : (await ctx.Service<ElectionService>().StationsAsync([code], ctx.CancellationToken)).GetValueOrDefault(code);
            });
        query.Field<NonNullGraphType<ConnectionType<ZoneResultsType>>>("resultsTable")
            .Description("The national review: results by zone, sorted, filtered and paged, within the viewer's ground.")
            .Argument<NonNullGraphType<IdGraphType>>("electionId").Argument<IdGraphType>("compareTo")
            .Argument<NonNullGraphType<ResultsLevelType>>("level").Argument<ResultsWithinInputType>("within")
            .Argument<ResultsOrderInputType>("orderBy").Argument<FloatGraphType>("minTurnout").Argument<FloatGraphType>("maxTurnout")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .WithComplexityImpact(GraphQLLimits.ResultsAggregateImpact)
            .ResolveAsync(async ctx =>
            {
                var query = QueryOf(ctx.GetArgument<string>("electionId"), ctx.GetArgument<string?>("compareTo"), ctx.GetArgument<ResultsLevel>("level"),
                    ctx.GetArgument<ResultsWithinInput?>("within"), ctx.GetArgument<ResultsOrderInput?>("orderBy"),
                    ctx.GetArgument<double?>("minTurnout"), ctx.GetArgument<double?>("maxTurnout"));
                var size = ctx.GetArgument<int?>("first") ?? PageRequest.DefaultSize;
                if (size is < 0 or > PageRequest.MaxSize) throw InputValidationException.For("first", "OUT_OF_RANGE", $"A page holds between 0 and {PageRequest.MaxSize} items.");
                var offset = OffsetOf(ctx.GetArgument<string?>("after"));
                var (rows, total) = await ctx.Service<ResultsTable>().QueryAsync(query, offset, size, ctx.CancellationToken);
                return new Connection<ZoneResults>
                {
                    TotalCount = total,
                    Edges = rows.Select((r, i) => new Edge<ZoneResults> { Node = r, Cursor = CursorOf(offset + i) }).ToList(),
                    PageInfo = new PageInfo
                    {
                        HasNextPage = offset + rows.Count < total, HasPreviousPage = offset > 0,
                        StartCursor = rows.Count > 0 ? CursorOf(offset) : null, EndCursor = rows.Count > 0 ? CursorOf(offset + rows.Count - 1) : null,
                    },
                };
            });
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SilencePayloadType>>("setElectoralSilence")
            .Description("Adds an electoral silence for an election or a vote date over a territory (national ENTER_RESULTS).")
            .Argument<NonNullGraphType<SetSilenceInputType>>("input")
            .ResolveAsync(async ctx => await Payload<SilencePeriod>.RunAsync(() =>
                ctx.Service<ElectoralSilence>().SetAsync(ctx.GetArgument<SetSilenceInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<SilencePayloadType>>("deleteElectoralSilence")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await Payload<SilencePeriod>.RunAsync(() =>
                ctx.Service<ElectoralSilence>().DeleteAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken)));
    }

    public IEnumerable<NodeFetcher> NodeTypes =>
    [
        NodeFetcher.ForGuids(ElectionService.NodeType, (s, ids, ct) => s.GetRequiredService<ElectionService>().ByIdsAsync(ids, ct)),
        new(ElectionService.StationNodeType, async (s, ids, ct) =>
            (await s.GetRequiredService<ElectionService>().StationsAsync(ids, ct)).ToDictionary(kv => kv.Key, kv => (object)kv.Value)),
    ];

    /// <summary><c>GET /results.csv?election=ID&amp;level=station&amp;...</c>: the review's table as CSV (UTF-8 with BOM,
    /// ';', decimal commas: what French spreadsheets open as they are).</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/results.csv", async (string? election, string? compare, string? level, string? federation, string? constituency,
            string? commune, string? section, string? orderBy, string? bloc, bool? descending, double? minTurnout, double? maxTurnout,
            HttpContext http, ResultsTable table, CancellationToken ct) =>
            await HttpProblems.RunAsync(http, async () =>
        {
            http.Response.Headers.CacheControl = "no-store";
            {
                var parsedLevel = NamedEnum<ResultsLevel>(level ?? "Station")
                    ?? throw InputValidationException.For("level", "INVALID", "level is nation, federation, constituency, commune or station.");
                var order = NamedEnum<ResultsOrderField>((orderBy ?? "Name").Replace("_", ""))
                    ?? throw InputValidationException.For("orderBy", "INVALID", "Unknown order.");
                var query = QueryOf(election ?? "", compare, parsedLevel, new ResultsWithinInput(federation, constituency, commune, section),
                    new ResultsOrderInput(order, bloc, descending ?? false), minTurnout, maxTurnout);
                var (rows, _) = await table.QueryAsync(query, 0, ResultsTable.MaxExportRows, ct);
                return Results.File(Csv(rows), "text/csv; charset=utf-8", $"resultats-{parsedLevel.ToString().ToLowerInvariant()}.csv");
            }
        }));

    /// <summary>An enum by its name only (Enum.TryParse also takes numbers and comma lists).</summary>
    private static T? NamedEnum<T>(string text) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text, StringComparison.OrdinalIgnoreCase)) is { } name ? Enum.Parse<T>(name) : null;

    private static ResultsQuery QueryOf(string election, string? compare, ResultsLevel level, ResultsWithinInput? within, ResultsOrderInput? order,
        double? minTurnout, double? maxTurnout)
    {
        Guid Election(string id, string field) => GlobalId.TryDecodeGuid(id, ElectionService.NodeType)
            ?? throw InputValidationException.For(field, "ELECTION_NOT_FOUND", "There is no such election.");
        Guid? section = within?.SectionId is { } s ? GlobalId.TryDecodeGuid(s, SectionService.NodeType)
            ?? throw InputValidationException.For("within.sectionId", "INVALID", "Not a section's id.") : null;
        if (within?.Federation is { } f && !Federation.IsWellFormedCode(f)) throw InputValidationException.For("within.federation", "INVALID", "Not a federation code.");
        if (within?.Commune is { } c && !Geography.Commune.IsWellFormedCode(c)) throw InputValidationException.For("within.commune", "INVALID", "Not a commune code.");
        if (within?.Constituency is { Length: > 40 }) throw InputValidationException.For("within.constituency", "INVALID", "Not a constituency.");
        if (order?.Bloc is { Length: > 40 }) throw InputValidationException.For("orderBy.bloc", "INVALID", "Not a bloc.");
        return new ResultsQuery(Election(election, "electionId"), compare is null ? null : Election(compare, "compareTo"), level,
            within?.Federation?.ToUpperInvariant(), within?.Constituency, within?.Commune?.ToUpperInvariant(), section,
            order?.Field ?? ResultsOrderField.Name, order?.Bloc, order?.Descending ?? false, minTurnout, maxTurnout);
    }

    private static string CursorOf(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"o:{offset}"));

    private static int OffsetOf(string? after)
    {
        if (after is null) return 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(after));
            if (text.StartsWith("o:", StringComparison.Ordinal) && int.TryParse(text[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 10_000_000) return n + 1;
        }
        catch (FormatException)
        {
        }
        throw PageRequest.InvalidCursor("after");
    }

    private static byte[] Csv(IReadOnlyList<ZoneResults> rows)
    {
        var blocs = rows.SelectMany(r => r.Blocs).GroupBy(b => b.Key).Select(g => g.First()).OrderBy(b => b.Order).ToList();
        var fr = CultureInfo.GetCultureInfo("fr-FR");
        // Text from files (station, commune, bloc names) never starts a formula in a spreadsheet, nor breaks a row.
        string Cell(string s)
        {
            if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
            return s.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"")}\"" : s;
        }
        string Number(double? d) => d?.ToString("0.00", fr) ?? "";
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', new[] { "Code", "Nom", "Bureaux", "Inscrits", "Votants", "Exprimés", "Participation %" }
            .Concat(blocs.SelectMany(b => new[] { Cell($"{b.Name} voix"), Cell($"{b.Name} %") }))
            .Concat(rows.Any(r => r.CompareTurnout is not null) ? ["Évolution participation (pts)"] : [])));
        foreach (var r in rows)
        {
            var cells = new List<string> { Cell(r.Code), Cell(r.Name), r.Stations.ToString(fr), r.Registered.ToString(fr), r.Voters.ToString(fr), r.Expressed.ToString(fr), Number(r.Turnout) };
            foreach (var b in blocs)
            {
                var own = r.Blocs.FirstOrDefault(x => x.Key == b.Key);
                cells.Add(own?.Votes.ToString(fr) ?? "0");
                cells.Add(Number(own?.Share));
            }
            if (rows.Any(x => x.CompareTurnout is not null)) cells.Add(Number(r.TurnoutChange));
            text.AppendLine(string.Join(';', cells));
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
