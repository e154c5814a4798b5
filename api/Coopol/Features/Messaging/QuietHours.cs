using PhoneNumbers;

namespace Coopol.Features.Messaging;

/// <summary>No SMS outside 8:00–20:00 in the recipient's time zone, unless the national team overrides it. The zone is
/// the phone's (libphonenumber: +590 is Guadeloupe's), else the federation's (overseas départements), else Paris.</summary>
public static class QuietHours
{
    public static readonly TimeOnly Opens = new(8, 0);
    public static readonly TimeOnly Closes = new(20, 0);
    public const string DefaultZone = "Europe/Paris";

    private static readonly Dictionary<string, string> OverseasZones = new()
    {
        ["971"] = "America/Guadeloupe", ["972"] = "America/Martinique", ["973"] = "America/Cayenne", ["974"] = "Indian/Reunion",
        ["975"] = "America/Miquelon", ["976"] = "Indian/Mayotte", ["977"] = "America/St_Barthelemy", ["978"] = "America/Marigot",
        ["986"] = "Pacific/Wallis", ["987"] = "Pacific/Tahiti", ["988"] = "Pacific/Noumea",
    };

    public static string ZoneOf(string? phone, string? federationCode)
    {
        if (phone is not null)
        {
            try
            {
                var number = PhoneNumberUtil.GetInstance().Parse(phone, "FR");
                var zones = PhoneNumberToTimeZonesMapper.GetInstance().GetTimeZonesForNumber(number);
                if (zones.Count == 1 && TimeZoneInfo.TryFindSystemTimeZoneById(zones[0], out _)) return zones[0];
                // A country over several zones (French Polynesia: Tahiti, the Marquesas, the Gambier) is read at the
                // federation's zone when it is one of them.
                if (federationCode is not null && OverseasZones.TryGetValue(federationCode, out var own) && zones.Contains(own)) return own;
            }
            catch (NumberParseException)
            {
            }
        }
        return federationCode is not null && OverseasZones.TryGetValue(federationCode, out var zone) ? zone : DefaultZone;
    }

    /// <summary>When an SMS to someone in this zone may go: now if within the hours, else the next 8:00 there.</summary>
    public static DateTime NextAllowed(DateTime utcNow, string zoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var z) ? z : TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone);
        var time = TimeOnly.FromDateTime(local);
        if (time >= Opens && time < Closes) return utcNow;
        var day = DateOnly.FromDateTime(local);
        if (time >= Closes) day = day.AddDays(1);
        var opening = day.ToDateTime(Opens, DateTimeKind.Unspecified);
        // A daylight-saving change never falls at 8:00 in these zones, so the local time exists.
        return TimeZoneInfo.ConvertTimeToUtc(opening, zone);
    }
}
