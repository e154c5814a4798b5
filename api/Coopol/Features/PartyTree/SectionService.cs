using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Accounts;
using Coopol.Features.People;
using Coopol.Features.Roles;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.PartyTree;

/// <summary>The party tree. Federations and sections are public (a party's local branches are listed on its
/// website); who belongs to them is not.</summary>
public sealed class SectionService(
    CoopolDbContext db, CallerContext caller, TimeProvider clock,
    IValidator<CreateSectionInput> createValidator, IValidator<RenameSectionInput> renameValidator)
{
    public const string NodeType = "Section";
    public const string FederationNodeType = "Federation";

    public Task<Page<Federation>> FederationsAsync(PageRequest page, CancellationToken ct) =>
        page.ApplyAsync(db.Federations.AsNoTracking().OrderBy(f => f.Code), ct);

    public Task<Federation?> FindFederationAsync(string code, CancellationToken ct) =>
        db.Federations.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, ct);

    public Task<Page<Section>> SectionsOfAsync(string federationCode, PageRequest page, CancellationToken ct) =>
        page.ApplyAsync(db.Sections.AsNoTracking().Where(s => s.FederationCode == federationCode).OrderBy(s => s.Name).ThenBy(s => s.Id), ct);

    public Task<Section?> FindAsync(Guid id, CancellationToken ct) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<IReadOnlyDictionary<Guid, Section>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

    public async Task<IReadOnlyDictionary<string, Federation>> FederationsByCodesAsync(IReadOnlyCollection<string> codes, CancellationToken ct) =>
        await db.Federations.AsNoTracking().Where(f => codes.Contains(f.Code)).ToDictionaryAsync(f => f.Code, ct);

    public async Task<Section> RequireAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new SectionNotFoundException();

    public Task<Section> RequireAsync(string globalId, string field, CancellationToken ct) =>
        RequireAsync(GlobalId.ParseGuid(globalId, NodeType, field), ct);

    public async Task<Section> CreateAsync(CreateSectionInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        createValidator.ValidateOrThrow(input);
        if (await FindFederationAsync(input.FederationCode, ct) is null)
            throw InputValidationException.For("federationCode", "FEDERATION_NOT_FOUND", $"There is no federation with code '{input.FederationCode}'.");
        if (!rights.Can(Permission.ManageSections, TreeLevel.Federation, input.FederationCode, null))
            throw new ForbiddenException("You may not create sections in this federation.");
        var name = input.Name.Trim();
        await EnsureNameFreeAsync(input.FederationCode, name, null, ct);
        var section = new Section
        {
            FederationCode = input.FederationCode, Name = name, SeatAddress = input.SeatAddress?.Trim(),
            SeatLocation = PersonService.ToPoint(input.SeatLocation), CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Sections.Add(section);
        await db.SaveOrThrowAsync(NameTaken, ct);
        return section;
    }

    public async Task<Section> RenameAsync(RenameSectionInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        var id = GlobalId.ParseGuid(input.SectionId, NodeType, "sectionId");
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new SectionNotFoundException();
        if (!rights.Can(Permission.ManageSections, section))
            throw new ForbiddenException("You may not rename this section.");
        renameValidator.ValidateOrThrow(input);
        var name = input.Name.Trim();
        await EnsureNameFreeAsync(section.FederationCode, name, section.Id, ct);
        section.Name = name;
        await db.SaveOrThrowAsync(NameTaken, ct);
        return section;
    }

    private async Task EnsureNameFreeAsync(string federationCode, string name, Guid? exceptId, CancellationToken ct)
    {
        var lowered = name.ToLower();
        if (await db.Sections.AnyAsync(s => s.FederationCode == federationCode && s.Name.ToLower() == lowered && s.Id != exceptId, ct))
            throw NameTaken();
    }

    private static InputValidationException NameTaken() =>
        InputValidationException.For("name", "SECTION_NAME_TAKEN", "This federation already has a section with this name.");
}
