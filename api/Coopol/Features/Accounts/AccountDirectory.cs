using Coopol.Access;
using Coopol.Data;
using Coopol.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Accounts;

/// <summary>Sign-in binding: finds the person behind an account, binding the account (its subject) at the first
/// sign-in to the unbound primary record with the same verified email; later sign-ins find the person by subject.
/// It reads People outside <see cref="PeopleAccess"/> on purpose — it runs before the caller has any rights — and
/// returns only the caller's own id, section and kind.</summary>
public sealed class AccountDirectory(CoopolDbContext db) : IAccountDirectory
{
    public async Task<CallerPerson?> FindByAccountAsync(AccountIdentity account, CancellationToken ct)
    {
        if (await BySubjectAsync(account.Subject, ct) is { } person) return person;
        if (account.Email is null) return null;
        var bound = await db.People.Where(p => p.Email == account.Email && p.AccountSubject == null && p.LinkedToId == null)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.AccountSubject, account.Subject), ct);
        return bound == 0 ? null : await BySubjectAsync(account.Subject, ct);
    }

    public Task<CallerPerson?> FindAsync(Guid personId, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new CallerPerson(p.Id, p.SectionId, p.Kind == PersonKind.Member)).FirstOrDefaultAsync(ct);

    private Task<CallerPerson?> BySubjectAsync(string subject, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.AccountSubject == subject)
            .Select(p => new CallerPerson(p.Id, p.SectionId, p.Kind == PersonKind.Member)).FirstOrDefaultAsync(ct);
}
