using Coopol.Common;
using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.People;

/// <summary>A section recorded someone under an email already known elsewhere in the party. The section keeps its
/// record (linked privately, so the section learns nothing); the person is asked whether to join that section.
/// Accepting moves them there and merges the section's record into theirs; declining leaves both as they are.</summary>
[PersonalData("tells that a person is known to two sections")]
public sealed class SectionInvitation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>The person asked (the primary record of the email).</summary>
    public required Guid PersonId { get; init; }
    /// <summary>The section's record, linked to the person (null once merged into theirs).</summary>
    public Guid? RecordId { get; init; }
    public required Guid SectionId { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? AnsweredAt { get; set; }
    public bool? Accepted { get; set; }
}

public sealed class SectionInvitationConfiguration : IEntityTypeConfiguration<SectionInvitation>
{
    public void Configure(EntityTypeBuilder<SectionInvitation> builder)
    {
        builder.ToTable("SectionInvitations");
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.RecordId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Section>().WithMany().HasForeignKey(i => i.SectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.PersonId, i.CreatedAt, i.Id });
        builder.HasIndex(i => i.RecordId);
    }
}
