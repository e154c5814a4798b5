using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Access;

/// <summary>Foreign keys to people and tree nodes are declared from their side (People, PartyTree), so the rights
/// core names no feature.</summary>
public sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(g => g.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.FederationCode).HasMaxLength(3);
        builder.Ignore(g => g.Node);
        builder.HasOne<RoleGrant>().WithMany().HasForeignKey(g => g.ParentGrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.PersonId);
        builder.HasIndex(g => g.ParentGrantId);
        builder.HasIndex(g => new { g.FederationCode, g.SectionId });
    }
}
