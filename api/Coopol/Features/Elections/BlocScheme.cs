using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Elections;

/// <summary>How nuance codes group into political blocs. The default scheme comes from
/// <c>reference/legislatives-2024-nuances-et-blocs.csv</c>; a campaign may use another.</summary>
public sealed class BlocScheme
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public bool IsDefault { get; set; }
}

/// <summary>One nuance of a scheme and the bloc it counts in.</summary>
public sealed class NuanceBloc
{
    public required Guid SchemeId { get; init; }
    public required string Nuance { get; init; }
    public required string Label { get; init; }
    public string? Description { get; init; }
    /// <summary>A stable key (<c>extreme-gauche</c>) for the bloc named <see cref="BlocName"/>.</summary>
    public required string Bloc { get; init; }
    public required string BlocName { get; init; }
    /// <summary>Blocs ordered from left to right, for legends.</summary>
    public int BlocOrder { get; init; }
}

public sealed class BlocSchemeConfiguration : IEntityTypeConfiguration<BlocScheme>
{
    public void Configure(EntityTypeBuilder<BlocScheme> builder)
    {
        builder.ToTable("BlocSchemes");
        builder.Property(s => s.Name).HasMaxLength(120);
        builder.HasIndex(s => s.Name).IsUnique();
        builder.HasIndex(s => s.IsDefault).IsUnique().HasFilter("\"IsDefault\"");
    }
}

public sealed class NuanceBlocConfiguration : IEntityTypeConfiguration<NuanceBloc>
{
    public void Configure(EntityTypeBuilder<NuanceBloc> builder)
    {
        builder.ToTable("NuanceBlocs");
        builder.HasKey(n => new { n.SchemeId, n.Nuance });
        builder.Property(n => n.Nuance).HasMaxLength(10);
        builder.Property(n => n.Label).HasMaxLength(120);
        builder.Property(n => n.Description).HasMaxLength(1000);
        builder.Property(n => n.Bloc).HasMaxLength(40);
        builder.Property(n => n.BlocName).HasMaxLength(60);
        builder.HasOne<BlocScheme>().WithMany().HasForeignKey(n => n.SchemeId).OnDelete(DeleteBehavior.Cascade);
    }
}
