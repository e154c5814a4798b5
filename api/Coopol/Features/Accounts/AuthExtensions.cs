using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;

namespace Coopol.Features.Accounts;

public static class AuthExtensions
{
    /// <summary>Entra ID (Microsoft.Identity.Web) when AzureAd:ClientId is set; otherwise the local issuer.</summary>
    public static IServiceCollection AddCoopolAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<CallerContext>();
        if (!string.IsNullOrEmpty(configuration["AzureAd:ClientId"]))
        {
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

    public static bool LocalSignInEnabled(this IServiceProvider services) => services.GetService<LocalTokenIssuer>() is not null;
}
