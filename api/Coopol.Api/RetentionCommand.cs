using Coopol.Features.Privacy;

namespace Coopol.Api;

/// <summary><c>scripts/coopol retention [--apply]</c>: the nightly retention run, now; a dry run unless --apply.</summary>
public static class RetentionCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Skip(1).Any(a => a != "--apply"))
        {
            Console.Error.WriteLine("usage: scripts/coopol retention [--apply]");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var apply = args.Contains("--apply");
        var run = await scope.ServiceProvider.GetRequiredService<RetentionService>()
            .RunAsync(TimeProvider.System.GetUtcNow().UtcDateTime, dryRun: !apply, "command line", CancellationToken.None);
        Console.WriteLine($"{(apply ? "Applied" : "Dry run, nothing changed")}: {run.CanvassingReports} door reports purged of data about people, "
            + $"{run.InactiveSupporters} inactive supporters and {run.FormerMembers} former members erased.");
        return 0;
    }
}
