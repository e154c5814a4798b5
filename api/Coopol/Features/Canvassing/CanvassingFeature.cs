using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.People;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Coopol.Features.Privacy;

namespace Coopol.Features.Canvassing;

/// <summary>Door-to-door on the ground: turfs split into shares along the streets, checked out so two teams never
/// knock the same doors, door reports (sent from an offline queue, never twice), and reviews of field work.</summary>
public sealed class CanvassingFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<IPersonalDataStep, CanvassingPersonalData>().AddScoped<CanvassService>().AddScoped<DoorReportService>().AddScoped<FieldReview>()
        .AddScoped<IPersonMergeStep, CanvassingMergeStep>()
        .AddScoped<IParticipationListener>(s => s.GetRequiredService<CanvassService>());

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<TurfShareType>("turfShare").Argument<NonNullGraphType<IdGraphType>>("id")
            .Description("A share with its walk list: for its holder and those who run the action.")
            .ResolveAsync(async ctx => await ctx.Service<CanvassService>().ReadAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<TurfShareSummaryType>>>>("turfShares")
            .Description("A door-to-door's shares: all for those who run it, the free ones and their own for a confirmed participant.")
            .Argument<NonNullGraphType<IdGraphType>>("actionId")
            .ResolveAsync(async ctx => await ctx.Service<CanvassService>().SharesAsync(
                await ctx.Service<ActionAccess>().RequireVisibleAsync(ctx.GetArgument<string>("actionId"), ctx.CancellationToken), ctx.CancellationToken));
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<FieldActivityType>>>>("fieldReview")
            .Description("Field work by polling station, section, federation or nation (optionally by week), within the viewer's MANAGE_ACTIONS.")
            .Argument<NonNullGraphType<ReviewLevelType>>("level").Argument<StringGraphType>("federationCode")
            .Argument<DateTimeGraphType>("from").Argument<DateTimeGraphType>("to").Argument<BooleanGraphType>("byWeek", a => a.DefaultValue = false)
            .WithComplexityImpact(GraphQLLimits.ResultsAggregateImpact)
            .ResolveAsync(async ctx => await ctx.Service<FieldReview>().ReadAsync(new FieldReviewQuery
            {
                Level = ctx.GetArgument<ReviewLevel>("level"), FederationCode = ctx.GetArgument<string?>("federationCode"),
                From = ctx.GetArgument<DateTime?>("from"), To = ctx.GetArgument<DateTime?>("to"), ByWeek = ctx.GetArgument<bool>("byWeek"),
            }, ctx.CancellationToken));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SplitTurfPayloadType>>("splitTurf")
            .Description("Cuts a door-to-door's turf into shares along the streets (those who run it), leaving out buildings its campaign has done.")
            .Argument<NonNullGraphType<IdGraphType>>("actionId").Argument<NonNullGraphType<IntGraphType>>("shares")
            .ResolveAsync(async ctx => await Payload<SplitResult>.RunAsync(async () => new SplitResult(
                (await ctx.Service<CanvassService>().SplitAsync(ctx.GetArgument<string>("actionId"), ctx.GetArgument<int>("shares"), ctx.CancellationToken))
                .Select(s => new ShareSummary(s, null, 0, false)).ToList())));
        mutation.Field<NonNullGraphType<TurfSharePayloadType>>("checkOutTurfShare")
            .Description("Takes a share (the given one, else the first free one): nobody else gets it until it is released.")
            .Argument<NonNullGraphType<IdGraphType>>("actionId").Argument<IdGraphType>("shareId")
            .ResolveAsync(async ctx => await Payload<ShareView>.RunAsync(() => ctx.Service<CanvassService>().CheckOutAsync(
                ctx.GetArgument<string>("actionId"), ctx.GetArgument<string?>("shareId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<TurfSharePayloadType>>("releaseTurfShare")
            .Description("Gives a share back: reported buildings are done for the campaign, the others to do again.")
            .Argument<NonNullGraphType<IdGraphType>>("shareId")
            .ResolveAsync(async ctx => await Payload<ShareView>.RunAsync(() =>
                ctx.Service<CanvassService>().ReleaseAsync(ctx.GetArgument<string>("shareId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<SetDoorCountPayloadType>>("setBuildingDoorCount")
            .Description("Enters how many doors a building of one's share has (1 to 500); never drops a reported door.")
            .Argument<NonNullGraphType<IdGraphType>>("actionId").Argument<NonNullGraphType<IdGraphType>>("buildingId")
            .Argument<NonNullGraphType<IntGraphType>>("count")
            .ResolveAsync(async ctx => await Payload<WalkBuilding>.RunAsync(() => ctx.Service<CanvassService>().SetDoorCountAsync(
                ctx.GetArgument<string>("actionId"), ctx.GetArgument<string>("buildingId"), ctx.GetArgument<int>("count"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<SubmitDoorReportsPayloadType>>("submitDoorReports")
            .Description("A batch of door reports (at most 200), each with a client id: a resend is a DUPLICATE, never a second report.")
            .Argument<NonNullGraphType<SubmitDoorReportsInputType>>("input")
            .ResolveAsync(async ctx => await Payload<DoorReportsResult>.RunAsync(async () => new DoorReportsResult(
                await ctx.Service<DoorReportService>().SubmitAsync(ctx.GetArgument<SubmitDoorReportsInput>("input"), ctx.CancellationToken))));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/walk-lists/{shareId}.pdf", async (string shareId, HttpContext http, CanvassService canvass, CancellationToken ct) =>
            await HttpProblems.RunAsync(http, async () =>
            {
                http.Response.Headers.CacheControl = "no-store";
                var share = await canvass.ReadAsync(shareId, ct);
                var pdf = WalkListPdf.Render(share.Action.Action.Title, $"Part {share.Share.Number}", share.Addresses.Select(a => a.Address).ToList());
                return Results.File(pdf, "application/pdf", $"walk-list-{share.Share.Number}.pdf");
            }));
}
