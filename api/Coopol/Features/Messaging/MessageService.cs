using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.Elections;
using Coopol.Features.JobRuns;
using Coopol.Features.People;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Coopol.Features.Messaging;

/// <summary>A message and its statistics per outbox status, as its senders see it.</summary>
public sealed record MessageView(Message Message);

/// <summary>What a text will cost before it is sent: for an SMS its length, encoding, segments and price; for a
/// newsletter its HTML as a recipient will see it.</summary>
public sealed record MessagePreview(string? Subject, string? Html, string Text, SmsLength? Sms, decimal? CostPerRecipient, string? Currency);

/// <summary>Writing, previewing, test-sending, sending and cancelling messages. Only holders of SEND_MESSAGES on the
/// message's node (delegates included) do any of it; the send itself is a job acting as its author.</summary>
public sealed class MessageService(CoopolDbContext db, MessagingAccess access, SegmentService segments, ElectoralSilence silence,
    JobRunService runs, PeopleAccess people, IValidator<ComposeMessageInput> validator, IOptions<TwilioOptions> twilio,
    OutboxDispatcher dispatcher, TimeProvider clock)
{
    public const string NodeType = "Message";
    public const int MaxTestsPerDay = 20;

    public static readonly KeysetOrder<Message> Order = KeysetOrder<Message>.DescendingBy("messages",
        KeysetOrder<Message>.Key(m => m.CreatedAt), KeysetOrder<Message>.Key(m => m.Id));

    public async Task<Message> ComposeAsync(ComposeMessageInput input, CancellationToken ct)
    {
        // Who may write here is checked before the text is: only senders get their text read.
        Message message;
        if (input.Id is { } given)
        {
            message = await RequireAsync(given, ct, tracking: true);
            await access.RequireSenderAsync(message.Node, ct);
            validator.ValidateOrThrow(input);
            if (message.Status != MessageStatus.Draft) throw new MessageNotDraftException();
            if (message.Channel != input.Channel) throw InputValidationException.For("channel", "CHANNEL_CHANGED", "A draft keeps its channel.");
        }
        else
        {
            var node = await access.NodeAsync(input.SectionId, input.FederationCode, ct);
            var author = await access.RequireSenderAsync(node, ct);
            validator.ValidateOrThrow(input);
            message = new Message
            {
                Channel = input.Channel, Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId, AuthorId = author,
                CreatedAt = Now(),
            };
            db.Add(message);
        }
        if (input.IgnoreQuietHours && !(await access.RightsAsync(ct)).Can(Permission.SendMessages, TreeNode.National))
            throw InputValidationException.For("ignoreQuietHours", "NATIONAL_ONLY", "Only the national team sends SMS outside 8:00–20:00.");
        await SetAudienceAsync(message, input, ct);
        await CheckNotCampaignAsync(message.Node, input.Campaign, message.SegmentDefinition, ct);
        message.Purpose = input.Purpose;
        message.Subject = input.Channel == ConsentChannel.Email ? input.Subject?.Trim() : null;
        message.Body = input.Body;
        message.Campaign = input.Campaign;
        message.IgnoreQuietHours = input.IgnoreQuietHours;
        message.UpdatedAt = Now();
        await db.SaveChangesAsync(ct);
        return message;
    }

    /// <summary>Only campaigning is held by electoral silence, so "not campaign" is for what plainly is not: a message to
    /// members only (a meeting, an organizational note), or the national team's own call.</summary>
    private async Task CheckNotCampaignAsync(TreeNode node, bool campaign, SegmentDefinition definition, CancellationToken ct)
    {
        if (campaign || definition.Kinds is [PersonKind.Member]) return;
        if ((await access.RightsAsync(ct)).Can(Permission.SendMessages, TreeNode.National)) return;
        throw InputValidationException.For("campaign", "CAMPAIGN_REQUIRED",
            "A message that reaches supporters is campaigning: only a message to members alone may be marked otherwise.");
    }

    private async Task SetAudienceAsync(Message message, ComposeMessageInput input, CancellationToken ct)
    {
        if (input.SegmentId is { } segmentId)
        {
            var segment = await segments.FindAsync(GlobalId.ParseGuid(segmentId, SegmentService.NodeType, "segmentId"), ct)
                ?? throw InputValidationException.For("segmentId", "SEGMENT_NOT_FOUND", "This segment was not found.");
            // A segment serves its own node: its filters were made for those people (a section's "members" used from the
            // federation would reach every member of the federation).
            if (segment.Node != message.Node)
                throw InputValidationException.For("segmentId", "SEGMENT_NOT_FOUND", "This segment was not found.");
            message.SegmentId = segment.Id;
            message.SegmentName = segment.Name;
            message.SegmentDefinition = segment.Definition;
            message.Area = segment.Area;
        }
        else
        {
            var (definition, area) = await segments.ResolveAsync(message.Node, input.Definition ?? new SegmentDefinitionInput(), "definition", ct);
            if (area is not null)
                throw InputValidationException.For("definition.area", "SAVE_SEGMENT_FIRST", "Save a segment drawn on the map, then send to it.");
            message.SegmentId = null;
            message.SegmentName = "";
            message.SegmentDefinition = definition;
            message.Area = null;
        }
    }

    public MessagePreview Preview(ConsentChannel channel, string? subject, string body, string senderName, string footer, string? firstName, string? section)
    {
        if (channel == ConsentChannel.Sms)
        {
            var text = MessageRules.Fill(body, firstName, section);
            var length = SmsLength.Of(text);
            return new MessagePreview(null, null, text, length, length.Segments * twilio.Value.PricePerSegment, twilio.Value.Currency);
        }
        var (s, html, plain) = new Newsletter(subject ?? "", body, senderName, footer).For(firstName, section, "#unsubscribe");
        return new MessagePreview(s, html, plain, null, null, null);
    }

    /// <summary>The message as its first recipient would get it, with the caller's own first name.</summary>
    public async Task<MessagePreview> PreviewAsync(Message message, CancellationToken ct)
    {
        var rights = await access.RightsAsync(ct);
        var me = rights.PersonId is { } id ? await people.FindAsync(id, ct) : null;
        var section = message.SectionId is { } s ? await db.Sections.AsNoTracking().Where(x => x.Id == s).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        if (message.Channel == ConsentChannel.Sms) return Preview(message.Channel, null, message.Body, "", "", me?.FirstName, section);
        var newsletter = await dispatcher.NewsletterAsync(message, ct);
        var (subject, html, text) = newsletter.For(me?.FirstName, section, "#unsubscribe");
        return new MessagePreview(subject, html, text, null, null, null);
    }

    /// <summary>Sends the draft to its author alone (their own email or mobile), through the same outbox and provider.</summary>
    public async Task<Message> TestSendAsync(string messageId, CancellationToken ct)
    {
        var message = await RequireAsync(messageId, ct);
        var author = await access.RequireSenderAsync(message.Node, ct);
        if (message.Status != MessageStatus.Draft) throw new MessageNotDraftException();
        var me = await people.FindAsync(author, ct) ?? throw new ForbiddenException("Your account is not linked to a person of the party.");
        // One's own contact is not verified: a few tests a day keep it from becoming a way to text anyone.
        var since = Now().AddDays(-1);
        if (await db.Set<OutboxMessage>().CountAsync(o => o.IsTest && o.PersonId == me.Id && o.CreatedAt > since, ct) >= MaxTestsPerDay)
            throw new TooManyTestsException();
        var address = message.Channel == ConsentChannel.Email ? me.Email : me.Phone;
        if (address is null)
            throw new NoOwnContactException(message.Channel);
        var now = Now();
        db.Add(new OutboxMessage
        {
            MessageId = message.Id, PersonId = me.Id, Channel = message.Channel, Address = address, Key = $"test:{message.Id:N}:{now.Ticks}",
            Status = OutboxStatus.Queued, NextAttemptAt = now, FirstName = me.FirstName, SectionId = me.SectionId, IsTest = true, CreatedAt = now,
            FederationCode = await db.Sections.AsNoTracking().Where(s => s.Id == me.SectionId).Select(s => s.FederationCode).FirstAsync(ct),
            TimeZone = QuietHours.ZoneOf(me.Phone, message.FederationCode),
        });
        await db.SaveChangesAsync(ct);
        await StartSendAsync(message, null, ct);
        return message;
    }

    public async Task<Message> SendAsync(SendMessageInput input, CancellationToken ct)
    {
        var message = await RequireAsync(input.MessageId, ct, tracking: true);
        var sender = await access.RequireSenderAsync(message.Node, ct);
        if (message.Status != MessageStatus.Draft) throw new MessageNotDraftException();
        var now = Now();
        var at = input.At is { } when && when > now ? when : (DateTime?)null;
        if (at is { } later && later > now.AddDays(90)) throw InputValidationException.For("at", "SCHEDULE_TOO_FAR", "Schedule at most 90 days ahead.");
        if (message.Campaign && await SilenceOverNodeAsync(message.Node, at ?? now, ct) is { } period)
            throw new ElectoralSilenceInEffectException(period);
        // Written by the national team, sent by someone else: the override is the sender's to make.
        if (message.IgnoreQuietHours && !(await access.RightsAsync(ct)).Can(Permission.SendMessages, TreeNode.National))
            throw InputValidationException.For("ignoreQuietHours", "NATIONAL_ONLY", "Only the national team sends SMS outside 8:00–20:00.");
        await CheckNotCampaignAsync(message.Node, message.Campaign, message.SegmentDefinition, ct);
        // The count the sender was shown: nobody reachable is an error, not an empty send.
        var count = await segments.CountAsync(message.Node, message.SegmentDefinition, message.Area, ct, message.Purpose);
        var reachable = message.Channel == ConsentChannel.Email ? count.EmailReachable : count.SmsReachable;
        if (reachable == 0) throw new EmptySegmentException(message.Channel);
        // A sender who does not see everyone here is told no count under 5: nor may they send to fewer.
        if (reachable is null) throw new SegmentTooSmallException();
        message.Status = at is null ? MessageStatus.Sending : MessageStatus.Scheduled;
        message.ScheduledAt = at;
        message.SentById = sender;
        message.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        await StartSendAsync(message, at, ct);
        return message;
    }

    public async Task<Message> CancelAsync(string messageId, CancellationToken ct)
    {
        var message = await RequireAsync(messageId, ct);
        await access.RequireSenderAsync(message.Node, ct);
        // Conditional: a send that has just started is not marked cancelled while it goes on.
        var now = Now();
        if (await db.Set<Message>().Where(m => m.Id == message.Id && (m.Status == MessageStatus.Draft || m.Status == MessageStatus.Scheduled))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Cancelled).SetProperty(m => m.UpdatedAt, now), ct) == 0)
            throw new MessageNotDraftException();
        message.Status = MessageStatus.Cancelled;
        return message;
    }

    public Task<JobRun> StartSendAsync(Message message, DateTime? at, CancellationToken ct) =>
        runs.StartAsync<SendMessageJob>(SendMessageJob.Kind, Permission.SendMessages, message.Node, new SendMessageJob.Parameters(message.Id),
            id => j => j.RunAsync(id, CancellationToken.None), ct, at);

    /// <summary>A silence over the whole territory the message goes to (a commune's silence holds that commune's rows).</summary>
    public async Task<SilencePeriod?> SilenceOverNodeAsync(TreeNode node, DateTime at, CancellationToken ct)
    {
        var periods = await silence.OverlappingAsync(at, at.AddSeconds(1), ct);
        return periods.FirstOrDefault(p => p.Scope == "FR" || (node.FederationCode is { } f && p.Scope == f));
    }

    public async Task<Message> RequireAsync(string id, CancellationToken ct, bool tracking = false) =>
        await FindAsync(GlobalId.ParseGuid(id, NodeType, "messageId"), ct, tracking) ?? throw new MessageNotFoundException();

    /// <summary>A message the caller may send from its node; anything else reads as unknown.</summary>
    public async Task<Message?> FindAsync(Guid id, CancellationToken ct, bool tracking = false)
    {
        var query = tracking ? db.Set<Message>().AsTracking() : db.Set<Message>().AsNoTracking();
        var message = await query.FirstOrDefaultAsync(m => m.Id == id, ct);
        return message is not null && await access.MaySendAsync(message.Node, ct) ? message : null;
    }

    public async Task<Page<Message>> OfNodeAsync(TreeNode node, PageRequest page, CancellationToken ct)
    {
        await access.RequireSenderAsync(node, ct);
        return await db.Set<Message>().AsNoTracking()
            .Where(m => m.Level == node.Level && m.FederationCode == node.FederationCode && m.SectionId == node.SectionId)
            .ToPageAsync(Order, page, ct);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

public sealed class MessageNotFoundException() : CoopolException("MESSAGE_NOT_FOUND", "This message was not found.");

public sealed class MessageNotDraftException() : CoopolException("MESSAGE_NOT_DRAFT", "This message has already been sent or cancelled.");

public sealed class EmptySegmentException(ConsentChannel channel) : CoopolException("EMPTY_SEGMENT",
    channel == ConsentChannel.Email
        ? "Nobody in this segment may receive it: nobody has an email and has agreed to newsletters."
        : "Nobody in this segment may receive it: nobody has a mobile number and has agreed to SMS.");

public sealed class NoOwnContactException(ConsentChannel channel) : CoopolException("NO_OWN_CONTACT",
    channel == ConsentChannel.Email ? "Add your email to your profile to test a newsletter." : "Add your mobile number to your profile to test an SMS.");

public sealed class SegmentTooSmallException() : CoopolException("SEGMENT_TOO_SMALL",
    "This segment reaches too few people to be sent by you: ask someone who manages the section's people to send it.");

public sealed class TooManyTestsException() : CoopolException("TOO_MANY_TESTS",
    $"At most {MessageService.MaxTestsPerDay} test sends a day.");
