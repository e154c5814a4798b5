using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Membership;

/// <summary>What the party's membership file says of a person: their number and the fields Coopol does not hold
/// elsewhere. Written by membership imports only; one per person.</summary>
[PersonalData("a membership number and function are a person's party membership")]
public sealed class Membership
{
    public required Guid PersonId { get; init; }
    /// <summary>The membership system's number, unique across the party.</summary>
    public required string Number { get; set; }
    public string? Title { get; set; }
    /// <summary>As the file writes it ("Secrétaire de section", "Trésorier"...); the roles it grants are RoleGrants.</summary>
    public string? Function { get; set; }
    public DateOnly? JoinedOn { get; set; }
    public bool? DuesPaid { get; set; }
    /// <summary>Whose file lists them: "FR" for the national file, else a federation's code. A later file of the same
    /// scope that no longer lists them makes them former members.</summary>
    public required string Scope { get; set; }
    /// <summary>When a file of their scope stopped listing them (they are then <see cref="PersonKind.FormerMember"/>).</summary>
    public DateTime? EndedAt { get; set; }
}

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.ToTable("Memberships");
        builder.HasKey(m => m.PersonId);
        builder.Property(m => m.Number).HasMaxLength(40);
        builder.Property(m => m.Title).HasMaxLength(20);
        builder.Property(m => m.Function).HasMaxLength(200);
        builder.Property(m => m.Scope).HasMaxLength(3);
        builder.HasIndex(m => m.Number).IsUnique();
        builder.HasIndex(m => m.Scope);
        builder.HasOne<Person>().WithOne().HasForeignKey<Membership>(m => m.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
