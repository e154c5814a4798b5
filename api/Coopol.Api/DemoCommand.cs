using Coopol.Data.DemoData;

namespace Coopol.Api;

/// <summary><c>Coopol.Api seed</c>: migrates, loads the demo once, exits.</summary>
public static class DemoCommand
{
    public static async Task SeedAsync(IServiceProvider services, IConfiguration configuration)
    {
        await using var scope = services.CreateAsyncScope();
        var seeder = ActivatorUtilities.CreateInstance<DemoSeeder>(scope.ServiceProvider);
        var count = configuration.GetValue("DemoData:People", 3000);
        var seeded = await seeder.SeedAsync(count, CancellationToken.None);
        Console.WriteLine(seeded ? $"Demo data loaded: {count} people, 14 sections, dev users." : "Demo data already present: left as it is.");
        // The party's membership file of the demo federation, for the import wizard (Import members, as fed29@demo.coopol.fr).
        var membershipFile = Path.GetFullPath(configuration["DemoData:MembershipFile"] ?? Path.Combine("..", "..", "demo", "adherents-finistere.csv"));
        if (!File.Exists(membershipFile))
        {
            var rows = Coopol.Features.Membership.MembershipDemo.Write(membershipFile, [(DemoUsers.Member.Email, DemoUsers.Member.FirstName, DemoUsers.Member.LastName)]);
            Console.WriteLine($"Membership file of Finistère (29) for the import wizard: {membershipFile} ({rows} members, Latin-1).");
        }
        var folder = DemoOpenData.FindFolder(configuration["DemoData:OpenData"], AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        if (folder is null)
        {
            Console.WriteLine("Open data not found (set DemoData:OpenData to the shared data folder): the campaign map stays empty.");
            return;
        }
        var loaded = await DemoOpenData.LoadAsync(services, folder, CancellationToken.None);
        Console.WriteLine(loaded.Count == 0 ? "Campaign map data already present." : $"Campaign map: {loaded.Count} open-data files imported from {folder}.");
    }
}
