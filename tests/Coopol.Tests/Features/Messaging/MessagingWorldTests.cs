using Coopol.Features.Messaging;
using Coopol.Features.People;

namespace Coopol.Tests.Features.Messaging;

/// <summary>The SMS tests must not depend on the hour they run at: their numbers come from zones one of which is always
/// awake, and each is a valid mobile of its zone.</summary>
public sealed class MessagingWorldTests
{
    [Fact]
    public void EveryTestZoneGivesValidMobilesOfThatZoneAndOneZoneIsAwakeAtEveryHour()
    {
        foreach (var (zone, number) in MessagingWorld.TestZones)
            foreach (var n in Enumerable.Range(1, 150).Select(number))
            {
                MobilePhone.ToE164(n).ShouldBe(n, zone);
                QuietHours.ZoneOf(n, "29").ShouldBe(zone, n);
            }
        var day = new DateTime(2026, 11, 30, 0, 0, 0, DateTimeKind.Utc);
        foreach (var at in Enumerable.Range(0, 24 * 4).Select(q => day.AddMinutes(15 * q)).Concat(Enumerable.Range(0, 24 * 4).Select(q => day.AddMonths(6).AddMinutes(15 * q))))
            MessagingWorld.TestZones.Any(z => QuietHours.NextAllowed(at, z.Zone) == at && QuietHours.NextAllowed(at.AddHours(1), z.Zone) == at.AddHours(1))
                .ShouldBeTrue($"no zone awake at {at:u}");
    }
}
