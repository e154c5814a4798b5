using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Messaging;

public enum OutboxStatus
{
    /// <summary>Waiting to be sent (at <see cref="OutboxMessage.NextAttemptAt"/>: quiet hours or a retry can delay it).</summary>
    Queued,
    /// <summary>Kept back by a rule (electoral silence), with the reason; not sent unless released.</summary>
    Held,
    /// <summary>Handed to the provider; its answer is not recorded yet. After a crash, such rows are checked, not resent blindly.</summary>
    Sending,
    /// <summary>Accepted by the provider (or kept in the local outbox when none is configured).</summary>
    Sent,
    Delivered,
    Failed,
    Bounced,
    /// <summary>Not sent: the person withdrew their consent (or replied STOP) before it left.</summary>
    OptedOut,
}

/// <summary>One message to one recipient: everything that leaves Coopol (newsletters, SMS) goes through this table,
/// written once per recipient and message (its <see cref="Key"/> is unique), sent by a job that checks consent, silence
/// and quiet hours at the moment of sending, and updated by the provider's callbacks.</summary>
[PersonalData("who was sent what, at which address")]
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public Guid? MessageId { get; init; }
    public Guid? PersonId { get; init; }
    public required ConsentChannel Channel { get; init; }
    /// <summary>The email address or the E.164 mobile number.</summary>
    public required string Address { get; init; }
    /// <summary>"message:&lt;id&gt;:&lt;address&gt;": two records of one person with one address get one message.</summary>
    public required string Key { get; init; }
    public OutboxStatus Status { get; set; }
    /// <summary>Why it is held, delayed or failed, in words for the sender.</summary>
    public string? Note { get; set; }
    public string? ErrorCode { get; set; }
    public string? ProviderId { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? ClaimedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    /// <summary>For the message's variables, taken when queued.</summary>
    public string? FirstName { get; init; }
    public Guid? SectionId { get; init; }
    public string? FederationCode { get; init; }
    public string? CommuneCode { get; init; }
    /// <summary>The recipient's IANA time zone (quiet hours).</summary>
    public string? TimeZone { get; init; }
    /// <summary>A test send to its author (no consent needed: they asked for it).</summary>
    public bool IsTest { get; init; }
    /// <summary>For a notice about an action (no message): the action, what kind of notice (Reminder, Cancelled,
    /// PlaceFreed, ConfirmSignup), its subject and body (a path of the web app, made a link when sent).</summary>
    public Guid? ActionId { get; init; }
    public string? Kind { get; init; }
    public string? Subject { get; init; }
    public string? Body { get; set; }
    public DateTime CreatedAt { get; init; }
}

public sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(o => o.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Address).HasMaxLength(254);
        builder.Property(o => o.Key).HasMaxLength(320);
        builder.Property(o => o.Note).HasMaxLength(300);
        builder.Property(o => o.ErrorCode).HasMaxLength(40);
        builder.Property(o => o.ProviderId).HasMaxLength(64);
        builder.Property(o => o.FirstName).HasMaxLength(100);
        builder.Property(o => o.FederationCode).HasMaxLength(3);
        builder.Property(o => o.CommuneCode).HasMaxLength(5);
        builder.Property(o => o.TimeZone).HasMaxLength(64);
        builder.Property(o => o.Kind).HasMaxLength(20);
        builder.Property(o => o.Subject).HasMaxLength(300);
        builder.Property(o => o.Body).HasMaxLength(2000);
        builder.HasIndex(o => new { o.ActionId, o.Id }).HasFilter("\"ActionId\" IS NOT NULL");
        builder.HasOne<Actions.FieldAction>().WithMany().HasForeignKey(o => o.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.Key).IsUnique();
        builder.HasIndex(o => new { o.MessageId, o.Status, o.NextAttemptAt, o.Id });
        builder.HasIndex(o => o.ProviderId).HasFilter("\"ProviderId\" IS NOT NULL");
        builder.HasIndex(o => new { o.PersonId, o.Id });
        builder.HasOne<Message>().WithMany().HasForeignKey(o => o.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>An address that must not be used again: a number Twilio says is invalid or a landline, an email that
/// bounced for good. Kept by address, so a new record with the same contact is not tried either.</summary>
[PersonalData("a person's email or phone, and that it failed")]
public sealed class UnusableContact
{
    public required string Address { get; init; }
    public required ConsentChannel Channel { get; init; }
    public required string Reason { get; set; }
    public DateTime At { get; set; }
}

public sealed class UnusableContactConfiguration : IEntityTypeConfiguration<UnusableContact>
{
    public void Configure(EntityTypeBuilder<UnusableContact> builder)
    {
        builder.ToTable("UnusableContacts");
        builder.HasKey(u => u.Address);
        builder.Property(u => u.Address).HasMaxLength(254);
        builder.Property(u => u.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(u => u.Reason).HasMaxLength(200);
    }
}
