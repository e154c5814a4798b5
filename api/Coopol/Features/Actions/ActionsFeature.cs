using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Data.DemoData;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Coopol.Features.Privacy;

namespace Coopol.Features.Actions;

/// <summary>Field actions: creating and publishing them (MANAGE_ACTIONS), finding them near a place, joining (with a
/// waiting list), check-in, and the notices participants get.</summary>
public sealed class ActionsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) => services
        .AddScoped<IPersonalDataStep, ActionsPersonalData>().AddScoped<ActionAccess>().AddScoped<ActionService>().AddScoped<ActionParticipation>().AddScoped<NearbyActions>()
        .AddScoped<ActionNotices>().AddScoped<AttendanceLoader>().AddScoped<ActionRemindersJob>().AddScoped<CloseEndedActionsJob>().AddScoped<PurgeVisitorSignupsJob>()
        .AddScoped<IPersonMergeStep, ActionsMergeStep>().AddSingleton<VisitorLimits>();

    public Permission Permissions => Permission.ManageActions;

    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<ActionRemindersJob>(ActionRemindersJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());
        jobs.AddOrUpdate<CloseEndedActionsJob>(CloseEndedActionsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(30));
        jobs.AddOrUpdate<PurgeVisitorSignupsJob>(PurgeVisitorSignupsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly(45));
    }

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<ActionType>("action").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), ActionService.NodeType) is { } id
                ? await ctx.Service<ActionService>().FindAsync(id, ctx.CancellationToken) : null);
        query.Field<NonNullGraphType<NearbyActionsType>>("nearbyActions")
            .Description("Upcoming actions within a radius of a point or a place (postcode, commune), that the viewer may see, "
                + "by distance then date. Open to anyone, signed in or not.")
            .Argument<NonNullGraphType<NearInputType>>("near")
            .Argument<FloatGraphType>("radiusKm", a => a.DefaultValue = 10.0)
            .Argument<ListGraphType<NonNullGraphType<ActionKindType>>>("kinds")
            .Argument<DateTimeGraphType>("from").Argument<DateTimeGraphType>("to")
            .Argument<IntGraphType>("first").Argument<StringGraphType>("after")
            .ResolveAsync(async ctx => await ctx.Service<NearbyActions>().FindAsync(new NearbyActionsQuery
            {
                Near = ctx.GetArgument<NearInput>("near"), RadiusKm = ctx.GetArgument<double>("radiusKm"),
                Kinds = ctx.GetArgument<List<ActionKind>?>("kinds"), From = ctx.GetArgument<DateTime?>("from"), To = ctx.GetArgument<DateTime?>("to"),
            }, ctx.PageRequest(), ctx.CancellationToken));
        query.Field<NonNullGraphType<ConnectionType<ActionType>>>("actions")
            .Description("A section's actions that the viewer may see, by start (drafts for those who manage it).")
            .Argument<NonNullGraphType<IdGraphType>>("sectionId").Argument<ActionStatusType>("status")
            .Argument<BooleanGraphType>("upcomingOnly", a => a.DefaultValue = true).PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<ActionService>().OfSectionAsync(
                GlobalId.ParseGuid(ctx.GetArgument<string>("sectionId"), SectionService.NodeType, "sectionId"),
                ctx.GetArgument<ActionStatus?>("status"), ctx.GetArgument<bool>("upcomingOnly"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ActionNoticeType>>>>("actionOutbox")
            .Description("What actions send (confirmation links, reminders...), newest first, as the outbox holds them: for the national "
                + "team (MANAGE_PEOPLE nationally), outside production (Actions:ShowOutbox to change).")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 50)
            .ResolveAsync(async ctx =>
            {
                var rights = await ctx.Service<CallerContext>().GetRightsAsync(ctx.CancellationToken);
                rights.RequirePerson();
                if (!rights.OverseesEveryone) throw new ForbiddenException("The outbox is the national team's.");
                // Links in it confirm someone's sign-up: shown for demos and tests, not in production unless asked.
                var shown = ctx.Service<IConfiguration>().GetValue<bool?>("Actions:ShowOutbox") ?? !ctx.Service<IHostEnvironment>().IsProduction();
                if (!shown) throw new ForbiddenException("The outbox is not shown in production (Actions:ShowOutbox).");
                // Once real providers send them, the links and contacts are their recipients' alone.
                if (!ctx.Service<Messaging.IEmailSender>().IsLocal || !ctx.Service<Messaging.ISmsSender>().IsLocal)
                    throw new ForbiddenException("The outbox is shown only while no mail or SMS provider is configured.");
                return (await ctx.Service<ActionNotices>().OutboxAsync(Math.Clamp(ctx.GetArgument<int>("first"), 1, 200), ctx.CancellationToken))
                    .Select(n => new NoticeView(n, true)).ToList();
            });
        query.Field<NonNullGraphType<ConnectionType<ActionType>>>("myActions")
            .Description("Upcoming actions the viewer takes part in or organizes.").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<ActionService>().MineAsync(ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ActionPayloadType>>("createAction").Description("MANAGE_ACTIONS over the section.")
            .Argument<NonNullGraphType<CreateActionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionService>().CreateAsync(ctx.GetArgument<CreateActionInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ActionPayloadType>>("updateAction")
            .Argument<NonNullGraphType<UpdateActionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionService>().UpdateAsync(ctx.GetArgument<UpdateActionInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ActionPayloadType>>("duplicateAction").Description("A draft copy at another start, without participants.")
            .Argument<NonNullGraphType<DuplicateActionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionService>().DuplicateAsync(ctx.GetArgument<DuplicateActionInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ActionPayloadType>>("publishAction").Description("Refused during electoral silence.")
            .Argument<NonNullGraphType<IdGraphType>>("actionId")
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionService>().PublishAsync(ctx.GetArgument<string>("actionId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ActionPayloadType>>("cancelAction").Description("Participants are told (a notice each).")
            .Argument<NonNullGraphType<CancelActionInputType>>("input")
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionService>().CancelAsync(ctx.GetArgument<CancelActionInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ActionPayloadType>>("completeAction").Description("Marks a started action as done.")
            .Argument<NonNullGraphType<IdGraphType>>("actionId")
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionService>().CompleteAsync(ctx.GetArgument<string>("actionId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ActionPayloadType>>("joinAction")
            .Description("The signed-in person joins; when full they go on the waiting list, unless waitIfFull is false (ACTION_FULL).")
            .Argument<NonNullGraphType<IdGraphType>>("actionId").Argument<BooleanGraphType>("waitIfFull", a => a.DefaultValue = true)
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionParticipation>().JoinAsync(ctx.GetArgument<string>("actionId"), ctx.GetArgument<bool>("waitIfFull"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<VisitorJoinPayloadType>>("joinActionAsVisitor")
            .Description("Someone without an account asks to join with their name, an email or a mobile number, and consent: a link "
                + "goes to that contact and nothing is created until they confirm with it (confirmVisitorSignup). The answer is the "
                + "same whatever the contact.")
            .Argument<NonNullGraphType<JoinActionAsVisitorInputType>>("input")
            .ResolveAsync(async ctx => await Payload<VisitorJoinResult>.RunAsync(() =>
                ctx.Service<ActionParticipation>().JoinAsVisitorAsync(ctx.GetArgument<JoinActionAsVisitorInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<VisitorJoinPayloadType>>("confirmVisitorSignup")
            .Description("The link a visitor got: they become a supporter and join the action (or its waiting list).")
            .Argument<NonNullGraphType<StringGraphType>>("token")
            .ResolveAsync(async ctx => await Payload<VisitorJoinResult>.RunAsync(() =>
                ctx.Service<ActionParticipation>().ConfirmVisitorAsync(ctx.GetArgument<string>("token"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ActionPayloadType>>("leaveAction").Description("The first on the waiting list takes the freed place.")
            .Argument<NonNullGraphType<IdGraphType>>("actionId")
            .ResolveAsync(async ctx => await Payload<ActionView>.RunAsync(() =>
                ctx.Service<ActionParticipation>().LeaveAsync(ctx.GetArgument<string>("actionId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<CheckInPayloadType>>("checkInParticipant").Description("For those who run the action.")
            .Argument<NonNullGraphType<CheckInInputType>>("input")
            .ResolveAsync(async ctx => await Payload<ParticipantView>.RunAsync(() =>
                ctx.Service<ActionParticipation>().CheckInAsync(ctx.GetArgument<CheckInInput>("input"), ctx.CancellationToken)));
    }

    public Task SeedDemoAsync(DemoWorld demo, CancellationToken ct)
    {
        ActionsDemo.Seed(demo);
        return Task.CompletedTask;
    }

    public IEnumerable<NodeFetcher> NodeTypes =>
    [
        NodeFetcher.ForGuids(ActionService.NodeType, (s, ids, ct) => s.GetRequiredService<ActionService>().ByIdsAsync(ids, ct)),
    ];
}
