using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.People;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Coopol.Features.Privacy;

namespace Coopol.Features.Messaging;

/// <summary>Messaging: segments and geographic groups, newsletters (SMTP through MailKit) and SMS (Twilio), one outbox
/// for everything that leaves, sent by Hangfire as the message's author. Without SMTP or Twilio settings, messages stay
/// in the outbox, which the web client shows.</summary>
public sealed class MessagingFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp")).Configure<TwilioOptions>(configuration.GetSection("Twilio"));
        services.AddScoped<IPersonalDataStep, MessagingPersonalData>().AddScoped<MessagingAccess>().AddScoped<SegmentService>().AddScoped<MessageService>().AddScoped<OutboxService>()
            .AddScoped<OutboxDispatcher>().AddScoped<SendMessageJob>().AddScoped<UnsubscribeLinks>().AddScoped<SectionMailTemplates>()
            .AddScoped<TwilioWebhooks>().AddScoped<Unsubscribe>().AddScoped<ResumeMessagesJob>().AddScoped<MessagePreviews>()
            .AddScoped<IPersonMergeStep, MessagingMergeStep>().AddScoped<SendNoticesJob>();
        // One sender per process: SMTP keeps its connections open, Twilio's client is reusable.
        services.AddSingleton<LocalOutbox>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value is { Host: { Length: > 0 } } smtp
            ? new SmtpEmailSender(smtp) : sp.GetRequiredService<LocalOutbox>());
        services.AddSingleton<ISmsSender>(sp => sp.GetRequiredService<IOptions<TwilioOptions>>().Value is { IsConfigured: true } twilio
            ? new TwilioSmsSender(twilio, new HttpClient(new RetryAfterHandler(twilio.BaseUrl) { InnerHandler = new SocketsHttpHandler() })
                { Timeout = TimeSpan.FromSeconds(30) })
            : sp.GetRequiredService<LocalOutbox>());
    }

    public Permission Permissions => Permission.SendMessages;

    public Task SeedDemoAsync(Coopol.Data.DemoData.DemoWorld demo, CancellationToken ct)
    {
        MessagingDemo.Seed(demo);
        return Task.CompletedTask;
    }

    public void ConfigureModel(ModelBuilder model) =>
        model.HasDbFunction(typeof(SegmentQuery).GetMethod(nameof(SegmentQuery.Covers))!);

    public void ScheduleJobs(IRecurringJobManager jobs)
    {
        jobs.AddOrUpdate<ResumeMessagesJob>(ResumeMessagesJob.RecurringId, j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        jobs.AddOrUpdate<SendNoticesJob>(SendNoticesJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Minutely());
    }

    public IEnumerable<NodeFetcher> NodeTypes =>
    [
        NodeFetcher.ForGuids<Segment>(SegmentService.NodeType, async (s, ids, ct) =>
        {
            var service = s.GetRequiredService<SegmentService>();
            var found = new Dictionary<Guid, Segment>();
            foreach (var id in ids) if (await service.FindAsync(id, ct) is { } segment) found[id] = segment;
            return (IReadOnlyDictionary<Guid, Segment>)found;
        }),
        NodeFetcher.ForGuids<Message>(MessageService.NodeType, async (s, ids, ct) =>
        {
            var service = s.GetRequiredService<MessageService>();
            var found = new Dictionary<Guid, Message>();
            foreach (var id in ids) if (await service.FindAsync(id, ct) is { } message) found[id] = message;
            return (IReadOnlyDictionary<Guid, Message>)found;
        }),
    ];

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<SegmentType>>>("segments")
            .Description("Segments of a section (sectionId), a federation (federationCode) or the party (neither), by name: SEND_MESSAGES there.")
            .Argument<IdGraphType>("sectionId").Argument<StringGraphType>("federationCode").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<SegmentService>().OfNodeAsync(await NodeAsync(ctx), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<SegmentType>("segment").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), SegmentService.NodeType) is { } id
                ? await ctx.Service<SegmentService>().FindAsync(id, ctx.CancellationToken) : null);
        query.Field<NonNullGraphType<SegmentCountType>>("segmentCount").Description("The live count of filters, before saving or sending.")
            .Argument<IdGraphType>("sectionId").Argument<StringGraphType>("federationCode")
            .Argument<NonNullGraphType<SegmentDefinitionInputType>>("definition")
            .ResolveAsync(async ctx => await ctx.Service<SegmentService>().CountAsync(await NodeAsync(ctx),
                ctx.GetArgument<SegmentDefinitionInput>("definition"), ctx.CancellationToken));
        query.Field<NonNullGraphType<ConnectionType<MessageType>>>("messages").Description("Messages of a node, newest first: SEND_MESSAGES there.")
            .Argument<IdGraphType>("sectionId").Argument<StringGraphType>("federationCode").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<MessageService>().OfNodeAsync(await NodeAsync(ctx), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<MessageType>("message").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), MessageService.NodeType) is { } id
                ? await ctx.Service<MessageService>().FindAsync(id, ctx.CancellationToken) : null);
        query.Field<NonNullGraphType<MessagePreviewType>>("messagePreview")
            .Description("A text as it will look (HTML for a newsletter; length, encoding, segments and cost for an SMS), with the viewer's first name.")
            .Argument<IdGraphType>("sectionId").Argument<StringGraphType>("federationCode")
            .Argument<NonNullGraphType<ConsentChannelType>>("channel").Argument<StringGraphType>("subject").Argument<NonNullGraphType<StringGraphType>>("body")
            .ResolveAsync(async ctx => await ctx.Service<MessagePreviews>().PreviewAsync(await NodeAsync(ctx), ctx.GetArgument<ConsentChannel>("channel"),
                ctx.GetArgument<string?>("subject"), ctx.GetArgument<string>("body"), ctx.CancellationToken));
        query.Field<NonNullGraphType<SectionMailTemplateType>>("sectionMailTemplate").Argument<NonNullGraphType<IdGraphType>>("sectionId")
            .ResolveAsync(async ctx => await ctx.Service<SectionMailTemplates>().GetAsync(ctx.GetArgument<string>("sectionId"), ctx.CancellationToken));
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SegmentPayloadType>>("saveSegment").Argument<NonNullGraphType<SaveSegmentInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Segment>.RunAsync(() =>
                ctx.Service<SegmentService>().SaveAsync(ctx.GetArgument<SaveSegmentInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<SegmentPayloadType>>("deleteSegment").Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => await Payload<Segment>.RunAsync(() =>
                ctx.Service<SegmentService>().DeleteAsync(ctx.GetArgument<string>("id"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<MessagePayloadType>>("composeMessage").Description("Saves a draft newsletter or SMS.")
            .Argument<NonNullGraphType<ComposeMessageInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Message>.RunAsync(() =>
                ctx.Service<MessageService>().ComposeAsync(ctx.GetArgument<ComposeMessageInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<MessagePayloadType>>("testSendMessage").Description("Sends the draft to its author alone.")
            .Argument<NonNullGraphType<IdGraphType>>("messageId")
            .ResolveAsync(async ctx => await Payload<Message>.RunAsync(() =>
                ctx.Service<MessageService>().TestSendAsync(ctx.GetArgument<string>("messageId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<MessagePayloadType>>("sendMessage")
            .Description("Sends a draft now or at a time: a job acting as the sender queues its recipients and sends. Refused during electoral "
                + "silence over its territory (a campaign message) and when nobody in the segment may receive it (EMPTY_SEGMENT).")
            .Argument<NonNullGraphType<SendMessageInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Message>.RunAsync(() =>
                ctx.Service<MessageService>().SendAsync(ctx.GetArgument<SendMessageInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<MessagePayloadType>>("cancelMessage").Description("A draft or a scheduled message is not sent.")
            .Argument<NonNullGraphType<IdGraphType>>("messageId")
            .ResolveAsync(async ctx => await Payload<Message>.RunAsync(() =>
                ctx.Service<MessageService>().CancelAsync(ctx.GetArgument<string>("messageId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<SectionMailTemplatePayloadType>>("setSectionMailTemplate")
            .Argument<NonNullGraphType<SectionMailTemplateInputType>>("input")
            .ResolveAsync(async ctx => await Payload<SectionMailTemplate>.RunAsync(() =>
                ctx.Service<SectionMailTemplates>().SetAsync(ctx.GetArgument<SectionMailTemplateInput>("input"), ctx.CancellationToken)));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(TwilioWebhooks.InboundPath, (HttpRequest request, TwilioWebhooks hooks, CancellationToken ct) => hooks.InboundAsync(request, ct));
        endpoints.MapPost(TwilioWebhooks.StatusPath, (HttpRequest request, TwilioWebhooks hooks, CancellationToken ct) => hooks.StatusAsync(request, ct));
        endpoints.MapPost(Unsubscribe.Path, (string token, Unsubscribe unsubscribe, CancellationToken ct) => unsubscribe.PostAsync(token, ct))
            .DisableAntiforgery();
    }

    private static Task<TreeNode> NodeAsync(IResolveFieldContext ctx) => ctx.Service<MessagingAccess>()
        .NodeAsync(ctx.GetArgument<string?>("sectionId"), ctx.GetArgument<string?>("federationCode"), ctx.CancellationToken);
}
