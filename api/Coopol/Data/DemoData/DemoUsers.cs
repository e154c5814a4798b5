using Coopol.Access;

namespace Coopol.Data.DemoData;

/// <summary>The demo accounts the local sign-in lists, one per kind of holder.</summary>
public static class DemoUsers
{
    public sealed record DemoUser(string Email, string FirstName, string LastName, string Description);

    public const string BrestCentre = "Brest Centre";

    public static readonly DemoUser National = new("national@demo.coopol.fr", "Camille", "Durand", "National team / Équipe nationale");
    public static readonly DemoUser Federation29 = new("fed29@demo.coopol.fr", "Yann", "Le Gall", "Federation secretary, Finistère (29) / Premier secrétaire fédéral");
    public static readonly DemoUser SectionSecretary = new("brest-centre@demo.coopol.fr", "Nolwenn", "Kerjean", "Section secretary, Brest Centre / Secrétaire de section");
    public static readonly DemoUser Delegate = new("delegate@demo.coopol.fr", "Malo", "Tanguy", "Delegate: VIEW_PEOPLE on Brest Centre / Délégué·e");
    public static readonly DemoUser Member = new("member@demo.coopol.fr", "Léa", "Morvan", "Member of Brest Centre, no rights / Adhérente");
    public static readonly DemoUser Supporter = new("supporter@demo.coopol.fr", "Hugo", "Bernard", "Supporter in Brest Centre / Sympathisant");

    public static readonly IReadOnlyList<DemoUser> All = [National, Federation29, SectionSecretary, Delegate, Member, Supporter];

    public static Permission DelegatePermissions => Permission.ViewPeople;
}
