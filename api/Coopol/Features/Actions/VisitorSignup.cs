using System.Security.Cryptography;
using System.Threading.RateLimiting;
using Coopol.Common;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Actions;

/// <summary>A sign-up to an action by someone without an account, waiting for them to confirm through the link sent to
/// the email (or the code sent to the phone) they gave. Until then nobody is created, counted or told: an address
/// typed by someone else leads nowhere.</summary>
[PersonalData("a name and contact signing up to a party's action")]
public sealed class VisitorSignup
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(48);

    public Guid Id { get; init; } = Guid.NewGuid();
    public required Guid ActionId { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public Point? Location { get; init; }
    /// <summary>The section their place falls in: they join it as a supporter when they confirm.</summary>
    public required Guid SectionId { get; init; }
    /// <summary>SHA-256 of the token sent; the token itself is never stored.</summary>
    public required byte[] TokenHash { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public DateTime? ConfirmedAt { get; set; }
    /// <summary>Too many requests for this contact within the hour: kept like the others, but no link was sent.</summary>
    public bool Suppressed { get; init; }
    public Guid? PersonId { get; set; }

    /// <summary>The confirmation goes to the email when there is one, else by SMS.</summary>
    public ConsentChannel Channel => Email is not null ? ConsentChannel.Email : ConsentChannel.Sms;

    public static (string Token, byte[] Hash) NewToken()
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, HashOf(token));
    }

    public static byte[] HashOf(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}

public sealed class VisitorSignupConfiguration : IEntityTypeConfiguration<VisitorSignup>
{
    public void Configure(EntityTypeBuilder<VisitorSignup> builder)
    {
        builder.ToTable("VisitorSignups");
        builder.Property(v => v.FirstName).HasMaxLength(100);
        builder.Property(v => v.LastName).HasMaxLength(100);
        builder.Property(v => v.Email).HasMaxLength(254);
        builder.Property(v => v.Phone).HasMaxLength(16);
        builder.Property(v => v.Location).HasColumnType("geography(point,4326)");
        builder.Ignore(v => v.Channel);
        builder.HasIndex(v => v.TokenHash).IsUnique();
        builder.HasIndex(v => v.ExpiresAt);
        builder.HasIndex(v => new { v.Email, v.CreatedAt });
        builder.HasIndex(v => new { v.Phone, v.CreatedAt });
        builder.HasOne<FieldAction>().WithMany().HasForeignKey(v => v.ActionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.SetNull);
    }
}

/// <summary>Anonymous sign-ups are slowed down per client address (a script cannot flood an action or someone's inbox);
/// per contact, further sign-ups within the hour are accepted and silently dropped, so the answer never depends on it.
/// In memory, per process: a single API process in the deployments this targets (behind several, use a shared store).</summary>
public sealed class VisitorLimits
{
    public const int PerAddress = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    public const int PerContactPerHour = 3;
    public const int PerContactPerDay = 10;

    private PartitionedRateLimiter<string> _byAddress = New();

    private static PartitionedRateLimiter<string> New() => PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerAddress, Window = Window, QueueLimit = 0,
        }));

    public void Check(string? clientAddress)
    {
        using var lease = _byAddress.AttemptAcquire(PartitionOf(clientAddress));
        if (!lease.IsAcquired) throw new TooManySignupsException();
    }

    /// <summary>An IPv4 address, or the /64 network of an IPv6 one (a single subscriber holds a whole /64).</summary>
    public static string PartitionOf(string? clientAddress)
    {
        if (clientAddress is null || !System.Net.IPAddress.TryParse(clientAddress, out var address)) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>Forgets every address (tests start each case afresh).</summary>
    public void Reset()
    {
        var old = Interlocked.Exchange(ref _byAddress, New());
        old.Dispose();
    }
}

public sealed class TooManySignupsException()
    : CoopolException("RATE_LIMITED", $"Too many sign-ups from here: try again in {VisitorLimits.Window.TotalMinutes:0} minutes.");

public sealed class InvalidSignupTokenException()
    : CoopolException("INVALID_TOKEN", "This link is not valid, or has expired (48 hours), or was already used.");
