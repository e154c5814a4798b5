using System.Security.Cryptography;
using Coopol.Data;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Common;

/// <summary>Secret keys Coopol makes for itself and keeps in its database (table ServerKeys), one per purpose: the first
/// process to ask makes it, every process reads the one kept.</summary>
public static class ServerKeys
{
    public static async Task<byte[]> GetAsync(CoopolDbContext db, string name, CancellationToken ct)
    {
        var fresh = RandomNumberGenerator.GetBytes(32);
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "ServerKeys" ("Name", "Value") VALUES ({name}, {fresh}) ON CONFLICT DO NOTHING""", ct);
        return await db.Database.SqlQuery<byte[]>($"""SELECT "Value" AS "Value" FROM "ServerKeys" WHERE "Name" = {name}""").SingleAsync(ct);
    }
}
