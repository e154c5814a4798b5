using Coopol.Common;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Canvassing;

/// <summary>What happened at a door.</summary>
public enum DoorOutcome
{
    NotHome,
    Opened,
    Refused,
    AlreadyVoted,
    NotRegistered,
    RegisteredElsewhere,
    Interested,
    WantsToJoin,
    WantsToHelp,
}

/// <summary>An answer to one of the action's questions, with the question as it was asked.</summary>
public sealed record DoorAnswer(string QuestionId, string Question, string Value);

/// <summary>A volunteer's report of one door. The client makes its id, so an entry sent twice (offline, then again) is
/// recorded once. Counts from reports feed the reviews; the report itself names its reporter and may hold a note.</summary>
[PersonalData("who knocked where, and what a household said")]
public sealed class DoorReport
{
    public long Id { get; init; }
    /// <summary>Made by the phone that recorded it; unique, so a resend never duplicates.</summary>
    public required Guid ClientId { get; init; }
    public required Guid ActionId { get; init; }
    public long? ShareId { get; init; }
    public required long DoorId { get; init; }
    public required long BuildingId { get; init; }
    public required long AddressId { get; init; }
    /// <summary>Kept from the address when reported, so reviews by station need no join.</summary>
    public string? StationId { get; init; }
    public required Guid SectionId { get; init; }
    public required string FederationCode { get; init; }
    public DoorOutcome Outcome { get; init; }
    public List<DoorAnswer> Answers { get; init; } = [];
    public string? Note { get; init; }
    /// <summary>Null once the reporter's data was erased: the report still counts, linked to no one.</summary>
    public Guid? ReporterId { get; set; }
    /// <summary>When the door was knocked, by the phone's clock.</summary>
    public DateTime VisitedAt { get; init; }
    public DateTime ReceivedAt { get; init; }
    /// <summary>The supporter made from the contact the household gave, with their consent.</summary>
    public Guid? ContactId { get; init; }

    /// <summary>The outcomes where the door opened and someone talked: what reviews count as contacts.</summary>
    public static readonly DoorOutcome[] ContactOutcomes = [DoorOutcome.Opened, DoorOutcome.Interested, DoorOutcome.WantsToJoin, DoorOutcome.WantsToHelp];

    /// <summary><see cref="ContactOutcomes"/> as a SQL list of the stored values.</summary>
    public static string ContactOutcomesSql => string.Join(", ", ContactOutcomes.Select(o => $"'{o}'"));
}

public sealed class DoorReportConfiguration : IEntityTypeConfiguration<DoorReport>
{
    public void Configure(EntityTypeBuilder<DoorReport> builder)
    {
        builder.ToTable("DoorReports");
        builder.HasIndex(r => r.ClientId).IsUnique();
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.StationId).HasMaxLength(16);
        builder.Property(r => r.FederationCode).HasMaxLength(3);
        builder.Property(r => r.Note).HasMaxLength(DoorReportLimits.Note);
        builder.Property(r => r.Answers).HasConversion(new JsonListConverter<DoorAnswer>(), JsonListConverter<DoorAnswer>.Comparer).HasColumnType("jsonb");
        builder.HasIndex(r => new { r.ActionId, r.DoorId });
        builder.HasIndex(r => new { r.StationId, r.VisitedAt });
        builder.HasIndex(r => new { r.SectionId, r.VisitedAt });
        builder.HasIndex(r => new { r.FederationCode, r.VisitedAt });
        builder.HasOne<FieldAction>().WithMany().HasForeignKey(r => r.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Door>().WithMany().HasForeignKey(r => r.DoorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.SetNull);
    }
}

public static class DoorReportLimits
{
    public const int Note = 1000;
    public const int Batch = 200;
    /// <summary>Reports written offline arrive late; a week after the action, they are no longer taken.</summary>
    public static readonly TimeSpan Late = TimeSpan.FromDays(7);
}
