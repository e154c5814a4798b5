using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.Actions;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Coopol.Features.Messaging;

public sealed class SegmentDefinitionType : ObjectGraphType<SegmentDefinition>
{
    public SegmentDefinitionType()
    {
        Name = "SegmentDefinition";
        Description = "A segment's filters: every filter given holds; a list holds when any of its items does.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonKindType>>>>("kinds").Resolve(ctx => ctx.Source.Kinds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("tags").Resolve(ctx => ctx.Source.Tags);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("sectionIds")
            .Resolve(ctx => ctx.Source.SectionIds.Select(id => GlobalId.Encode(SectionService.NodeType, id)));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("stationIds").Resolve(ctx => ctx.Source.StationIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("actionIds")
            .Resolve(ctx => ctx.Source.ActionIds.Select(id => GlobalId.Encode(ActionService.NodeType, id)));
        Field<ConsentChannelType>("consentFor").Resolve(ctx => ctx.Source.ConsentFor);
        Field<NonNullGraphType<IntGraphType>>("personCount").Description("People of a static list (picked by hand).")
            .Resolve(ctx => ctx.Source.PersonIds.Count);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("personIds")
            .Description("Those of the static list whose details the viewer sees (personCount counts them all).")
            .ResolveAsync(async ctx =>
            {
                if (ctx.Source.PersonIds.Count == 0) return Array.Empty<string>();
                var people = ctx.Service<PeopleAccess>();
                var seen = await people.ByIdsAsync(ctx.Source.PersonIds, ctx.CancellationToken);
                var scope = await people.ScopeAsync(ctx.CancellationToken);
                return ctx.Source.PersonIds.Where(id => seen.TryGetValue(id, out var p) && scope.SeesDetails(p))
                    .Select(id => GlobalId.Encode(PersonService.NodeType, id)).ToArray();
            });
    }
}

public sealed class SegmentType : ObjectGraphType<Segment>
{
    public SegmentType()
    {
        Name = "Segment";
        Description = "A saved segment of a section, a federation or the party: filters over its people. Seen by those who send from there.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(SegmentService.NodeType, ctx.Source.Id));
        Field(s => s.Name);
        Field<NonNullGraphType<Roles.TreeLevelType>>("level").Resolve(ctx => ctx.Source.Level);
        Field(s => s.FederationCode, nullable: true);
        Field<IdGraphType>("sectionId").Resolve(ctx => ctx.Source.SectionId is { } id ? GlobalId.Encode(SectionService.NodeType, id) : null);
        Field<NonNullGraphType<SegmentDefinitionType>>("definition").Resolve(ctx => ctx.Source.Definition);
        Field<StringGraphType>("area").Description("The drawn area, as GeoJSON.")
            .Resolve(ctx => ctx.Source.Area is { } a ? Geo.GeoJsonArea.Write(a) : null);
        Field<NonNullGraphType<SegmentCountType>>("count").Description("Live: who it reaches now.")
            .ResolveAsync(async ctx => await ctx.Service<SegmentService>()
                .CountAsync(ctx.Source.Node, ctx.Source.Definition, ctx.Source.Area, ctx.CancellationToken));
        Field(s => s.UpdatedAt);
    }
}

public sealed class SegmentCountType : ObjectGraphType<SegmentCount>
{
    public SegmentCountType()
    {
        Name = "SegmentCount";
        Description = "Who a segment reaches now. A count under 5 is null for a sender who does not see the people (smallCountsHidden).";
        Field(c => c.Matched, nullable: true).Description("People the filters match.");
        Field(c => c.EmailReachable, nullable: true).Description("Of them, with an email and consent to newsletters.");
        Field(c => c.SmsReachable, nullable: true).Description("Of them, with a mobile and consent to SMS.");
        Field(c => c.SmallCountsHidden);
    }
}

public sealed class SegmentDefinitionInputType : InputObjectGraphType<SegmentDefinitionInput>
{
    public SegmentDefinitionInputType()
    {
        Name = "SegmentDefinitionInput";
        Field<ListGraphType<NonNullGraphType<PersonKindType>>>("kinds");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("sectionIds");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("stationIds").Description("Polling stations (\"29019_0001\"): people living inside their contours.");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("actionIds").Description("People who took part in these actions.");
        Field<ConsentChannelType>("consentFor");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("personIds").Description("A static list, picked by hand.");
        Field<StringGraphType>("area").Description("A drawn area: a GeoJSON Polygon or MultiPolygon (geographic group).");
    }
}

public sealed class SaveSegmentInputType : InputObjectGraphType<SaveSegmentInput>
{
    public SaveSegmentInputType()
    {
        Name = "SaveSegmentInput";
        Description = "A new segment (sectionId, federationCode or neither for the party) or a change to one (id).";
        Field<IdGraphType>("id");
        Field<IdGraphType>("sectionId");
        Field<StringGraphType>("federationCode");
        Field(x => x.Name);
        Field<NonNullGraphType<SegmentDefinitionInputType>>("definition");
    }
}

public sealed class SegmentPayloadType() : PayloadType<SegmentType, Segment>("SegmentPayload", "segment");

public sealed class MessageStatusType : EnumerationGraphType<MessageStatus>
{
    public MessageStatusType() => Name = "MessageStatus";
}

public sealed class OutboxStatusType : EnumerationGraphType<OutboxStatus>
{
    public OutboxStatusType() => Name = "OutboxStatus";
}

public sealed class MessageType : ObjectGraphType<Message>
{
    public MessageType()
    {
        Name = "Message";
        Description = "A newsletter or an SMS, its audience and how its sending went. Seen by those who send from its node.";
        Interface<NodeInterface>();
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(ctx => GlobalId.Encode(MessageService.NodeType, ctx.Source.Id));
        Field<NonNullGraphType<ConsentChannelType>>("channel").Resolve(ctx => ctx.Source.Channel);
        Field<NonNullGraphType<ConsentPurposeType>>("purpose").Resolve(ctx => ctx.Source.Purpose);
        Field<NonNullGraphType<Roles.TreeLevelType>>("level").Resolve(ctx => ctx.Source.Level);
        Field(m => m.FederationCode, nullable: true);
        Field<IdGraphType>("sectionId").Resolve(ctx => ctx.Source.SectionId is { } id ? GlobalId.Encode(SectionService.NodeType, id) : null);
        Field<IdGraphType>("segmentId").Resolve(ctx => ctx.Source.SegmentId is { } id ? GlobalId.Encode(SegmentService.NodeType, id) : null);
        Field(m => m.SegmentName);
        Field<NonNullGraphType<SegmentDefinitionType>>("segmentDefinition").Description("The audience as it was when sent.")
            .Resolve(ctx => ctx.Source.SegmentDefinition);
        Field(m => m.Subject, nullable: true);
        Field(m => m.Body);
        Field(m => m.Campaign).Description("Campaigning: held during electoral silence.");
        Field(m => m.IgnoreQuietHours);
        Field<NonNullGraphType<MessageStatusType>>("status").Resolve(ctx => ctx.Source.Status);
        Field(m => m.ScheduledAt, nullable: true);
        Field(m => m.SendStartedAt, nullable: true);
        Field(m => m.FinishedAt, nullable: true);
        Field(m => m.Matched).Description("People the segment matched when the recipients were queued.");
        Field(m => m.WithoutConsent);
        Field(m => m.WithoutContact).Description("Consenting, but without an email or a usable mobile.");
        Field(m => m.Duplicates).Description("Left out because another record had the same address.");
        Field(m => m.Queued).Description("Recipients written into the outbox.");
        Field(m => m.StopCode, nullable: true);
        Field(m => m.StopReason, nullable: true);
        Field(m => m.CreatedAt);
        Field<NonNullGraphType<MessageStatsType>>("stats").Description("Outbox rows per status.")
            .ResolveAsync(async ctx => await ctx.Service<OutboxService>().StatsAsync(ctx.Source.Id, ctx.CancellationToken));
        Field<NonNullGraphType<MessagePreviewType>>("preview").Description("As a recipient will get it, with the viewer's first name.")
            .ResolveAsync(async ctx => await ctx.Service<MessageService>().PreviewAsync(ctx.Source, ctx.CancellationToken));
        Field<NonNullGraphType<ConnectionType<OutboxEntryType>>>("outbox").Argument<OutboxStatusType>("status").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<OutboxService>()
                .RowsAsync(ctx.Source.Id, ctx.GetArgument<OutboxStatus?>("status"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
    }
}

public sealed class MessageStatsType : ObjectGraphType<MessageStats>
{
    public MessageStatsType()
    {
        Name = "MessageStats";
        Field(s => s.Queued);
        Field(s => s.Held).Description("Held by electoral silence.");
        Field(s => s.Sending);
        Field(s => s.Sent);
        Field(s => s.Delivered);
        Field(s => s.Failed);
        Field(s => s.Bounced);
        Field(s => s.OptedOut);
        Field(s => s.Tests).Description("Test sends to the author.");
    }
}

public sealed class SmsLengthType : ObjectGraphType<SmsLength>
{
    public SmsLengthType()
    {
        Name = "SmsLength";
        Field(s => s.Characters);
        Field<NonNullGraphType<StringGraphType>>("encoding").Description("GSM7 or UCS2 (any character outside GSM 03.38: accents like ê, emoji).")
            .Resolve(ctx => ctx.Source.Encoding == SmsEncoding.Gsm7 ? "GSM7" : "UCS2");
        Field(s => s.Units).Description("Septets (GSM-7) or UTF-16 units (UCS-2).");
        Field(s => s.Segments);
    }
}

public sealed class MessagePreviewType : ObjectGraphType<MessagePreview>
{
    public MessagePreviewType()
    {
        Name = "MessagePreview";
        Field(p => p.Subject, nullable: true);
        Field(p => p.Html, nullable: true).Description("The newsletter's HTML (raw HTML in its Markdown is shown as text).");
        Field(p => p.Text);
        Field<SmsLengthType>("sms").Resolve(ctx => ctx.Source.Sms);
        Field(p => p.CostPerRecipient, nullable: true).Description("Estimated price of one SMS (segments × price per segment).");
        Field(p => p.Currency, nullable: true);
    }
}

public sealed class OutboxEntryType : ObjectGraphType<OutboxEntryView>
{
    public OutboxEntryType()
    {
        Name = "OutboxEntry";
        Description = "One recipient of a message. Name and full address only for a viewer who sees that person's details.";
        Field<NonNullGraphType<StringGraphType>>("recipient")
            .Resolve(ctx => ctx.Source.SeesRecipient ? ctx.Source.Row.Address : OutboxService.Mask(ctx.Source.Row.Address));
        Field<StringGraphType>("recipientName").Resolve(ctx => ctx.Source.RecipientName);
        Field<NonNullGraphType<OutboxStatusType>>("status").Resolve(ctx => ctx.Source.Row.Status);
        Field<StringGraphType>("note").Resolve(ctx => ctx.Source.Row.Note);
        Field<StringGraphType>("errorCode").Resolve(ctx => ctx.Source.Row.ErrorCode);
        Field<NonNullGraphType<IntGraphType>>("attempts").Resolve(ctx => ctx.Source.Row.Attempts);
        Field<NonNullGraphType<BooleanGraphType>>("isTest").Resolve(ctx => ctx.Source.Row.IsTest);
        Field<NonNullGraphType<DateTimeGraphType>>("nextAttemptAt").Resolve(ctx => ctx.Source.Row.NextAttemptAt);
        Field<DateTimeGraphType>("sentAt").Resolve(ctx => ctx.Source.Row.SentAt);
        Field<DateTimeGraphType>("deliveredAt").Resolve(ctx => ctx.Source.Row.DeliveredAt);
        Field<BooleanGraphType>("local").Description("Kept in the local outbox: no provider is configured, nothing left.")
            .Resolve(ctx => ctx.Source.Row.ProviderId == LocalOutbox.ProviderId);
    }
}

public sealed class ComposeMessageInputType : InputObjectGraphType<ComposeMessageInput>
{
    public ComposeMessageInputType()
    {
        Name = "ComposeMessageInput";
        Description = "A new draft (sectionId, federationCode or neither for the party) or a change to one (id). Text may use {{firstName}} and {{section}}.";
        Field<IdGraphType>("id");
        Field<IdGraphType>("sectionId");
        Field<StringGraphType>("federationCode");
        Field<NonNullGraphType<ConsentChannelType>>("channel");
        Field<ConsentPurposeType>("purpose").DefaultValue(ConsentPurpose.News);
        Field<IdGraphType>("segmentId");
        Field<SegmentDefinitionInputType>("definition");
        Field<StringGraphType>("subject");
        Field(x => x.Body);
        Field<BooleanGraphType>("campaign").DefaultValue(true);
        Field<BooleanGraphType>("ignoreQuietHours").DefaultValue(false).Description("SMS, national team only.");
    }
}

public sealed class SendMessageInputType : InputObjectGraphType<SendMessageInput>
{
    public SendMessageInputType()
    {
        Name = "SendMessageInput";
        Field<NonNullGraphType<IdGraphType>>("messageId");
        Field<DateTimeGraphType>("at").Description("When to send; now when absent.");
    }
}

public sealed class MessagePayloadType() : PayloadType<MessageType, Message>("MessagePayload", "message");

public sealed class SectionMailTemplateType : ObjectGraphType<SectionMailTemplate>
{
    public SectionMailTemplateType()
    {
        Name = "SectionMailTemplate";
        Field(t => t.SenderName);
        Field(t => t.Footer).Description("Markdown, under every newsletter of the section.");
    }
}

public sealed class SectionMailTemplateInput
{
    public string SectionId { get; init; } = "";
    public string SenderName { get; init; } = "";
    public string Footer { get; init; } = "";
}

public sealed class SectionMailTemplateInputType : InputObjectGraphType<SectionMailTemplateInput>
{
    public SectionMailTemplateInputType()
    {
        Name = "SectionMailTemplateInput";
        Field<NonNullGraphType<IdGraphType>>("sectionId");
        Field(x => x.SenderName);
        Field(x => x.Footer);
    }
}

public sealed class SectionMailTemplatePayloadType() : PayloadType<SectionMailTemplateType, SectionMailTemplate>("SectionMailTemplatePayload", "template");
