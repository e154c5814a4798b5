using Coopol.Access;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Messaging;

/// <summary>Who may send from where: SEND_MESSAGES on a section (delegates included) sends to its people, on a
/// federation to the federation's, nationally to everyone. Segments, messages and their outbox are seen by whoever may
/// send from their node; anything else reads as not found.</summary>
public sealed class MessagingAccess(CoopolDbContext db, CallerContext caller)
{
    public Task<Rights> RightsAsync(CancellationToken ct) => caller.GetRightsAsync(ct);

    /// <summary>The node a section id, a federation code or neither (the party) names; unknown reads as not found.</summary>
    public async Task<TreeNode> NodeAsync(string? sectionId, string? federationCode, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(sectionId))
        {
            var id = GlobalId.ParseGuid(sectionId, SectionService.NodeType, "sectionId");
            var section = await db.Sections.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new SectionNotFoundException();
            return SectionService.NodeOf(section);
        }
        if (!string.IsNullOrWhiteSpace(federationCode))
        {
            var code = federationCode.Trim().ToUpperInvariant();
            return await db.Set<Federation>().AnyAsync(f => f.Code == code, ct) ? TreeNode.Federation(code) : throw new FederationNotFoundException(code);
        }
        return TreeNode.National;
    }

    /// <summary>The caller may send from this node, or is told it is forbidden (the node itself is public: the tree is).</summary>
    public async Task<Guid> RequireSenderAsync(TreeNode node, CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        var person = rights.RequirePerson();
        if (!rights.Can(Permission.SendMessages, node)) throw new ForbiddenException("Sending messages from here takes SEND_MESSAGES.");
        return person;
    }

    public async Task<bool> MaySendAsync(TreeNode node, CancellationToken ct) => (await caller.GetRightsAsync(ct)).Can(Permission.SendMessages, node);

    /// <summary>Whether the caller sees every person of this node (MANAGE_PEOPLE: private profiles included). Otherwise
    /// counts from 0 to 4 are withheld and segments filter only by kind, section and consent: a narrow filter (a drawn
    /// area, a tag, an action, a name) and two counts subtracted would tell about one person.</summary>
    public async Task<bool> SeesEveryoneAsync(TreeNode node, CancellationToken ct) => (await caller.GetRightsAsync(ct)).Can(Permission.ManagePeople, node);

    /// <summary>Whether a node lies within another (a section within its federation, everything within the party).</summary>
    public static bool Within(TreeNode inner, TreeNode outer) => outer.Level switch
    {
        TreeLevel.National => true,
        TreeLevel.Federation => inner.FederationCode == outer.FederationCode,
        _ => inner.SectionId == outer.SectionId,
    };

    /// <summary>Rows of nodes the caller may send from: a filter on (Level, FederationCode, SectionId).</summary>
    public async Task<Reach> SenderReachAsync(CancellationToken ct)
    {
        var rights = await caller.GetRightsAsync(ct);
        return rights.IsAuthenticated ? rights.ReachOf(Permission.SendMessages) : Reach.Nowhere;
    }
}
