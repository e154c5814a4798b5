using Coopol.Data.DemoData;
using Coopol.Features.Elections;
using NetTopologySuite.Geometries;

namespace Coopol.Features.Actions;

/// <summary>The demo's actions: a week of field work around Brest and a few elsewhere, with participants, one full action
/// with a waiting list, a section-only meeting and a draft.</summary>
public static class ActionsDemo
{
    private sealed record Plan(string Section, ActionKind Kind, string Title, ActionVisibility Visibility, int InDays, int Hour, int Minute,
        double Hours, string Address, double Lat, double Lon, string? Commune, int Target, int? Capacity, int Joined, string[] Turf,
        ActionStatus Status = ActionStatus.Published);

    private static readonly Plan[] Plans =
    [
        new(DemoUsers.BrestCentre, ActionKind.DoorToDoor, "Porte-à-porte à Saint-Martin", ActionVisibility.Public, 2, 10, 0, 2,
            "Place Guérin, 29200 Brest", 48.3975, -4.4858, "29019", 8, 12, 6, ["29019_10", "29019_11", "29019_12", "29019_13"]),
        new(DemoUsers.BrestCentre, ActionKind.Leafleting, "Tractage au marché de Saint-Louis", ActionVisibility.Public, 4, 9, 30, 2,
            "Place Saint-Louis, 29200 Brest", 48.3911, -4.4872, "29019", 4, 6, 8, []),
        new(DemoUsers.BrestCentre, ActionKind.PhoneBank, "Phoning : appel aux sympathisants", ActionVisibility.MembersAndSupporters, 3, 18, 0, 2,
            "Local de la section, 12 rue de Siam, 29200 Brest", 48.3884, -4.4898, "29019", 6, 10, 3, []),
        new(DemoUsers.BrestCentre, ActionKind.Meeting, "Réunion de section : préparer la campagne", ActionVisibility.Section, 6, 18, 30, 2,
            "Local de la section, 12 rue de Siam, 29200 Brest", 48.3884, -4.4898, "29019", 20, null, 4, []),
        new(DemoUsers.BrestCentre, ActionKind.DoorToDoor, "Porte-à-porte à Recouvrance", ActionVisibility.Public, 9, 10, 0, 2,
            "Place Anatole France, 29200 Brest", 48.3845, -4.5003, "29019", 8, 12, 0, ["29019_20", "29019_21"], ActionStatus.Draft),
        new("Brest Bellevue", ActionKind.MarketStall, "Stand au marché de Bellevue", ActionVisibility.Public, 5, 9, 0, 3,
            "Place Napoléon III, 29200 Brest", 48.4010, -4.5040, "29019", 5, 8, 2, []),
        new("Brest Saint-Marc", ActionKind.DoorToDoor, "Porte-à-porte au Forestou", ActionVisibility.Public, 7, 14, 0, 2,
            "Rue du Forestou, 29200 Brest", 48.3990, -4.4410, "29019", 6, 10, 1, []),
        new("Quimper", ActionKind.Leafleting, "Tractage à Locmaria", ActionVisibility.Public, 3, 10, 0, 2,
            "Place de Locmaria, 29000 Quimper", 47.9920, -4.1080, "29232", 4, 8, 2, []),
        new("Digne-les-Bains", ActionKind.DoorToDoor, "Porte-à-porte centre ancien", ActionVisibility.Public, 4, 10, 0, 2,
            "Place du Général de Gaulle, 04000 Digne-les-Bains", 44.0925, 6.2356, "04070", 5, 10, 2, []),
        new("Paris 11e", ActionKind.Meeting, "Réunion publique à Belleville", ActionVisibility.Public, 8, 19, 0, 2,
            "Rue de Belleville, 75011 Paris", 48.8720, 2.3790, null, 40, 80, 5, []),
    ];

    public static void Seed(DemoWorld demo)
    {
        var secretary = demo.Accounts[DemoUsers.SectionSecretary.Email];
        foreach (var plan in Plans)
        {
            var section = demo.SectionNamed(plan.Section).Section;
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(demo.Now, ElectoralSilence.France)).AddDays(plan.InDays);
            var starts = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(plan.Hour, plan.Minute)), ElectoralSilence.France);
            var point = new Point(plan.Lon, plan.Lat) { SRID = 4326 };
            var action = new FieldAction
            {
                SectionId = section.Id, FederationCode = section.FederationCode, Kind = plan.Kind, Title = plan.Title,
                Description = "Rendez-vous au point de rencontre ; on se répartit les rues sur place. / Meet at the meeting point; we share the streets there.",
                StartsAt = starts, EndsAt = starts.AddHours(plan.Hours), MeetingAddress = plan.Address, MeetingPoint = point,
                SearchPoint = plan.Visibility == ActionVisibility.Public ? point : FieldAction.Approximate(point), CommuneCode = plan.Commune,
                AttendanceTarget = plan.Target, Capacity = plan.Capacity, Status = plan.Status, Visibility = plan.Visibility,
                TurfStationIds = [.. plan.Turf], OrganizerIds = section.Name == DemoUsers.BrestCentre ? [secretary.Id] : [],
                CreatedById = section.Name == DemoUsers.BrestCentre ? secretary.Id : demo.People.First(p => p.SectionId == section.Id).Id,
                CreatedAt = demo.Now, UpdatedAt = demo.Now, PublishedAt = plan.Status == ActionStatus.Published ? demo.Now : null,
            };
            demo.Db.Add(action);
            // The section's own people join, in order; beyond the capacity they wait.
            var joiners = demo.People.Where(p => p.SectionId == section.Id && !demo.Accounts.Values.Contains(p)).Take(plan.Joined).ToList();
            if (section.Name == DemoUsers.BrestCentre && plan.Joined > 0 && plan.Kind == ActionKind.DoorToDoor)
                joiners.Insert(0, demo.Accounts[DemoUsers.Member.Email]);
            for (var i = 0; i < joiners.Count; i++)
                demo.Db.Add(new ActionParticipant
                {
                    ActionId = action.Id, PersonId = joiners[i].Id, JoinedAt = demo.Now.AddMinutes(i), UpdatedAt = demo.Now,
                    Status = plan.Capacity is { } c && i >= c ? ParticipationStatus.Waiting : ParticipationStatus.Confirmed,
                });
        }
    }
}
