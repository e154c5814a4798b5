using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Roles;

public sealed class RoleGrantConfiguration : IEntityTypeConfiguration<RoleGrant>
{
    public void Configure(EntityTypeBuilder<RoleGrant> builder)
    {
        builder.Property(g => g.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(g => g.Level).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.FederationCode).HasMaxLength(3);
        builder.HasOne(g => g.Person).WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoleGrant>().WithMany().HasForeignKey(g => g.ParentGrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Coopol.Features.People.Person>().WithMany().HasForeignKey(g => g.GrantedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Coopol.Features.People.Person>().WithMany().HasForeignKey(g => g.RevokedById).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Coopol.Features.PartyTree.Federation>().WithMany().HasForeignKey(g => g.FederationCode);
        builder.HasOne<Coopol.Features.PartyTree.Section>().WithMany().HasForeignKey(g => g.SectionId);
        builder.HasIndex(g => g.PersonId);
        builder.HasIndex(g => g.ParentGrantId);
        builder.HasIndex(g => new { g.FederationCode, g.SectionId });
    }
}

public sealed class RoleGrantEventConfiguration : IEntityTypeConfiguration<RoleGrantEvent>
{
    public void Configure(EntityTypeBuilder<RoleGrantEvent> builder)
    {
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Role).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Level).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(e => e.GrantId);
        builder.HasIndex(e => e.GranteeId);
    }
}
