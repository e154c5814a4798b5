using PhoneNumbers;

namespace Coopol.Features.People;

/// <summary>Mobile numbers in E.164, parsed with libphonenumber; national numbers are read as French.</summary>
public static class MobilePhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

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
