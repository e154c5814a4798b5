using Coopol.Api.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Coopol.Tests.Features.Accounts;

/// <summary>Production settings switch sign-in to Entra ID (Microsoft.Identity.Web) and remove the local issuer.
/// Checked on the service registrations: a second host in this process would replace Hangfire's static
/// activator, which the job tests rely on.</summary>
public sealed class IdentityProviderTests
{
    private static ServiceProvider Build(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddCoopolAuthentication(configuration, new HostingEnvironment { EnvironmentName = environment });
        return services.BuildServiceProvider();
    }

    [Fact]
    public void WithEntraSettingsTokensAreValidatedByMicrosoftIdentityWebAndTheLocalIssuerIsGone()
    {
        using var services = Build(Environments.Production, new()
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["AzureAd:ClientId"] = "66666666-7777-8888-9999-000000000000",
        });
        var bearer = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        bearer.Authority.ShouldBe("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0");
        services.LocalSignInEnabled().ShouldBeFalse();
    }

    [Fact]
    public void WithoutAnIdentityProviderDevelopmentUsesTheLocalIssuerAndProductionRefusesToStart()
    {
        using var local = Build(Environments.Development, new() { ["Auth:Local:SigningKey"] = Convert.ToBase64String(new byte[32]) });
        local.LocalSignInEnabled().ShouldBeTrue();
        var bearer = local.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        bearer.TokenValidationParameters.ValidIssuer.ShouldBe(LocalSigningKey.Issuer);

        Should.Throw<InvalidOperationException>(() => Build(Environments.Production, [])).Message.ShouldContain("AzureAd");
    }

    /// <summary>A client id without a tenant used to start, then answer 500 to every request: the host now refuses to
    /// start and says what is missing.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void WithAClientIdButNoTenantIdTheHostRefusesToStartNamingTheTenantSetting(string? tenantId)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:ClientId"] = "66666666-7777-8888-9999-000000000000",
        };
        if (tenantId is not null) settings["AzureAd:TenantId"] = tenantId;
        foreach (var environment in new[] { Environments.Production, Environments.Staging, Environments.Development })
            Should.Throw<InvalidOperationException>(() => Build(environment, settings)).Message.ShouldContain("AzureAd:TenantId", Case.Sensitive, environment);
    }

    [Fact]
    public void WithAClientIdButNoInstanceTheHostRefusesToStartNamingTheInstanceSetting()
    {
        var message = Should.Throw<InvalidOperationException>(() => Build(Environments.Production, new()
        {
            ["AzureAd:TenantId"] = "11111111-2222-3333-4444-555555555555",
            ["AzureAd:ClientId"] = "66666666-7777-8888-9999-000000000000",
        })).Message;
        message.ShouldContain("AzureAd:Instance");
        message.ShouldNotContain("AzureAd:TenantId");
    }
}
