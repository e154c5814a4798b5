using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Elections;

public enum ElectionKind
{
    Legislatives,
    Presidentielle,
    Europeennes,
    Municipales,
    Departementales,
    Regionales,
    Referendum,
    Other,
}

/// <summary>One round of an election: its kind, date, round and scope ("FR" for a national election, a département or
/// commune code otherwise). Results are public data.</summary>
public sealed class Election
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required ElectionKind Kind { get; init; }
    public required DateOnly Date { get; init; }
    public required int Round { get; init; }
    public required string Scope { get; init; }
    public required string Name { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A candidate or list in one election. Without a constituency column in the file, the constituency is the set of
/// candidates that stood together (see <see cref="Candidate.Constituency"/>).</summary>
public sealed class Candidate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ElectionId { get; init; }
    /// <summary>What identifies the candidate within the election, across files and re-imports.</summary>
    public required string Key { get; init; }
    public required string Constituency { get; init; }
    public int? Panel { get; init; }
    /// <summary>The ministry's nuance code (UG, RN, ENS...), when the file gives one.</summary>
    public string? Nuance { get; init; }
    public required string Name { get; init; }
    public string? FirstName { get; init; }
    public string? Sex { get; init; }
    public bool Elected { get; init; }
}

/// <summary>A polling station's counts in one election. Abstentions = registered − voters; voters = blank + null + expressed.</summary>
public sealed class StationResult
{
    public required Guid ElectionId { get; init; }
    public required string StationId { get; init; }
    public required string Constituency { get; init; }
    public int Registered { get; init; }
    public int Voters { get; init; }
    public int Abstentions { get; init; }
    public int Blank { get; init; }
    public int Null { get; init; }
    public int Expressed { get; init; }
}

public sealed class CandidateVote
{
    public required Guid ElectionId { get; init; }
    public required string StationId { get; init; }
    public required Guid CandidateId { get; init; }
    public int Votes { get; init; }
}

public sealed class ElectionConfiguration : IEntityTypeConfiguration<Election>
{
    public void Configure(EntityTypeBuilder<Election> builder)
    {
        builder.ToTable("Elections");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Scope).HasMaxLength(10);
        builder.Property(e => e.Name).HasMaxLength(120);
        builder.HasIndex(e => new { e.Kind, e.Date, e.Round, e.Scope }).IsUnique();
    }
}

public sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> builder)
    {
        builder.ToTable("Candidates");
        builder.Property(c => c.Key).HasMaxLength(300);
        builder.Property(c => c.Constituency).HasMaxLength(40);
        builder.Property(c => c.Nuance).HasMaxLength(10);
        builder.Property(c => c.Name).HasMaxLength(160);
        builder.Property(c => c.FirstName).HasMaxLength(100);
        builder.Property(c => c.Sex).HasMaxLength(10);
        builder.HasOne<Election>().WithMany().HasForeignKey(c => c.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ElectionId, c.Key }).IsUnique();
    }
}

public sealed class StationResultConfiguration : IEntityTypeConfiguration<StationResult>
{
    public void Configure(EntityTypeBuilder<StationResult> builder)
    {
        builder.ToTable("StationResults", t =>
        {
            t.HasCheckConstraint("CK_StationResults_Counts", "\"Registered\" >= \"Voters\" AND \"Voters\" >= \"Expressed\" AND \"Blank\" >= 0 AND \"Null\" >= 0 AND \"Expressed\" >= 0");
        });
        builder.HasKey(r => new { r.ElectionId, r.StationId });
        builder.Property(r => r.StationId).HasMaxLength(16);
        builder.Property(r => r.Constituency).HasMaxLength(40);
        builder.HasOne<Election>().WithMany().HasForeignKey(r => r.ElectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Geography.PollingStation>().WithMany().HasForeignKey(r => r.StationId);
        builder.HasIndex(r => r.StationId);
    }
}

public sealed class CandidateVoteConfiguration : IEntityTypeConfiguration<CandidateVote>
{
    public void Configure(EntityTypeBuilder<CandidateVote> builder)
    {
        // No foreign keys here: a national file writes some 600,000 votes, and checking two keys per row made the import
        // four times slower. Votes are written only by ResultsWriter, in the transaction that writes their station's
        // result and their candidates, and deleted with them there (ResultsIntegrityTests checks no vote is orphaned).
        builder.ToTable("CandidateVotes", t => t.HasCheckConstraint("CK_CandidateVotes_Votes", "\"Votes\" >= 0"));
        builder.HasKey(v => new { v.ElectionId, v.StationId, v.CandidateId });
        builder.Property(v => v.StationId).HasMaxLength(16);
    }
}
