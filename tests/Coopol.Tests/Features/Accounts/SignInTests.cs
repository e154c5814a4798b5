using System.Net;
using System.Net.Http.Json;
using Coopol.Data.DemoData;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Accounts;

[Collection(ApiCollection.Name)]
public sealed class SignInTests(ApiFixture api)
{
    private sealed record DevUser(string Email, string DisplayName, string Description);
    private sealed record Token(string AccessToken, DateTime ExpiresAt);

    [Fact]
    public async Task TheDemoLoadsOnceAndEachDevUserSignsInAsTheirPerson()
    {
        await api.ResetAsync();
        await using (var scope = api.Factory.Services.CreateAsyncScope())
        {
            var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
            (await seeder.SeedAsync(500, CancellationToken.None)).ShouldBeTrue();
            (await seeder.SeedAsync(500, CancellationToken.None)).ShouldBeFalse();
        }
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(500 + DemoUsers.All.Count);
        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Kind == PersonKind.Supporter))).ShouldBeGreaterThan(100);

        using var client = api.Factory.CreateClient();
        var users = await client.GetFromJsonAsync<List<DevUser>>("/auth/dev/users");
        users!.Select(u => u.Email).ShouldBe(DemoUsers.All.Select(u => u.Email));

        var response = await client.PostAsJsonAsync("/auth/dev/token", new { email = DemoUsers.SectionSecretary.Email });
        var token = await response.Content.ReadFromJsonAsync<Token>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "{ me { email person { displayName } grants { items { role section { name } } } } }" }),
        };
        request.Headers.Authorization = new("Bearer", token!.AccessToken);
        var me = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        me.ShouldContain("\"role\":\"SECTION_SECRETARY\"");
        me.ShouldContain(DemoUsers.BrestCentre);

        (await client.PostAsJsonAsync("/auth/dev/token", new { email = "nobody@nowhere.test" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
