using Coopol.Access;
using Coopol.Features.Roles;
using Coopol.Tests.Infrastructure;
using Hangfire;
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

    [Fact]
    public async Task RunsWhenEnqueuedThroughHangfire()
    {
        var w = await TestWorld.CreateAsync(api);
        var delegation = w.Grants[TestWorld.DelegateS1].Id;
        await api.WithDbAsync(db => db.RoleGrants.Where(g => g.Id == delegation)
            .ExecuteUpdateAsync(u => u.SetProperty(g => g.ExpiresAt, DateTime.UtcNow.AddHours(-1))));

        var services = api.Factory.Services;
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<RecordExpiredGrantsJob>(j => j.RunAsync(CancellationToken.None));
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = 1 },
            services.GetRequiredService<JobStorage>());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !await api.WithDbAsync(db => db.RoleGrantEvents.AnyAsync(e => e.GrantId == delegation)))
            await Task.Delay(200);
        (await api.WithDbAsync(db => db.RoleGrantEvents.CountAsync(e => e.GrantId == delegation && e.Kind == RoleGrantEventKind.Expired))).ShouldBe(1);
    }

    private async Task<int> RunJobAsync()
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecordExpiredGrantsJob>().RunAsync(CancellationToken.None);
    }
}
