using System.Reflection;
using Coopol.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.PartyTree;

public sealed class FederationConfiguration : IEntityTypeConfiguration<Federation>
{
    public void Configure(EntityTypeBuilder<Federation> builder)
    {
        builder.HasKey(f => f.Code);
        builder.Property(f => f.Code).HasMaxLength(3);
        builder.Property(f => f.Name).HasMaxLength(100);
        // The federations are fixed reference data (COG 2026 départements), so migrations carry them.
        builder.HasData(ReadCatalog());
        builder.HasMany<RoleGrant>().WithOne().HasForeignKey(g => g.FederationCode);
    }

    private static IEnumerable<Federation> ReadCatalog()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Coopol.federations.csv")
            ?? throw new InvalidOperationException("federations.csv is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine(); // header
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var comma = line.IndexOf(',');
            yield return new Federation { Code = line[..comma], Name = line[(comma + 1)..] };
        }
    }
}
