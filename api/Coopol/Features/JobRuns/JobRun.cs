using Coopol.Access;
using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.JobRuns;

public enum JobRunStatus
{
    Queued,
    Running,
    Succeeded,
    /// <summary>Stopped by a rule, with a recorded reason: typically the person it acts for lost the right to do it.</summary>
    Stopped,
    /// <summary>An unexpected error (logged; the reason shown is generic).</summary>
    Failed,
}

/// <summary>One run of a background job started by a person: what it is, for whom it acts, how far it got and how it
/// ended. The Hangfire job carries only this run's id; the run carries the person, whose rights are read afresh when
/// the job runs.</summary>
[PersonalData("what a person asked the system to do, and its parameters (filters over people)")]
public sealed class JobRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>What the job does ("people-export"...).</summary>
    public required string Kind { get; init; }
    public required Guid StartedById { get; init; }
    /// <summary>The job's own parameters, as JSON.</summary>
    public string? Parameters { get; init; }
    /// <summary>The right the job needs, checked again when it runs: any of these permissions on this node.</summary>
    public required Permission RequiredPermissions { get; init; }
    public required TreeLevel Level { get; init; }
    public string? FederationCode { get; init; }
    public Guid? SectionId { get; init; }
    public JobRunStatus Status { get; set; } = JobRunStatus.Queued;
    public int Done { get; set; }
    public int? Total { get; set; }
    /// <summary>A short, non-personal summary of the outcome ("1 204 people exported").</summary>
    public string? Summary { get; set; }
    public string? StopCode { get; set; }
    public string? StopReason { get; set; }
    /// <summary>Where the job's result can be fetched by whoever started it (an export's file).</summary>
    public string? ResultUrl { get; set; }
    public string? HangfireJobId { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    public TreeNode Node => new(Level, FederationCode, SectionId);

    public bool IsFinished => Status is JobRunStatus.Succeeded or JobRunStatus.Stopped or JobRunStatus.Failed;
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.ToTable("JobRuns");
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.Property(r => r.Parameters).HasColumnType("jsonb");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Summary).HasMaxLength(200);
        builder.Property(r => r.StopCode).HasMaxLength(60);
        builder.Property(r => r.StopReason).HasMaxLength(500);
        builder.Property(r => r.HangfireJobId).HasMaxLength(40);
        builder.Property(r => r.ResultUrl).HasMaxLength(200);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FederationCode).HasMaxLength(3);
        builder.Ignore(r => r.Node);
        builder.Ignore(r => r.IsFinished);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.StartedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.StartedById, r.CreatedAt, r.Id });
    }
}
