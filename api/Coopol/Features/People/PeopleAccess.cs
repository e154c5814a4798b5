using Coopol.Data;
using Coopol.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.People;

/// <summary>The one path to people's data: every read of <see cref="Person"/> starts from <see cref="VisibleAsync"/>,
/// which keeps only the people the caller may see (themselves, and the sections their rights reach).</summary>
public sealed class PeopleAccess(CoopolDbContext db, CallerContext caller)
{
    public async Task<IQueryable<Person>> VisibleAsync(CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequireAuthenticated();
        var reach = rights.PeopleReach();
        var self = rights.PersonId;
        var people = db.People.AsNoTracking();
        if (reach.Everywhere) return people;
        var federations = reach.FederationCodes.ToList();
        var sections = reach.SectionIds.ToList();
        return people.Where(p => p.Id == self || sections.Contains(p.SectionId)
            || federations.Contains(p.Section!.FederationCode));
    }

    public async Task<Person?> FindVisibleAsync(Guid id, CancellationToken ct) =>
        await (await VisibleAsync(ct)).FirstOrDefaultAsync(p => p.Id == id, ct);

    public async Task<IReadOnlyDictionary<Guid, Person>> VisibleByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        if (!rights.IsAuthenticated) return new Dictionary<Guid, Person>();
        return await (await VisibleAsync(ct)).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
    }
}
