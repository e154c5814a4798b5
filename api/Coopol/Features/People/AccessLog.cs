using Coopol.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.People;

public enum AccessKind
{
    /// <summary>Opened the person's page (person(id), node, nodes).</summary>
    ViewedPerson,
    /// <summary>Included the person in an export.</summary>
    ExportedPeople,
    /// <summary>Downloaded everything Coopol holds about the person, at their request.</summary>
    ExportedPersonalData,
}

/// <summary>Who opened a person's page or exported them: written by the scoped path itself, only ever appended,
/// readable by the person concerned and by the national team.</summary>
[PersonalData("who looked at whom is itself personal data of both")]
public sealed class AccessLogEntry
{
    public long Id { get; init; }
    public required Guid SubjectId { get; init; }
    public Guid? ActorId { get; init; }
    public required AccessKind Kind { get; init; }
    public required DateTime At { get; init; }
    /// <summary>For an export, the job run that made it.</summary>
    public Guid? JobRunId { get; init; }
}

/// <summary>An entry as shown: the actor by name only.</summary>
public sealed record AccessLogView(AccessLogEntry Entry, string? ActorName);

public sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => new { e.SubjectId, e.At, e.Id });
        builder.HasIndex(e => new { e.ActorId, e.SubjectId, e.At });
    }
}
