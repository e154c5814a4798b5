using Coopol.Access;
using Coopol.Data.DemoData;
using Coopol.Features.People;

namespace Coopol.Features.Messaging;

/// <summary>The demo's messaging: Brest-Centre's segments (its supporters, its young members, the city centre drawn on the
/// map), its newsletter template, and a newsletter and an SMS written but not sent, for the secretary to send and watch
/// arrive in the local outbox.</summary>
public static class MessagingDemo
{
    private const string CentreSquare = """{"type":"Polygon","coordinates":[[[-4.50,48.383],[-4.475,48.383],[-4.475,48.398],[-4.50,48.398],[-4.50,48.383]]]}""";

    public static void Seed(DemoWorld demo)
    {
        var section = demo.SectionNamed(DemoUsers.BrestCentre).Section;
        var secretary = demo.Accounts[DemoUsers.SectionSecretary.Email];
        var node = TreeNode.Section(section.FederationCode, section.Id);
        Segment NewSegment(string name, SegmentDefinition definition, NetTopologySuite.Geometries.MultiPolygon? area = null) => new()
        {
            Name = name, Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId, Definition = definition, Area = area,
            CreatedById = secretary.Id, CreatedAt = demo.Now, UpdatedAt = demo.Now,
        };
        var supporters = NewSegment("Sympathisants de la section", new SegmentDefinition { Kinds = [PersonKind.Supporter] });
        var centre = NewSegment("Centre-ville (carte)", new SegmentDefinition(), Geo.GeoJsonArea.Parse(CentreSquare, "area", "area"));
        var members = NewSegment("Adhérents", new SegmentDefinition { Kinds = [PersonKind.Member] });
        demo.Db.AddRange(supporters, centre, members);
        demo.Db.Add(new SectionMailTemplate
        {
            SectionId = section.Id, SenderName = $"Section {section.Name}", UpdatedAt = demo.Now,
            Footer = $"Section {section.Name} · 12 rue de Siam, 29200 Brest · Vous recevez ce message parce que vous avez accepté les nouvelles de la section.",
        });
        Message Draft(ConsentChannel channel, Segment segment, string? subject, string body) => new()
        {
            Channel = channel, Level = node.Level, FederationCode = node.FederationCode, SectionId = node.SectionId, AuthorId = secretary.Id,
            SegmentId = segment.Id, SegmentName = segment.Name, SegmentDefinition = segment.Definition, Area = segment.Area,
            Subject = subject, Body = body, CreatedAt = demo.Now, UpdatedAt = demo.Now,
        };
        demo.Db.AddRange(
            Draft(ConsentChannel.Email, supporters, "Samedi, on frappe aux portes à Saint-Martin",
                "Bonjour {{firstName}},\n\nSamedi à **10h**, la section {{section}} fait du porte-à-porte à Saint-Martin. "
                + "Rendez-vous place Guérin : on vous accompagne, pas besoin d'expérience.\n\n- Durée : 2 heures\n- Café offert au retour\n\nÀ samedi !"),
            Draft(ConsentChannel.Sms, centre, null, "Bonjour {{firstName}}, porte-à-porte samedi 10h place Guérin. On compte sur vous ! STOP au 36180"));
    }
}
