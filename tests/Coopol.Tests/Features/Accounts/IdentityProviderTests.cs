using System.Net;
using Coopol.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Coopol.Tests.Features.Accounts;

/// <summary>Production settings switch sign-in to Entra ID (Microsoft.Identity.Web) and remove the local issuer.</summary>
[Collection(ApiCollection.Name)]
public sealed class IdentityProviderTests(ApiFixture api)
{
    [Fact]
    public async Task WithEntraSettingsTokensAreValidatedByMicrosoftIdentityWebAndDevSignInIsGone()
    {
        using var entra = api.Factory.WithWebHostBuilder(b => b
            .UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/")
            .UseSetting("AzureAd:TenantId", "11111111-2222-3333-4444-555555555555")
            .UseSetting("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000"));
        var bearer = entra.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
        bearer.Authority.ShouldBe("https://login.microsoftonline.com/11111111-2222-3333-4444-555555555555/v2.0");

        using var client = entra.CreateClient();
        (await client.GetAsync("/auth/dev/users")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await client.PostAsync("/auth/dev/token", null)).StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    [Fact]
    public void ProductionRefusesToStartWithoutAnIdentityProvider()
    {
        using var production = api.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        Should.Throw<InvalidOperationException>(() => production.CreateClient()).Message.ShouldContain("AzureAd");
    }
}
