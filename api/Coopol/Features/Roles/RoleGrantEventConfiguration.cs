using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Roles;

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
