using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Actions;

public enum ParticipationStatus
{
    Confirmed,
    /// <summary>On the waiting list: the action was full when they joined. The first in line takes a freed place.</summary>
    Waiting,
    Left,
}

/// <summary>A person taking part in an action (or waiting for a place). Read only through
/// <see cref="ActionParticipation"/>: taking part in a party's action reveals a political opinion.</summary>
[PersonalData("taking part in a party's action reveals a political opinion")]
public sealed class ActionParticipant
{
    public long Id { get; init; }
    public required Guid ActionId { get; init; }
    public required Guid PersonId { get; init; }
    public ParticipationStatus Status { get; set; }
    /// <summary>When they took their current place in line: the waiting list is served in this order.</summary>
    public DateTime JoinedAt { get; set; }
    public DateTime? CheckedInAt { get; set; }
    public Guid? CheckedInById { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ActionParticipantConfiguration : IEntityTypeConfiguration<ActionParticipant>
{
    public void Configure(EntityTypeBuilder<ActionParticipant> builder)
    {
        builder.ToTable("ActionParticipants");
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<FieldAction>().WithMany().HasForeignKey(p => p.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ActionId, p.PersonId }).IsUnique();
        builder.HasIndex(p => new { p.ActionId, p.Status, p.JoinedAt, p.Id });
        builder.HasIndex(p => p.PersonId);
    }
}

public enum NoticeKind
{
    Reminder,
    Cancelled,
    /// <summary>A place freed up and they moved from the waiting list to the action.</summary>
    PlaceFreed,
    /// <summary>The link (or code) a visitor confirms their sign-up with, to the contact they gave.</summary>
    ConfirmSignup,
}

public enum NoticeStatus
{
    Queued,
    /// <summary>Not sent: electoral silence, or no consent for the channel.</summary>
    Held,
}

/// <summary>A message to a participant about an action (reminder, cancellation, a freed place), kept here until the
/// messaging outbox lands; the key makes each notice once per person and occasion.</summary>
[PersonalData("a notice names a participant of an action")]
public sealed class ActionNotice
{
    public long Id { get; init; }
    public required Guid ActionId { get; init; }
    /// <summary>The participant told; null for a sign-up not confirmed yet (then <see cref="Recipient"/> says where).</summary>
    public Guid? PersonId { get; init; }
    /// <summary>The email or phone a confirmation goes to, when there is no person yet.</summary>
    public string? Recipient { get; init; }
    public required NoticeKind Kind { get; init; }
    public NoticeStatus Status { get; set; }
    public string? HeldReason { get; set; }
    /// <summary>"reminder:&lt;action&gt;:&lt;person&gt;:&lt;starts&gt;": a retried job or a second run writes nothing new.</summary>
    public required string Key { get; init; }
    public required string Subject { get; init; }
    /// <summary>The text, when it says more than the subject (a confirmation link).</summary>
    public string? Body { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class ActionNoticeConfiguration : IEntityTypeConfiguration<ActionNotice>
{
    public void Configure(EntityTypeBuilder<ActionNotice> builder)
    {
        builder.ToTable("ActionNotices");
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.HeldReason).HasMaxLength(300);
        builder.Property(n => n.Key).HasMaxLength(200);
        builder.Property(n => n.Subject).HasMaxLength(300);
        builder.Property(n => n.Recipient).HasMaxLength(254);
        builder.Property(n => n.Body).HasMaxLength(2000);
        builder.HasIndex(n => n.Key).IsUnique();
        builder.HasIndex(n => new { n.ActionId, n.Id });
        builder.HasOne<FieldAction>().WithMany().HasForeignKey(n => n.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
