using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Coopol.Api.Auth;

/// <summary>The key of the local development issuer: from configuration (tests set one), else made once and kept
/// in an ignored file so tokens survive a restart. Never used when an identity provider is configured.</summary>
public sealed class LocalSigningKey
{
    public const string Issuer = "coopol-local";
    public const string Audience = "coopol";

    public LocalSigningKey(IConfiguration configuration)
    {
        var configured = configuration["Auth:Local:SigningKey"];
        byte[] bytes;
        if (!string.IsNullOrEmpty(configured))
        {
            bytes = Convert.FromBase64String(configured);
        }
        else
        {
            var file = configuration["Auth:Local:KeyFile"] ?? Path.Combine(".data", "local-signing-key");
            if (File.Exists(file))
            {
                bytes = Convert.FromBase64String(File.ReadAllText(file).Trim());
            }
            else
            {
                bytes = RandomNumberGenerator.GetBytes(32);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
                File.WriteAllText(file, Convert.ToBase64String(bytes));
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = "coopol-local" };
    }

    public SymmetricSecurityKey Key { get; }
}
