using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Imports;

public enum ImportStatus
{
    Succeeded,
    /// <summary>Bad input: nothing of the file was kept; <see cref="ImportReport.Problem"/> says where and what.</summary>
    Rejected,
    /// <summary>An error on our side (logged).</summary>
    Failed,
}

/// <summary>What one import did, kept so it can be read again: the file, the options, the counts and warnings, or the
/// problem that stopped it. Dry runs are reported the same way and change nothing.</summary>
[PersonalData("who imported which file (the command line leaves it empty)")]
public sealed class ImportReport
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Kind { get; init; }
    public required string FileName { get; init; }
    public long FileBytes { get; init; }
    public string? Options { get; init; }
    public bool DryRun { get; init; }
    public ImportStatus Status { get; set; }
    public string? Summary { get; set; }
    public string? Counts { get; set; }
    public List<string> Warnings { get; set; } = [];
    public int WarningCount { get; set; }
    public string? Problem { get; set; }
    /// <summary>The problem's code: IMPORT_INVALID for bad input, RIGHT_REVOKED when the right went before the commit...</summary>
    public string? ProblemCode { get; set; }
    public Guid? StartedById { get; init; }
    public Guid? JobRunId { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime FinishedAt { get; set; }
}

public sealed class ImportReportConfiguration : IEntityTypeConfiguration<ImportReport>
{
    public void Configure(EntityTypeBuilder<ImportReport> builder)
    {
        builder.ToTable("ImportReports");
        builder.Property(r => r.Kind).HasMaxLength(40);
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.Options).HasColumnType("jsonb");
        builder.Property(r => r.Counts).HasColumnType("jsonb");
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Summary).HasMaxLength(500);
        builder.Property(r => r.Problem).HasMaxLength(1000);
        builder.Property(r => r.ProblemCode).HasMaxLength(60);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.StartedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => new { r.StartedAt, r.Id });
    }
}

/// <summary>An uploaded file waiting for its import job (the worker may run on another machine), deleted once read.</summary>
[PersonalData("a file uploaded for import, kept until its job has read it")]
public sealed class ImportUpload
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string FileName { get; init; }
    public required byte[] Content { get; init; }
    public required Guid UploadedById { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.ToTable("ImportUploads");
        builder.Property(u => u.FileName).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(u => u.UploadedById).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(u => u.CreatedAt);
    }
}
