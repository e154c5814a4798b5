using Bogus;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Data.DemoData;

/// <summary>A believable demo, made by each feature's seed in turn (sections, people and their consents, role holders
/// and one demo account per kind of holder), in one transaction. Runs once: an existing demo is left alone.</summary>
public sealed class DemoSeeder(CoopolDbContext db, TimeProvider clock)
{
    public async Task<bool> SeedAsync(int peopleCount, CancellationToken ct)
    {
        // Sections are public data: their presence tells whether the demo (or real data) is already there.
        if (await db.Sections.AnyAsync(ct)) return false;
        Randomizer.Seed = new Random(2027);
        var world = new DemoWorld(db, peopleCount, clock.GetUtcNow().UtcDateTime);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var feature in CoopolFeatures.All)
        {
            await feature.SeedDemoAsync(world, ct);
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return true;
    }
}
