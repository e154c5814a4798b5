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

/// <summary>A notice's state as those who run the action see it (from its outbox row).</summary>
public enum NoticeStatus
{
    Queued,
    /// <summary>Not sent: electoral silence, or no consent for the channel.</summary>
    Held,
    Sent,
    Failed,
    /// <summary>Not sent: the person withdrew their consent before it left.</summary>
    OptedOut,
    /// <summary>Not sent, for a reason of the person's own (told to those who run the action without the reason).</summary>
    NotSent,
}
