using Coopol.Features.Accounts;
using Coopol.Features.Actions;
using Coopol.Features.Addresses;
using Coopol.Features.Canvassing;
using Coopol.Features.Elections;
using Coopol.Features.Geography;
using Coopol.Features.Imports;
using Coopol.Features.JobRuns;
using Coopol.Features.Maps;
using Coopol.Features.Membership;
using Coopol.Features.Messaging;
using Coopol.Features.PartyTree;
using Coopol.Features.Privacy;
using Coopol.Features.People;
using Coopol.Features.Roles;

namespace Coopol;

/// <summary>The features, written once. Adding a feature is its folder and one line here.</summary>
public static class CoopolFeatures
{
    public static readonly IReadOnlyList<IFeature> All =
    [
        new PartyTreeFeature(),
        new PeopleFeature(),
        new RolesFeature(),
        new AccountsFeature(),
        new JobRunsFeature(),
        new GeographyFeature(),
        new ElectionsFeature(),
        new ImportsFeature(),
        new MapsFeature(),
        new AddressesFeature(),
        new ActionsFeature(),
        new CanvassingFeature(),
        new MessagingFeature(),
        new MembershipFeature(),
        new PrivacyFeature(),
    ];
}
