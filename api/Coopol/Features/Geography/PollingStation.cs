using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Geography;

/// <summary>A polling station (bureau de vote): <c>&lt;commune INSEE code&gt;_&lt;bureau code&gt;</c>, e.g. "29019_76".
/// Created by the first file that names it (results or contours); its contour and point come from contour files.</summary>
public sealed class PollingStation
{
    public required string Id { get; init; }
    public required string CommuneCode { get; init; }
    /// <summary>Kept for filtering by federation without a join.</summary>
    public required string DepartementCode { get; init; }
    /// <summary>The bureau code, normalised: "0076", "76" and "29019_76" are all "76".</summary>
    public required string Code { get; init; }
    public string? Name { get; set; }
    public string? Address { get; set; }
    /// <summary>Where the station is: the polling place when known, else a point inside its contour.</summary>
    public Point? Location { get; set; }
    public MultiPolygon? Contour { get; set; }

    public static string IdOf(string communeCode, string bureauCode) => $"{communeCode}_{NormaliseCode(bureauCode)}";

    /// <summary>"0001" → "1", "04036_2" → "2", "12A" stays "12A"; "0" stays "0". Null when nothing is left.</summary>
    public static string? NormaliseCode(string? raw)
    {
        if (raw is null) return null;
        var part = raw.Trim();
        var underscore = part.LastIndexOf('_');
        if (underscore >= 0) part = part[(underscore + 1)..];
        var code = part.TrimStart('0');
        if (code.Length == 0) code = part.Length > 0 ? "0" : "";
        if (code.Length == 0) return null;
        return code.Length <= 8 && code.All(char.IsAsciiLetterOrDigit) ? code.ToUpperInvariant() : null;
    }
}

public sealed class PollingStationConfiguration : IEntityTypeConfiguration<PollingStation>
{
    public void Configure(EntityTypeBuilder<PollingStation> builder)
    {
        builder.ToTable("PollingStations");
        builder.Property(s => s.Id).HasMaxLength(16);
        builder.Property(s => s.CommuneCode).HasMaxLength(5);
        builder.Property(s => s.DepartementCode).HasMaxLength(3);
        builder.Property(s => s.Code).HasMaxLength(8);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.Property(s => s.Address).HasMaxLength(300);
        builder.Property(s => s.Location).HasColumnType("geometry(point,4326)");
        builder.Property(s => s.Contour).HasColumnType("geometry(multipolygon,4326)");
        builder.HasOne<Commune>().WithMany().HasForeignKey(s => s.CommuneCode);
        builder.HasIndex(s => new { s.DepartementCode, s.Id });
        builder.HasIndex(s => s.CommuneCode);
        builder.HasIndex(s => s.Contour).HasMethod("gist");
        builder.HasIndex(s => s.Location).HasMethod("gist");
    }
}
