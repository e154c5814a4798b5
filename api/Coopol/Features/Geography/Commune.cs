using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Geography;

/// <summary>A commune of the official geography (INSEE code, "29019"), with its boundary once one is imported.</summary>
public sealed class Commune
{
    /// <summary>The 5-character INSEE code, a string ("04036", "2A004"): never a number.</summary>
    public required string Code { get; init; }
    public required string Name { get; set; }
    /// <summary>"29", "2A", "971": the first two characters of the code, three overseas.</summary>
    public required string DepartementCode { get; init; }
    /// <summary>"commune-actuelle", "commune-deleguee", "commune-associee", "arrondissement-municipal" (the official
    /// list's types), or "boundary" for a code known only from a boundary file.</summary>
    public string Kind { get; set; } = "commune-actuelle";
    public int? Population { get; set; }
    /// <summary>Postcodes from the official list, used to find a commune by postcode.</summary>
    public string[] PostalCodes { get; set; } = [];
    public MultiPolygon? Boundary { get; set; }

    public static string DepartementOf(string communeCode) =>
        communeCode.StartsWith("97", StringComparison.Ordinal) || communeCode.StartsWith("98", StringComparison.Ordinal) ? communeCode[..3] : communeCode[..2];

    /// <summary><see cref="DepartementOf"/> in SQL, for a code held by <paramref name="code"/>.</summary>
    public static string DepartementSql(string code) =>
        $"CASE WHEN {code} LIKE '97%' OR {code} LIKE '98%' THEN left({code}, 3) ELSE left({code}, 2) END";

    /// <summary>Every commune code known, for imports to check theirs against.</summary>
    public static async Task<HashSet<string>> KnownCodesAsync(Data.CoopolDbContext db, CancellationToken ct) =>
        (await db.Set<Commune>().Select(c => c.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Five letters or digits, as INSEE writes them.</summary>
    public static bool IsWellFormedCode(string? code) => code is { Length: 5 } && code.All(char.IsAsciiLetterOrDigit);
}

public sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> builder)
    {
        builder.ToTable("Communes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(5);
        builder.Property(c => c.Name).HasMaxLength(120);
        builder.Property(c => c.DepartementCode).HasMaxLength(3);
        builder.Property(c => c.Kind).HasMaxLength(30);
        builder.Property(c => c.Boundary).HasColumnType("geometry(multipolygon,4326)");
        builder.HasIndex(c => c.DepartementCode);
        builder.HasIndex(c => c.Boundary).HasMethod("gist");
        builder.HasIndex(c => c.PostalCodes).HasMethod("gin");
    }
}
