using System.Security.Cryptography;
using System.Text;
using Coopol.Common;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Coopol.Features.Privacy;

/// <summary>A keyed hash (HMAC under a key Coopol keeps) of an erased person's email or membership number: no one can
/// read it back, but the next membership file that still lists them is stopped at that line instead of bringing them back.</summary>
[PersonalData("a pseudonymous trace of an erased person's email or membership number")]
public sealed class ErasedIdentifier
{
    public required string Hash { get; init; }
    public required DateTime At { get; init; }
}

public sealed class ErasedIdentifierConfiguration : IEntityTypeConfiguration<ErasedIdentifier>
{
    public void Configure(EntityTypeBuilder<ErasedIdentifier> builder)
    {
        builder.ToTable("ErasedIdentifiers");
        builder.HasKey(e => e.Hash);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}

/// <summary>Hashes identifiers the same way everywhere: the erasure that writes them and the import that checks them.</summary>
public sealed class ErasedIdentifiers(CoopolDbContext db)
{
    public const string KeyName = "erased-identifiers";
    private byte[]? _key;

    public async Task<Func<string, string, string>> HasherAsync(CancellationToken ct)
    {
        var key = _key ??= await ServerKeys.GetAsync(db, KeyName, ct);
        return (kind, value) => Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(kind + ":" + value.Trim().ToLowerInvariant())));
    }

    public async Task RememberAsync(IEnumerable<(string Kind, string Value)> identifiers, DateTime at, CancellationToken ct)
    {
        var hash = await HasherAsync(ct);
        foreach (var h in identifiers.Select(i => hash(i.Kind, i.Value)).Distinct())
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "ErasedIdentifiers" ("Hash", "At") VALUES ({h}, {at}) ON CONFLICT DO NOTHING""", ct);
    }

    /// <summary>Which of these identifiers belonged to someone erased.</summary>
    public async Task<HashSet<string>> ErasedAmongAsync(IReadOnlyCollection<(string Kind, string Value)> identifiers, CancellationToken ct)
    {
        var hash = await HasherAsync(ct);
        var byHash = identifiers.GroupBy(i => hash(i.Kind, i.Value)).ToDictionary(g => g.Key, g => g.First());
        var hashes = byHash.Keys.ToArray();
        var found = await db.Set<ErasedIdentifier>().AsNoTracking().Where(e => hashes.Contains(e.Hash)).Select(e => e.Hash).ToListAsync(ct);
        return found.Select(h => byHash[h].Kind + ":" + byHash[h].Value.Trim().ToLowerInvariant()).ToHashSet();
    }
}
