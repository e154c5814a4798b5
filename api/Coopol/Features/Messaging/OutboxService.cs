using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Messaging;

/// <summary>How many of a message's rows are in each status.</summary>
public sealed record MessageStats(int Queued, int Held, int Sending, int Sent, int Delivered, int Failed, int Bounced, int OptedOut, int Tests);

/// <summary>One row of a message's outbox as its sender sees it: the recipient's name and full address only if the sender
/// sees that person's details; otherwise a masked address. Its content (as sent) for those same rows.</summary>
public sealed record OutboxEntryView(OutboxMessage Row, string? RecipientName, bool SeesRecipient);

/// <summary>Reads a message's outbox for those who may send from its node (the message was found through
/// <see cref="MessageService.FindAsync"/>).</summary>
public sealed class OutboxService(CoopolDbContext db, PeopleAccess people)
{
    public static readonly KeysetOrder<OutboxMessage> Order = KeysetOrder<OutboxMessage>.Ascending("outbox", KeysetOrder<OutboxMessage>.Key(o => o.Id));

    public async Task<MessageStats> StatsAsync(Guid messageId, CancellationToken ct)
    {
        var counts = await db.Set<OutboxMessage>().AsNoTracking().Where(o => o.MessageId == messageId)
            .GroupBy(o => new { o.Status, o.IsTest }).Select(g => new { g.Key.Status, g.Key.IsTest, Count = g.Count() }).ToListAsync(ct);
        int Of(OutboxStatus s) => counts.Where(c => c.Status == s && !c.IsTest).Sum(c => c.Count);
        return new MessageStats(Of(OutboxStatus.Queued), Of(OutboxStatus.Held), Of(OutboxStatus.Sending), Of(OutboxStatus.Sent),
            Of(OutboxStatus.Delivered), Of(OutboxStatus.Failed), Of(OutboxStatus.Bounced), Of(OutboxStatus.OptedOut), counts.Where(c => c.IsTest).Sum(c => c.Count));
    }

    public async Task<Page<OutboxEntryView>> RowsAsync(Guid messageId, OutboxStatus? status, PageRequest page, CancellationToken ct)
    {
        var query = db.Set<OutboxMessage>().AsNoTracking().Where(o => o.MessageId == messageId);
        if (status is { } s) query = query.Where(o => o.Status == s);
        var rows = await query.ToPageAsync(Order, page, ct);
        var seen = await people.ByIdsAsync(rows.Items.Select(r => r.PersonId).OfType<Guid>().Distinct().ToList(), ct);
        var scope = await people.ScopeAsync(ct);
        return new Page<OutboxEntryView>(rows.Items.Select(r =>
            {
                var person = r.PersonId is { } p ? seen.GetValueOrDefault(p) : null;
                var details = person is not null && scope.SeesDetails(person);
                return new OutboxEntryView(r, details ? person!.DisplayName : null, details);
            }).ToList(),
            rows.HasNextPage, rows.HasPreviousPage, rows.TotalCount, v => Order.CursorOf(v.Row));
    }

    /// <summary>What a sender who does not see the person is shown of the address: the channel, nothing of the address
    /// (a domain or a few digits would help find who it is).</summary>
    public static string Mask(string address) => address.Contains('@') ? "•••@•••" : "+•• •• •• •• ••";
}
