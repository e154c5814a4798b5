using Coopol.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.PartyTree;

public sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.Property(s => s.SeatAddress).HasMaxLength(300);
        builder.Property(s => s.SeatLocation).HasColumnType("geography(point,4326)");
        builder.Property(s => s.Territory).HasColumnType("geometry(multipolygon,4326)");
        builder.HasOne(s => s.Federation).WithMany(f => f.Sections).HasForeignKey(s => s.FederationCode);
        // Two sections of a federation never share a name (the service also compares case-insensitively).
        builder.HasIndex(s => new { s.FederationCode, s.Name }).IsUnique();
        builder.HasIndex(s => s.Territory).HasMethod("gist");
        builder.HasIndex(s => s.SeatLocation).HasMethod("gist");
        // Rights held on a section (declared here so the rights core names no feature).
        builder.HasMany<RoleGrant>().WithOne().HasForeignKey(g => g.SectionId);
    }
}
