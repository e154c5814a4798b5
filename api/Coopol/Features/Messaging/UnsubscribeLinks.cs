using System.Security.Cryptography;
using Coopol.Common;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Configuration;

namespace Coopol.Features.Messaging;

/// <summary>A server key, made once in the database so that the API and the jobs host share it without any secret in
/// the repository or the configuration.</summary>
public sealed class ServerKey
{
    public required string Name { get; init; }
    public required byte[] Value { get; init; }
}

public sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> builder)
    {
        builder.ToTable("ServerKeys");
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(40);
    }
}

/// <summary>The unsubscribe link of one outbox row: its id and an HMAC of it, so a link can neither be guessed nor
/// turned into someone else's, and nothing needs storing per message.</summary>
public sealed class UnsubscribeLinks(CoopolDbContext db, IConfiguration configuration)
{
    public const string KeyName = "unsubscribe";
    private byte[]? _key;

    public string PublicUrl => (configuration["Web:PublicUrl"] ?? "http://127.0.0.1:5080").TrimEnd('/');

    /// <summary>The one-click address (RFC 8058: a POST to it unsubscribes), and the web page whose button does the same.</summary>
    public async Task<(string OneClick, string Page)> UrlsAsync(long outboxId, CancellationToken ct)
    {
        var token = await TokenAsync(outboxId, ct);
        return ($"{PublicUrl}/messaging/unsubscribe/{token}", $"{PublicUrl}/unsubscribe/{token}");
    }

    public async Task<string> TokenAsync(long outboxId, CancellationToken ct)
    {
        var id = BitConverter.GetBytes(outboxId);
        return Base64Url(id.Concat(HMACSHA256.HashData(await KeyAsync(ct), id)[..16]).ToArray());
    }

    /// <summary>The outbox row a token names, if it is genuine.</summary>
    public async Task<long?> ReadAsync(string token, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/').PadRight((token.Length + 3) / 4 * 4, '='));
        }
        catch (FormatException)
        {
            return null;
        }
        if (bytes.Length != 24) return null;
        var expected = HMACSHA256.HashData(await KeyAsync(ct), bytes[..8])[..16];
        return CryptographicOperations.FixedTimeEquals(expected, bytes[8..]) ? BitConverter.ToInt64(bytes, 0) : null;
    }

    private async Task<byte[]> KeyAsync(CancellationToken ct)
    {
        return _key ??= await ServerKeys.GetAsync(db, KeyName, ct);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
