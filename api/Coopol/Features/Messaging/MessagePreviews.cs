using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Messaging;

/// <summary>A text being written, shown as it will look before it is saved: the composer calls it as the sender types.</summary>
public sealed class MessagePreviews(CoopolDbContext db, MessagingAccess access, MessageService messages, PeopleAccess people)
{
    public async Task<MessagePreview> PreviewAsync(TreeNode node, ConsentChannel channel, string? subject, string body, CancellationToken ct)
    {
        var me = await access.RequireSenderAsync(node, ct);
        if (body.Length > MessageRules.MaxBodyLength) throw InputValidationException.For("body", "TOO_LONG", "The text is too long.");
        if (MessageRules.UnknownVariables(body + " " + subject) is [var unknown, ..])
            throw InputValidationException.For("body", "UNKNOWN_VARIABLE", $"Unknown variable {{{{{unknown}}}}}: use {{{{firstName}}}} or {{{{section}}}}.");
        var firstName = (await people.FindAsync(me, ct))?.FirstName;
        var section = node.SectionId is { } id ? await db.Sections.AsNoTracking().Where(s => s.Id == id).Select(s => s.Name).FirstAsync(ct) : null;
        var template = node.SectionId is { } sid ? await db.Set<SectionMailTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.SectionId == sid, ct) : null;
        return messages.Preview(channel, subject, body, template?.SenderName ?? section ?? "Coopol", template?.Footer ?? "", firstName, section);
    }
}

/// <summary>Picks up sends cut short (a worker that died mid-batch, rows due again after a retry delay) and starts a run
/// for each, acting as its sender: the dispatcher's lock makes a run that finds another one at work stop at once.</summary>
public sealed class ResumeMessagesJob(CoopolDbContext db, CallerContext caller, MessageService messages, TimeProvider clock)
{
    public const string RecurringId = "messaging:resume";
    public static readonly TimeSpan StuckAfter = TimeSpan.FromMinutes(10);

    [Hangfire.AutomaticRetry(Attempts = 0)]
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stuckBefore = now - StuckAfter;
        var due = await db.Set<Message>().AsNoTracking().Where(m => m.Status == MessageStatus.Sending && m.SentById != null)
            .Where(m => db.Set<OutboxMessage>().Any(o => o.MessageId == m.Id
                && ((o.Status == OutboxStatus.Queued && o.NextAttemptAt <= now) || (o.Status == OutboxStatus.Sending && o.ClaimedAt < stuckBefore))))
            .ToListAsync(ct);
        foreach (var message in due)
        {
            caller.ActFor(message.SentById!.Value);
            try
            {
                await messages.StartSendAsync(message, null, ct);
            }
            catch (CoopolException)
            {
                // This sender is no longer a person Coopol knows: their message waits; the others resume.
            }
        }
        return due.Count;
    }
}
