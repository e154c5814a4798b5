using Coopol.Access;
using Coopol.Common;
using Coopol.Common.Paging;
using Coopol.Data;
using Coopol.Geo;
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
    public const int MaxSearchLength = 100;

    public static readonly KeysetOrder<Federation> FederationOrder = KeysetOrder<Federation>.Ascending("code", KeysetOrder<Federation>.Key(f => f.Code));
    public static readonly KeysetOrder<Section> SectionOrder =
        KeysetOrder<Section>.Ascending("name", KeysetOrder<Section>.Key(s => s.Name), KeysetOrder<Section>.Key(s => s.Id));

    public static TreeNode NodeOf(Section section) => TreeNode.Section(section.FederationCode, section.Id);

    public Task<Page<Federation>> FederationsAsync(PageRequest page, CancellationToken ct) =>
        db.Federations.AsNoTracking().ToPageAsync(FederationOrder, page, ct);

    public Task<Federation?> FindFederationAsync(string code, CancellationToken ct) =>
        !Federation.IsWellFormedCode(code) ? Task.FromResult<Federation?>(null) : db.Federations.AsNoTracking().FirstOrDefaultAsync(f => f.Code == code, ct);

    /// <summary>Sections by name, federation code or federation name (case and accent insensitive), in name order.</summary>
    public async Task<Page<Section>> SearchAsync(string? search, string? federationCode, PageRequest page, CancellationToken ct)
    {
        if (search is { Length: > MaxSearchLength })
            throw InputValidationException.For("search", "TOO_LONG", $"Search with at most {MaxSearchLength} characters.");
        var sections = db.Sections.AsNoTracking();
        if (federationCode is not null)
        {
            if (!Federation.IsWellFormedCode(federationCode)) return Page<Section>.Empty(SectionOrder.CursorOf, page.WantsTotalCount);
            sections = sections.Where(s => s.FederationCode == federationCode);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var code = search.Trim().ToUpperInvariant();
            var pattern = LikePattern.Containing(search.Trim());
            sections = sections.Where(s => s.FederationCode == code
                || EF.Functions.ILike(EF.Functions.Unaccent(s.Name), EF.Functions.Unaccent(pattern), "\\")
                || EF.Functions.ILike(EF.Functions.Unaccent(s.Federation!.Name), EF.Functions.Unaccent(pattern), "\\"));
        }
        return await sections.ToPageAsync(SectionOrder, page, ct);
    }

    /// <summary>The sections of several federations, a page each, in one query (nested Federation.sections).</summary>
    public async Task<IReadOnlyDictionary<string, Page<Section>>> SectionsOfAsync(IReadOnlyCollection<string> federationCodes, PageRequest page, CancellationToken ct)
    {
        var codes = federationCodes.ToList();
        return await db.Federations.AsNoTracking().Where(f => codes.Contains(f.Code))
            .ToPagesAsync(f => f.Code, db.Sections.AsNoTracking(), s => s.FederationCode, SectionOrder, page, federationCodes, ct);
    }

    public Task<Section?> FindAsync(Guid id, CancellationToken ct) =>
        db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    public async Task<IReadOnlyDictionary<Guid, Section>> ByIdsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        await db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

    public async Task<IReadOnlyDictionary<string, Federation>> FederationsByCodesAsync(IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var wellFormed = codes.Where(Federation.IsWellFormedCode).ToList();
        return await db.Federations.AsNoTracking().Where(f => wellFormed.Contains(f.Code)).ToDictionaryAsync(f => f.Code, ct);
    }

    public async Task<Section> RequireAsync(Guid id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new SectionNotFoundException();

    public Task<Section> RequireAsync(string globalId, string field, CancellationToken ct) =>
        RequireAsync(GlobalId.ParseGuid(globalId, NodeType, field), ct);

    /// <summary>The node a global ID names: a federation or a section; national when omitted.</summary>
    public async Task<TreeNode> ResolveNodeAsync(string? scopeId, string field, CancellationToken ct)
    {
        if (scopeId is null) return TreeNode.National;
        switch (GlobalId.TryDecode(scopeId))
        {
            case (NodeType, _) when GlobalId.TryDecodeGuid(scopeId, NodeType) is { } sectionId:
                return NodeOf(await FindAsync(sectionId, ct) ?? throw new SectionNotFoundException());
            case (FederationNodeType, var code):
                _ = await FindFederationAsync(code, ct) ?? throw new FederationNotFoundException(code);
                return TreeNode.Federation(code);
            default:
                throw InputValidationException.For(field, "INVALID_ID", "Expected the ID of a federation or a section.");
        }
    }

    public async Task<Section> CreateAsync(CreateSectionInput input, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        rights.RequirePerson();
        createValidator.ValidateOrThrow(input);
        if (await FindFederationAsync(input.FederationCode, ct) is null)
            throw InputValidationException.For("federationCode", "FEDERATION_NOT_FOUND", $"There is no federation with code '{input.FederationCode}'.");
        if (!rights.Can(Permission.ManageSections, TreeNode.Federation(input.FederationCode)))
            throw new ForbiddenException("You may not create sections in this federation.");
        var name = input.Name.Trim();
        await EnsureNameFreeAsync(input.FederationCode, name, null, ct);
        var section = new Section
        {
            FederationCode = input.FederationCode, Name = name, SeatAddress = input.SeatAddress?.Trim(),
            SeatLocation = GeoPointInput.ToPoint(input.SeatLocation), CreatedAt = clock.GetUtcNow().UtcDateTime,
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
        var section = await db.Sections.AsTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new SectionNotFoundException();
        if (!rights.Can(Permission.ManageSections, NodeOf(section)))
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
