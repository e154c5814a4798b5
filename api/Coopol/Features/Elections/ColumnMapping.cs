using System.Text.Json;
using System.Text.Json.Serialization;
using Coopol.Common.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Elections;

/// <summary>How the columns of a results file in some other layout map to stations, counts and candidates. Chosen in the
/// web client from the file's header, or written as a JSON file for the command line, and saved by name for the next
/// file of the same kind.</summary>
public sealed record ResultsMapping
{
    /// <summary>A fixed commune for every row (a city's own files), or <see cref="CommuneColumn"/>.</summary>
    public string? Commune { get; init; }
    public string? CommuneColumn { get; init; }
    public required string StationColumn { get; init; }
    public string? ConstituencyColumn { get; init; }
    public required string Registered { get; init; }
    public required string Voters { get; init; }
    public string? Abstentions { get; init; }
    public required string Blank { get; init; }
    public string? Null { get; init; }
    public required string Expressed { get; init; }
    /// <summary>Every column whose name ends with this is a candidate's votes, named by the rest (" - votes").</summary>
    public string? CandidateSuffix { get; init; }
    /// <summary>Or the candidates' columns one by one.</summary>
    public List<MappedCandidate>? Candidates { get; init; }
    /// <summary>Nuance codes by candidate name, when the file has none.</summary>
    public Dictionary<string, string>? Nuances { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, WriteIndented = true, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static ResultsMapping Parse(string json, string where)
    {
        try
        {
            var mapping = JsonSerializer.Deserialize<ResultsMapping>(json, Json) ?? throw ImportException.File($"{where} is empty");
            if (mapping.Commune is null == mapping.CommuneColumn is null)
                throw ImportException.File($"{where}: give either \"commune\" or \"communeColumn\"");
            if (mapping.CandidateSuffix is null == (mapping.Candidates is null or { Count: 0 }))
                throw ImportException.File($"{where}: give either \"candidateSuffix\" or \"candidates\"");
            return mapping;
        }
        catch (JsonException e)
        {
            throw ImportException.File($"{where} is not a valid mapping: {e.Message}");
        }
    }
}

public sealed record MappedCandidate(string Column, string? Name, string? Nuance);

/// <summary>A saved <see cref="ResultsMapping"/>, by name. Mappings name columns, never people's data.</summary>
public sealed class ColumnMapping
{
    public required string Name { get; init; }
    public required string Json { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed class ColumnMappingConfiguration : IEntityTypeConfiguration<ColumnMapping>
{
    public void Configure(EntityTypeBuilder<ColumnMapping> builder)
    {
        builder.ToTable("ColumnMappings");
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(80);
        builder.Property(m => m.Json).HasColumnType("jsonb");
    }
}
