using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Coopol.Tests.Infrastructure;

/// <summary>Counts the SQL commands the API sends, to prove lists do not issue one query per row.</summary>
public sealed class SqlCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => _count;

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
