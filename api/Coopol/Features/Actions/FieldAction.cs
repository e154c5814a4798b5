using Coopol.Common;
using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Actions;

public enum ActionKind
{
    DoorToDoor,
    Leafleting,
    MarketStall,
    PhoneBank,
    Meeting,
    Other,
}

public enum ActionStatus
{
    Draft,
    Published,
    Cancelled,
    Done,
}

/// <summary>Who may find an action: anyone, anyone of the party (members and supporters signed in), or the people of
/// the organizing section only.</summary>
public enum ActionVisibility
{
    Public,
    MembersAndSupporters,
    Section,
}

/// <summary>A field action of a section (door-to-door, leafleting, a stall, a meeting...) with an attendance target.
/// Read only through <see cref="ActionAccess"/>: who organizes it, and where a non-public one meets, are not for
/// everyone.</summary>
[PersonalData("its organizers are people, and a non-public meeting point can be someone's home")]
public sealed class FieldAction
{
    /// <summary>Approximate points are snapped to this grid (degrees, about 1 km): a non-public action is found near a
    /// place without telling where it meets.</summary>
    public const double ApproximateGrid = 0.01;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid SectionId { get; set; }
    /// <summary>The section's federation, kept here so scoping by federation needs no join.</summary>
    public required string FederationCode { get; set; }
    public ActionKind Kind { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>IANA time zone of the place ("Europe/Paris"): times are shown and reminders sent in it.</summary>
    public string TimeZone { get; set; } = "Europe/Paris";
    public required string MeetingAddress { get; set; }
    public required Point MeetingPoint { get; set; }
    /// <summary>Where "near me" finds the action: the meeting point when public, else the point snapped to
    /// <see cref="ApproximateGrid"/>, so that distances and radius searches never locate a non-public meeting.</summary>
    public required Point SearchPoint { get; set; }
    /// <summary>The commune of the meeting point, when known (by boundary, else as given).</summary>
    public string? CommuneCode { get; set; }
    public int AttendanceTarget { get; set; }
    /// <summary>Null: no limit.</summary>
    public int? Capacity { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Draft;
    public ActionVisibility Visibility { get; set; } = ActionVisibility.Section;
    /// <summary>The turf: polling stations, or a drawn area, or both (door-to-door gets its addresses from it).</summary>
    public List<string> TurfStationIds { get; set; } = [];
    public MultiPolygon? TurfArea { get; set; }
    /// <summary>The canvass this door-to-door belongs to ("Législatives 2027"): buildings done in one action of a campaign
    /// are not given again by the next. Empty: the section's ongoing canvass.</summary>
    public string Campaign { get; set; } = "";
    /// <summary>The short script or survey asked at each door.</summary>
    public List<SurveyQuestion> Questions { get; set; } = [];
    /// <summary>People who run the action on the ground: they see its participants and check them in.</summary>
    public List<Guid> OrganizerIds { get; set; } = [];
    /// <summary>Null once its creator's data was erased (the action stays the section's).</summary>
    public Guid? CreatedById { get; set; }
    /// <summary>Check-ins of people whose data was erased since: attendance counts keep them, with no link to anyone.</summary>
    public int ErasedCheckIns { get; set; }
    public Guid? DuplicatedFromId { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }

    public static Point Approximate(Point p) => new(
        Math.Round(p.X / ApproximateGrid) * ApproximateGrid, Math.Round(p.Y / ApproximateGrid) * ApproximateGrid) { SRID = 4326 };

    public bool IsOpen => Status == ActionStatus.Published;
}

public sealed class FieldActionConfiguration : IEntityTypeConfiguration<FieldAction>
{
    public void Configure(EntityTypeBuilder<FieldAction> builder)
    {
        builder.ToTable("Actions", t =>
        {
            t.HasCheckConstraint("CK_Actions_EndsAfterStart", "\"EndsAt\" > \"StartsAt\"");
            t.HasCheckConstraint("CK_Actions_TargetWithinCapacity", "\"Capacity\" IS NULL OR \"AttendanceTarget\" <= \"Capacity\"");
        });
        builder.Property(a => a.FederationCode).HasMaxLength(3);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Visibility).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Title).HasMaxLength(ActionLimits.Title);
        builder.Property(a => a.Description).HasMaxLength(ActionLimits.Description);
        builder.Property(a => a.TimeZone).HasMaxLength(64);
        builder.Property(a => a.MeetingAddress).HasMaxLength(ActionLimits.Address);
        builder.Property(a => a.MeetingPoint).HasColumnType("geography(point,4326)");
        builder.Property(a => a.SearchPoint).HasColumnType("geography(point,4326)");
        builder.Property(a => a.CommuneCode).HasMaxLength(5);
        builder.Property(a => a.TurfArea).HasColumnType("geometry(multipolygon,4326)");
        builder.Property(a => a.CancelReason).HasMaxLength(ActionLimits.Reason);
        builder.Property(a => a.Campaign).HasMaxLength(ActionLimits.Campaign);
        builder.Property(a => a.Questions).HasConversion(new JsonListConverter<SurveyQuestion>(), JsonListConverter<SurveyQuestion>.Comparer).HasColumnType("jsonb");
        builder.HasOne<Section>().WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
        // "Near me" reads upcoming published actions only: a partial spatial index holds just those.
        builder.HasIndex(a => a.SearchPoint).HasMethod("gist").HasFilter("\"Status\" = 'Published'");
        builder.HasIndex(a => new { a.SectionId, a.StartsAt, a.Id });
        builder.HasIndex(a => new { a.Status, a.StartsAt });
        builder.HasIndex(a => a.OrganizerIds).HasMethod("gin");
    }
}

public static class ActionLimits
{
    public const int Title = 120;
    public const int Description = 4000;
    public const int Address = 300;
    public const int Reason = 500;
    public const int Campaign = 60;
    public const int MaxCapacity = 10_000;
    public const int MaxOrganizers = 20;
    public const int MaxTurfStations = 200;
    /// <summary>An action lasts at most this long (a weekend stall, not a season).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(3);
    /// <summary>Actions are planned at most this far ahead.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(730);
}
