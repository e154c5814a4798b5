using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Coopol.Common;

public static class DbConflicts
{
    public static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>Saves, turning a unique-index violation (a concurrent request took the same value first) into the
    /// typed error the service would have given had it seen that row.</summary>
    public static async Task SaveOrThrowAsync(this DbContext db, Func<CoopolException> onDuplicate, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            throw onDuplicate();
        }
    }
}

/// <summary>Another request changed the same thing at the same moment; trying again gives the current answer.</summary>
public sealed class ConcurrentChangeException()
    : CoopolException("CONCURRENT_CHANGE", "Someone changed this at the same moment; try again.");
