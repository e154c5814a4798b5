using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Membership;

public enum MembershipImportStatus
{
    /// <summary>A dry run: the report says what applying would change; nothing changed.</summary>
    DryRun,
    Applied,
    /// <summary>Not applied: the file could not be read, or problems remain (see the report).</summary>
    Refused,
    /// <summary>An error on our side (logged); nothing changed.</summary>
    Failed,
}

/// <summary>A problem of the file, where a spreadsheet shows it (line 1 is the header; column 1 is A). A problem of
/// the whole file has no line.</summary>
public sealed record MembershipProblem(int? Line, int? Column, string Code, string Message);

public enum MembershipChangeKind
{
    NewMember,
    /// <summary>A supporter (or a former member) already known by that email becomes a member: one person, history kept.</summary>
    BecomesMember,
    Updated,
    MovesSection,
    BecomesFormerMember,
    RoleGranted,
    RoleWithdrawn,
    /// <summary>A function of the file that grants no role here, or a role this import may not grant (noted, not done).</summary>
    RoleNotGranted,
}

/// <summary>One change of a report, about one person: who (their name, as the file or Coopol has it) and what.</summary>
public sealed record MembershipChange(MembershipChangeKind Kind, int? Line, Guid? PersonId, string Name, string? Detail);

/// <summary>One run of a membership file, dry or applied, kept so its report can be read again by those who manage the
/// people of its scope.</summary>
[PersonalData("an import report names the people it changes")]
public sealed class MembershipImport
{
    /// <summary>Reports keep this many problems and this many changes of each kind; the counts are complete.</summary>
    public const int ListedPerKind = 500;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Scope { get; init; }
    public required string FileName { get; init; }
    public long FileBytes { get; init; }
    public Dictionary<MembershipField, string> Mapping { get; init; } = [];
    public bool DryRun { get; init; }
    /// <summary>Asked to apply while skipping the rows with problems (those listed by the dry run, exactly).</summary>
    public bool SkipInvalidRows { get; init; }
    public MembershipImportStatus Status { get; set; }
    public string? Encoding { get; set; }
    public int Rows { get; set; }
    public MembershipImportCounts Counts { get; set; } = new();
    public List<MembershipProblem> Problems { get; set; } = [];
    public int ProblemCount { get; set; }
    /// <summary>Every line with a problem (not only the listed ones): what an apply skipping them leaves out.</summary>
    public List<int> ProblemLines { get; set; } = [];
    public List<MembershipChange> Changes { get; set; } = [];
    /// <summary>For a dry run: when an apply followed it (a dry run serves one apply).</summary>
    public DateTime? UsedAt { get; set; }
    /// <summary>The dry run an apply followed.</summary>
    public Guid? DryRunId { get; init; }
    public Guid? UploadId { get; init; }
    public Guid? StartedById { get; init; }
    public Guid? JobRunId { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime? FinishedAt { get; set; }
}

public sealed class MembershipImportCounts
{
    public int NewMembers { get; set; }
    public int BecomeMembers { get; set; }
    public int Updated { get; set; }
    public int MoveSection { get; set; }
    public int Unchanged { get; set; }
    public int BecomeFormerMembers { get; set; }
    public int RolesGranted { get; set; }
    public int RolesWithdrawn { get; set; }
    public int RolesNotGranted { get; set; }
    public int ConsentsRecorded { get; set; }
    public int SkippedRows { get; set; }
}

public sealed class MembershipImportConfiguration : IEntityTypeConfiguration<MembershipImport>
{
    public void Configure(EntityTypeBuilder<MembershipImport> builder)
    {
        builder.ToTable("MembershipImports");
        builder.Property(i => i.Scope).HasMaxLength(3);
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Property(i => i.Encoding).HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Mapping).HasColumnType("jsonb").HasConversion(new JsonValueConverter<Dictionary<MembershipField, string>>(), JsonValueConverter<Dictionary<MembershipField, string>>.Comparer);
        builder.Property(i => i.Counts).HasColumnType("jsonb").HasConversion(new JsonValueConverter<MembershipImportCounts>(), JsonValueConverter<MembershipImportCounts>.Comparer);
        builder.Property(i => i.Problems).HasColumnType("jsonb").HasConversion(new JsonListConverter<MembershipProblem>(), JsonListConverter<MembershipProblem>.Comparer);
        builder.Property(i => i.Changes).HasColumnType("jsonb").HasConversion(new JsonListConverter<MembershipChange>(), JsonListConverter<MembershipChange>.Comparer);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.StartedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(i => new { i.Scope, i.StartedAt, i.Id });
        builder.HasIndex(i => i.JobRunId);
    }
}
