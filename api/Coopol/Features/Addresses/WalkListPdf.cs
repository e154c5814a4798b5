using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Coopol.Features.Addresses;

/// <summary>One share of a walk list as a printable A4 PDF: its title and share name, then a line per building with the
/// address, its doors, and an empty box per outcome to tick on paper.</summary>
public static class WalkListPdf
{
    public const int RowsOnFirstPage = 32;
    public const int RowsPerPage = 36;
    public static readonly IReadOnlyList<string> DefaultOutcomes = ["Absent", "Ouvert", "Refus", "À revoir"];

    private const double Margin = 40, RowHeight = 20, BoxSize = 11, OutcomeWidth = 52, DoorsWidth = 44;

    static WalkListPdf()
    {
        // Process-wide in PDFsharp; Coopol draws no other PDF. The font ships with the library: servers have no fonts to rely on.
        if (GlobalFontSettings.FontResolver is not EmbeddedFontResolver) GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
    }

    /// <summary>The pages a share of <paramref name="buildings"/> building lines takes.</summary>
    public static int PagesFor(int buildings) => buildings <= RowsOnFirstPage ? 1 : 1 + (buildings - RowsOnFirstPage + RowsPerPage - 1) / RowsPerPage;

    public static byte[] Render(string title, string shareName, IReadOnlyList<TurfAddress> share, IReadOnlyList<string>? outcomes = null)
    {
        outcomes ??= DefaultOutcomes;
        var lines = share.SelectMany(a => a.Buildings.Count == 0
            ? [(Label: a.Label, Doors: "?")]
            : a.Buildings.Select(b => (Label: b.Label is null ? a.Label : $"{a.Label} – {b.Label}", Doors: b.DoorCount?.ToString() ?? $"{b.Doors}?"))).ToList();
        var pages = PagesFor(lines.Count);
        using var document = new PdfDocument();
        document.Info.Title = $"{title} – {shareName}";
        document.Info.Creator = "Coopol";
        var regular = new XFont(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Regular);
        var bold = new XFont(EmbeddedFontResolver.Family, 9.5, XFontStyleEx.Bold);
        var heading = new XFont(EmbeddedFontResolver.Family, 16, XFontStyleEx.Bold);
        var subheading = new XFont(EmbeddedFontResolver.Family, 12, XFontStyleEx.Regular);
        var next = 0;
        for (var p = 0; p < pages; p++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var width = page.Width.Point - 2 * Margin;
            var y = Margin;
            if (p == 0)
            {
                gfx.DrawString(Fit(gfx, title, heading, width), heading, XBrushes.Black, Margin, y + 16);
                gfx.DrawString(Fit(gfx, $"{shareName} · {share.Count} adresses, {share.Sum(a => a.Doors)} portes", subheading, width),
                    subheading, XBrushes.Black, Margin, y + 36);
                y += 56;
            }
            var labelWidth = width - DoorsWidth - outcomes.Count * OutcomeWidth;
            gfx.DrawString("Adresse", bold, XBrushes.Black, Margin, y + 13);
            gfx.DrawString("Portes", bold, XBrushes.Black, Margin + labelWidth, y + 13);
            for (var o = 0; o < outcomes.Count; o++)
                gfx.DrawString(Fit(gfx, outcomes[o], bold, OutcomeWidth - 2), bold, XBrushes.Black, Margin + labelWidth + DoorsWidth + o * OutcomeWidth, y + 13);
            y += RowHeight;
            gfx.DrawLine(XPens.Black, Margin, y, Margin + width, y);
            var rows = p == 0 ? RowsOnFirstPage : RowsPerPage;
            for (var r = 0; r < rows && next < lines.Count; r++, next++)
            {
                var (label, doors) = lines[next];
                gfx.DrawString(Fit(gfx, label, regular, labelWidth - 6), regular, XBrushes.Black, Margin, y + 13);
                gfx.DrawString(doors, regular, XBrushes.Black, Margin + labelWidth, y + 13);
                for (var o = 0; o < outcomes.Count; o++)
                    gfx.DrawRectangle(XPens.Black, Margin + labelWidth + DoorsWidth + o * OutcomeWidth, y + 4, BoxSize, BoxSize);
                y += RowHeight;
                gfx.DrawLine(XPens.LightGray, Margin, y, Margin + width, y);
            }
            gfx.DrawString($"{p + 1}/{pages}", regular, XBrushes.Gray, Margin + width - 20, page.Height.Point - Margin / 2);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The text, cut with an ellipsis to fit the width.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width) return text;
        var length = text.Length;
        while (length > 1 && gfx.MeasureString(text[..length] + "…", font).Width > width) length--;
        return text[..length] + "…";
    }
}

/// <summary>Liberation Sans (SIL Open Font License, Fonts/LICENSE-OFL.txt), embedded in the library; bold and italic are
/// simulated from the regular face, which keeps one font file.</summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public const string Family = "Liberation Sans";
    private const string Face = "LiberationSans-Regular";
    private static readonly Lazy<byte[]> Bytes = new(() =>
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream("Coopol.LiberationSans-Regular.ttf")
            ?? throw new InvalidOperationException("The embedded font Coopol.LiberationSans-Regular.ttf is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    // Every family asked for is drawn in Liberation Sans: the walk list names no other.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(Face, bold, italic);

    public byte[]? GetFont(string faceName) => faceName == Face ? Bytes.Value : null;
}
