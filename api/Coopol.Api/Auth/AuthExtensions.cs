using Coopol.Access;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace Coopol.Api.Auth;

public static class AuthExtensions
{
    /// <summary>Entra ID (Microsoft.Identity.Web) when AzureAd:ClientId is set; otherwise the local issuer. Either way
    /// the request's caller comes from the validated token.</summary>
    public static IServiceCollection AddCoopolAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<ICallerSource, HttpCallerSource>();
        if (!string.IsNullOrEmpty(configuration["AzureAd:ClientId"]))
        {
            RequireEntraSettings(configuration);
            services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(configuration.GetSection("AzureAd"));
            return services;
        }
        // The local issuer signs tokens for demo accounts on request: never in production, and elsewhere only
        // in Development or when asked for explicitly (tests, a demo server).
        if (environment.IsProduction() || !(environment.IsDevelopment() || configuration.GetValue<bool>("Auth:Local:Enabled")))
            throw new InvalidOperationException("No identity provider is configured: set AzureAd:Instance, AzureAd:TenantId and "
                + "AzureAd:ClientId (the local sign-in runs only in Development, or with Auth:Local:Enabled=true outside production).");

        services.AddSingleton<LocalSigningKey>();
        services.AddSingleton<LocalTokenIssuer>();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<LocalSigningKey>((o, key) =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = LocalSigningKey.Issuer,
                    ValidAudience = LocalSigningKey.Audience,
                    IssuerSigningKey = key.Key,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        return services;
    }

    /// <summary>With a client id, Entra needs its instance and tenant too: without them every token is refused later
    /// (500s for everyone), so the host refuses to start and names what is missing.</summary>
    private static void RequireEntraSettings(IConfiguration configuration)
    {
        var missing = new List<string>();
        if (!Uri.TryCreate(configuration["AzureAd:Instance"], UriKind.Absolute, out var instance) || instance.Scheme != Uri.UriSchemeHttps)
            missing.Add("AzureAd:Instance (an https URL, e.g. https://login.microsoftonline.com/)");
        if (string.IsNullOrWhiteSpace(configuration["AzureAd:TenantId"]))
            missing.Add("AzureAd:TenantId (the directory's id, or 'organizations')");
        if (missing.Count > 0)
            throw new InvalidOperationException($"AzureAd:ClientId is set but {string.Join(" and ", missing)} {(missing.Count > 1 ? "are" : "is")} missing: set it, or remove AzureAd:ClientId.");
    }

    public static bool LocalSignInEnabled(this IServiceProvider services) => services.GetService<LocalTokenIssuer>() is not null;
}
