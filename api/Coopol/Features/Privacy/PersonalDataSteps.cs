using Coopol.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Privacy;

/// <summary>A table of personal data as its feature declares it: what of it a person's download holds, and what
/// erasing the person does to it. Every [PersonalData] table of the model is declared by some step (a test holds it).</summary>
public sealed record PersonalTable(Type Entity, string Export, string Erasure);

/// <summary>Whose data: the person, the records sections keep of them (linked to theirs), and their contacts (for
/// rows that hold an address but no link, such as an outbox row or a visitor's sign-up; none on an organizer's request,
/// whose subject is their section's record alone). <see cref="Names"/> and <see cref="RecordEmails"/> are those of the
/// records themselves, for reports that name people and for the trace that keeps a file from bringing them back.</summary>
public sealed record DataSubject(Guid PersonId, IReadOnlyList<Guid> RecordIds, IReadOnlyList<string> Emails, IReadOnlyList<string> Phones,
    IReadOnlyList<string> Names, IReadOnlyList<string> RecordEmails);

/// <summary>How many rows of each table an erasure deleted or unlinked: what its audit record keeps (counts only).</summary>
public sealed class ErasureTally
{
    public Dictionary<string, int> Rows { get; } = [];

    public void Add(string table, int rows)
    {
        if (rows > 0) Rows[table] = Rows.GetValueOrDefault(table) + rows;
    }
}

/// <summary>One feature's part of the rights of the person: it writes the feature's rows about the subject into their
/// download, and erases them (deleting what is theirs alone, unlinking what must stay for counts), in the caller's
/// transaction. Steps run by <see cref="Order"/>; the People step, which deletes the person's records, runs last.</summary>
public interface IPersonalDataStep
{
    IReadOnlyList<PersonalTable> Tables { get; }

    int Order => 0;

    Task ExportAsync(DataSubject subject, PersonalDataArchive archive, CancellationToken ct);

    Task EraseAsync(DataSubject subject, ErasureTally tally, CancellationToken ct);
}

/// <summary>That an erasure happened, without what was erased: when, whether the person asked it themselves or an
/// organizer ran it on their request (who), the section it was in, and how many rows of each table went.</summary>
[PersonalData("names the organizer who ran an erasure")]
public sealed class ErasureRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required DateTime At { get; init; }
    public required bool ByThemselves { get; init; }
    public Guid? ActorId { get; init; }
    public Guid? SectionId { get; init; }
    /// <summary>Why, when the person did not ask it themselves: "on request", or the retention policy that erased them.</summary>
    public string? Reason { get; init; }
    public Dictionary<string, int> Rows { get; init; } = [];
}

public sealed class ErasureRecordConfiguration : IEntityTypeConfiguration<ErasureRecord>
{
    public void Configure(EntityTypeBuilder<ErasureRecord> builder)
    {
        builder.ToTable("ErasureRecords");
        builder.Property(e => e.Reason).HasMaxLength(60);
        builder.Property(e => e.Rows).HasColumnType("jsonb")
            .HasConversion(new JsonValueConverter<Dictionary<string, int>>(), JsonValueConverter<Dictionary<string, int>>.Comparer);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(e => e.ActorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(e => e.At);
    }
}
