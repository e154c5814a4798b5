using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coopol.Common;

public static class DbConflicts
{
    /// <summary>Saves, turning a unique-index violation (a concurrent request took the same value first) into the
    /// typed error the service would have given had it seen that row.</summary>
    public static async Task SaveOrThrowAsync(this DbContext db, Func<CoopolException> onDuplicate, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            throw onDuplicate();
        }
    }
}
