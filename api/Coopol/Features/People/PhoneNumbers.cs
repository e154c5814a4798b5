using PhoneNumbers;

namespace Coopol.Features.People;

/// <summary>Mobile numbers in E.164, parsed with libphonenumber; national numbers are read as French.</summary>
public static class MobilePhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The regions of French numbers: mainland and the overseas départements and collectivities.</summary>
    private static readonly HashSet<string> FrenchRegions = ["FR", "RE", "YT", "GP", "BL", "MF", "GF", "MQ", "PM", "WF", "NC", "PF"];

    public static bool IsFrench(string? e164)
    {
        if (e164 is null) return false;
        try
        {
            return FrenchRegions.Contains(Util.GetRegionCodeForNumber(Util.Parse(e164, "FR")) ?? "");
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static string? ToE164(string? raw, string defaultRegion = "FR")
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        try
        {
            var number = Util.Parse(raw, defaultRegion);
            if (!Util.IsValidNumber(number)) return null;
            var type = Util.GetNumberType(number);
            return type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE
                ? Util.Format(number, PhoneNumberFormat.E164)
                : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
