using Coopol.Access;
using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Messaging;

/// <summary>Who a message goes to, as filters over the people of a node of the tree (a section, a federation, or the
/// whole party). Every filter given must hold; a list given (tags, sections...) holds when any of its items does. A
/// geographic group is a segment by area (polling stations or a drawn polygon).</summary>
public sealed record SegmentDefinition
{
    public List<PersonKind> Kinds { get; init; } = [];
    /// <summary>Any of these tags (compared case-insensitively).</summary>
    public List<string> Tags { get; init; } = [];
    /// <summary>Within a federation or the party: only these sections.</summary>
    public List<Guid> SectionIds { get; init; } = [];
    /// <summary>Living inside one of these polling stations' contours ("29019_0001").</summary>
    public List<string> StationIds { get; init; } = [];
    /// <summary>Took part in one of these actions (confirmed or present).</summary>
    public List<Guid> ActionIds { get; init; } = [];
    /// <summary>Only people who consented to hear from this channel (for the count; a send always requires it).</summary>
    public ConsentChannel? ConsentFor { get; init; }
    /// <summary>The people of a static list (picked by hand); the other filters then narrow it.</summary>
    public List<Guid> PersonIds { get; init; } = [];
}

/// <summary>A saved segment of a section, a federation or the party, reused by its senders.</summary>
[PersonalData("filters over people and, for a static list, who is on it")]
public sealed class Segment
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public required TreeLevel Level { get; init; }
    public string? FederationCode { get; init; }
    public Guid? SectionId { get; init; }
    public SegmentDefinition Definition { get; set; } = new();
    /// <summary>A drawn area (SRID 4326), for a geographic group.</summary>
    public MultiPolygon? Area { get; set; }
    /// <summary>Null once its creator's data was erased (the segment stays its node's).</summary>
    public Guid? CreatedById { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }

    public TreeNode Node => new(Level, FederationCode, SectionId);
}

public sealed class SegmentConfiguration : IEntityTypeConfiguration<Segment>
{
    public void Configure(EntityTypeBuilder<Segment> builder)
    {
        builder.ToTable("Segments");
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.FederationCode).HasMaxLength(3);
        builder.Property(s => s.Definition).HasColumnType("jsonb").HasConversion(new JsonValueConverter<SegmentDefinition>(), JsonValueConverter<SegmentDefinition>.Comparer);
        builder.Property(s => s.Area).HasColumnType("geometry(MultiPolygon,4326)");
        builder.Ignore(s => s.Node);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.CreatedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.Level, s.FederationCode, s.SectionId, s.Name });
    }
}
