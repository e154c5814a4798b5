using Coopol.Access;
using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Messaging;

public enum MessageStatus
{
    Draft,
    /// <summary>Waiting for its time (a Hangfire job is scheduled).</summary>
    Scheduled,
    /// <summary>Its recipients are in the outbox and are being sent to.</summary>
    Sending,
    /// <summary>Every recipient was tried (some may have failed, or be held).</summary>
    Sent,
    /// <summary>Stopped by a rule before the end (its author lost the right to send): the reason is recorded.</summary>
    Stopped,
    /// <summary>Cancelled by a sender before it was sent.</summary>
    Cancelled,
}

/// <summary>A newsletter (email) or an SMS from a section, a federation or the national team, to a segment. Its send
/// is recorded for good: the author, the segment's definition as it was, and the counts.</summary>
[PersonalData("what was sent to whom (a segment over people) and by whom")]
public sealed class Message
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required ConsentChannel Channel { get; init; }
    /// <summary>The consent a recipient must have given: news (newsletters) or actions (invitations to act).</summary>
    public ConsentPurpose Purpose { get; set; } = ConsentPurpose.News;
    public required TreeLevel Level { get; init; }
    public string? FederationCode { get; init; }
    public Guid? SectionId { get; init; }
    /// <summary>Null once the author's data was erased: the message shows as from a former user.</summary>
    public Guid? AuthorId { get; set; }
    public Guid? SegmentId { get; set; }
    public string SegmentName { get; set; } = "";
    /// <summary>The segment as it was when sent (a later edit of the segment does not rewrite history).</summary>
    public SegmentDefinition SegmentDefinition { get; set; } = new();
    /// <summary>The segment's drawn area as it was (a later redrawing or deletion of the segment changes no message).</summary>
    public NetTopologySuite.Geometries.MultiPolygon? Area { get; set; }
    public string? Subject { get; set; }
    /// <summary>Markdown for a newsletter, plain text for an SMS, with {{firstName}} and {{section}}.</summary>
    public string Body { get; set; } = "";
    /// <summary>Campaigning (held during electoral silence); an organizational message to members is not.</summary>
    public bool Campaign { get; set; } = true;
    /// <summary>SMS only, national team only: sent outside 8:00–20:00 too.</summary>
    public bool IgnoreQuietHours { get; set; }
    public MessageStatus Status { get; set; } = MessageStatus.Draft;
    public DateTime? ScheduledAt { get; set; }
    public Guid? SentById { get; set; }
    public DateTime? SendStartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Counted when the recipients were queued: who the segment matched, and why some were left out.</summary>
    public int Matched { get; set; }
    public int WithoutConsent { get; set; }
    public int WithoutContact { get; set; }
    public int Duplicates { get; set; }
    public int Queued { get; set; }
    public string? StopCode { get; set; }
    public string? StopReason { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public TreeNode Node => new(Level, FederationCode, SectionId);
}

public sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.ToTable("Messages");
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(m => m.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.FederationCode).HasMaxLength(3);
        builder.Property(m => m.SegmentName).HasMaxLength(120);
        builder.Property(m => m.SegmentDefinition).HasColumnType("jsonb")
            .HasConversion(new JsonValueConverter<SegmentDefinition>(), JsonValueConverter<SegmentDefinition>.Comparer);
        builder.Property(m => m.Area).HasColumnType("geometry(MultiPolygon,4326)");
        builder.Property(m => m.Subject).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(MessageRules.MaxBodyLength);
        builder.Property(m => m.StopCode).HasMaxLength(60);
        builder.Property(m => m.StopReason).HasMaxLength(500);
        builder.Ignore(m => m.Node);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Segment>().WithMany().HasForeignKey(m => m.SegmentId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.Level, m.FederationCode, m.SectionId, m.CreatedAt, m.Id });
        builder.HasIndex(m => m.Status);
    }
}

/// <summary>A section's newsletter template: the sender name shown and the footer under every newsletter.</summary>
public sealed class SectionMailTemplate
{
    public required Guid SectionId { get; init; }
    public required string SenderName { get; set; }
    /// <summary>Markdown.</summary>
    public string Footer { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

public sealed class SectionMailTemplateConfiguration : IEntityTypeConfiguration<SectionMailTemplate>
{
    public void Configure(EntityTypeBuilder<SectionMailTemplate> builder)
    {
        builder.ToTable("SectionMailTemplates");
        builder.HasKey(t => t.SectionId);
        builder.Property(t => t.SenderName).HasMaxLength(120);
        builder.Property(t => t.Footer).HasMaxLength(4000);
        builder.HasOne<PartyTree.Section>().WithOne().HasForeignKey<SectionMailTemplate>(t => t.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
