namespace Coopol.Features.Messaging;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>How an SMS text travels: GSM-7 when every character is in the GSM 03.38 alphabet (those of its extension
/// table count twice), else UCS-2; a text longer than one SMS is split into segments that each lose room to the
/// concatenation header (153 GSM-7 characters or 67 UCS-2 units instead of 160 or 70).</summary>
public sealed record SmsLength(int Characters, SmsEncoding Encoding, int Units, int Segments)
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private const string Extension = "^{}\\[~]|€\f";

    public static SmsLength Of(string text)
    {
        var gsmUnits = 0;
        var gsm = true;
        foreach (var c in text)
        {
            if (Basic.Contains(c)) gsmUnits++;
            else if (Extension.Contains(c)) gsmUnits += 2;
            else { gsm = false; break; }
        }
        // UCS-2 counts UTF-16 code units: an emoji (a surrogate pair) takes two.
        var (encoding, units) = gsm ? (SmsEncoding.Gsm7, gsmUnits) : (SmsEncoding.Ucs2, text.Length);
        var (single, multi) = encoding == SmsEncoding.Gsm7 ? (160, 153) : (70, 67);
        var segments = units == 0 ? 0 : units <= single ? 1 : (units + multi - 1) / multi;
        return new SmsLength(text.EnumerateRunes().Count(), encoding, units, segments);
    }
}
