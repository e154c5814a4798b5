using Coopol.Features.Roles;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Features.Roles;

[Collection(ApiCollection.Name)]
public sealed class RecordExpiredGrantsJobTests(ApiFixture api)
{
    [Fact]
    public async Task RecordsEachEndedDelegationOnceInTheAuditTrail()
    {
        var w = await TestWorld.CreateAsync(api);
        var delegation = w.Grants[TestWorld.DelegateS1].Id;
        await api.WithDbAsync(db => db.RoleGrants.Where(g => g.Id == delegation)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ExpiresAt, DateTime.UtcNow.AddHours(-1))));

        (await RunJobAsync()).ShouldBe(1);
        (await RunJobAsync()).ShouldBe(0);
        var events = await api.WithDbAsync(db => db.RoleGrantEvents.Where(e => e.GrantId == delegation).ToListAsync());
        events.ShouldHaveSingleItem().Kind.ShouldBe(RoleGrantEventKind.Expired);
        events[0].ActorId.ShouldBeNull();
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordExpiredGrantsJob>().RunAsync(CancellationToken.None);
    }
}
