using System.Net;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Coopol.Features.Messaging;

/// <summary>A newsletter as it leaves: Markdown made HTML once per message (raw HTML in the text is shown as text, never
/// run), then each recipient's variables put in, escaped; the section's template gives the sender's name and the footer;
/// the unsubscribe link closes it.</summary>
public sealed class Newsletter
{
    /// <summary>Extensions named one by one (the "advanced" set lets any HTML attribute through, onerror included); raw HTML
    /// is shown as text.</summary>
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseListExtras().UseAutoLinks().UseSoftlineBreakAsHardlineBreak().DisableHtml().Build();

    /// <summary>Markdown to HTML where a link or an image leads only to http(s), mailto or tel: "javascript:" and the
    /// like become "#".</summary>
    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>()) if (!IsSafe(link.Url)) link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>()) if (!IsSafe(link.Url)) link.Url = "#";
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        string.IsNullOrEmpty(url) || url == "#"
        || Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto" or "tel";

    private readonly string _html;
    private readonly string _text;

    public Newsletter(string subject, string body, string senderName, string footer)
    {
        Subject = subject;
        SenderName = senderName;
        var footerHtml = string.IsNullOrWhiteSpace(footer) ? "" : ToHtml(footer);
        _html = $$"""
            <!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"></head>
            <body style="font-family:sans-serif;max-width:640px;margin:auto;padding:16px;color:#1a1a1a">
            <p style="color:#555;font-size:14px">{{WebUtility.HtmlEncode(senderName)}}</p>
            {{ToHtml(body)}}
            <hr style="margin-top:32px"><div style="color:#555;font-size:13px">{{footerHtml}}
            <p><a href="{{UnsubscribeToken}}">Se désabonner / Unsubscribe</a></p></div>
            </body></html>
            """;
        _text = $"{body}\n\n-- \n{footer}\n\nSe désabonner / Unsubscribe: {UnsubscribeToken}\n";
    }

    private const string UnsubscribeToken = "{{unsubscribe}}";

    public string Subject { get; }
    public string SenderName { get; }

    public (string Subject, string Html, string Text) For(string? firstName, string? section, string unsubscribeUrl)
    {
        var html = MessageRules.Fill(_html, WebUtility.HtmlEncode(firstName), WebUtility.HtmlEncode(section))
            .Replace(UnsubscribeToken, WebUtility.HtmlEncode(unsubscribeUrl), StringComparison.Ordinal);
        var text = MessageRules.Fill(_text, firstName, section).Replace(UnsubscribeToken, unsubscribeUrl, StringComparison.Ordinal);
        return (MessageRules.Fill(Subject, firstName, section), html, text);
    }
}
