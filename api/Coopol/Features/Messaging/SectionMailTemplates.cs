using Coopol.Common;
using Coopol.Data;
using Coopol.Features.PartyTree;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Features.Messaging;

/// <summary>Each section's newsletter template (sender name and footer), set by those who send from the section.</summary>
public sealed class SectionMailTemplates(CoopolDbContext db, MessagingAccess access, TimeProvider clock)
{
    public async Task<SectionMailTemplate> GetAsync(string sectionId, CancellationToken ct)
    {
        var node = await access.NodeAsync(sectionId, null, ct);
        await access.RequireSenderAsync(node, ct);
        return await db.Set<SectionMailTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.SectionId == node.SectionId, ct)
            ?? new SectionMailTemplate { SectionId = node.SectionId!.Value, SenderName = await db.Sections.Where(s => s.Id == node.SectionId).Select(s => s.Name).FirstAsync(ct) };
    }

    public async Task<SectionMailTemplate> SetAsync(SectionMailTemplateInput input, CancellationToken ct)
    {
        var node = await access.NodeAsync(input.SectionId, null, ct);
        await access.RequireSenderAsync(node, ct);
        if (string.IsNullOrWhiteSpace(input.SenderName) || input.SenderName.Trim().Length > 120 || input.SenderName.Any(char.IsControl))
            throw InputValidationException.For("senderName", "INVALID_NAME", "Give the sender's name (at most 120 characters).");
        if (input.Footer.Length > 4000) throw InputValidationException.For("footer", "TOO_LONG", "The footer is at most 4,000 characters.");
        if (MessageRules.UnknownVariables(input.Footer) is [var unknown, ..])
            throw InputValidationException.For("footer", "UNKNOWN_VARIABLE", $"Unknown variable {{{{{unknown}}}}}.");
        var template = await db.Set<SectionMailTemplate>().AsTracking().FirstOrDefaultAsync(t => t.SectionId == node.SectionId, ct);
        if (template is null)
        {
            template = new SectionMailTemplate { SectionId = node.SectionId!.Value, SenderName = "" };
            db.Add(template);
        }
        template.SenderName = input.SenderName.Trim();
        template.Footer = input.Footer;
        template.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return template;
    }
}
