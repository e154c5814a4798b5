using Coopol.Common;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.Roles;

/// <summary>A delegate holding MANAGE_DELEGATIONS used to revoke delegations granted by its superiors, and its own parent
/// grant. A delegation is revoked only by its grantor, by the holders of the grants above it in its chain, and by whoever
/// may appoint on the node the chain starts from (RoleService.MayRevoke); RoleGrant.viewerCanRevoke says the same.</summary>
[Collection(ApiCollection.Name)]
public sealed class RevocationRightsTests(ApiFixture api)
{
    private const string Grant = "mutation($input: GrantDelegationInput!) { grantDelegation(input: $input) { delegation { id } errors { code message } } }";
    private const string RevokeDelegation = "mutation($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { delegation { id isActive } errors { code } } }";
    private const string RevokeRole = "mutation($input: RevokeRoleInput!) { revokeRole(input: $input) { grant { id isActive } errors { code } } }";
    private const string CanRevoke = "query($id: ID!) { node(id: $id) { ... on RoleGrant { viewerCanRevoke } } }";

    private const string SectionManager = "manager@test.coopol.fr";    // delegate of S1 with MANAGE_DELEGATIONS, from the S1 secretary
    private const string SectionHelper = "helper@test.coopol.fr";      // delegate of S1, from SectionManager
    private const string FederationDelegate = "fdel@test.coopol.fr";   // delegate of federation 29 with MANAGE_DELEGATIONS, from its secretary
    private const string FederationSibling = "fsib@test.coopol.fr";    // another delegate of federation 29, from its secretary
    private const string FederationHelper = "fhelp@test.coopol.fr";    // delegate of S2, from FederationDelegate

    private GraphQLClient GraphQL => new(api.Factory);

    /// <summary>The test world plus two chains, granted through the API:
    /// S1 secretary → DelegateS1 (VIEW_PEOPLE, TestWorld's) and → SectionManager (VIEW_PEOPLE, MANAGE_DELEGATIONS) → SectionHelper (VIEW_PEOPLE);
    /// federation 29 secretary → FederationDelegate (VIEW_PEOPLE, MANAGE_DELEGATIONS) → FederationHelper (VIEW_PEOPLE on S2), and → FederationSibling (VIEW_PEOPLE).</summary>
    private async Task<Chains> ChainsAsync()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            world.Add(SectionManager, "Manon", "Manager", world.S1);
            world.Add(SectionHelper, "Hugo", "Helper", world.S1);
            world.Add(FederationDelegate, "Fanny", "Deleguee", world.S2);
            world.Add(FederationSibling, "Simon", "Sibling", world.S2);
            world.Add(FederationHelper, "Hector", "Aide", world.S2);
        });
        var federation = GlobalId.Encode("Federation", "29");
        var manager = await GrantAsync(TestWorld.SecretaryS1, w.IdOf(SectionManager), w.S1Id, "VIEW_PEOPLE", "MANAGE_DELEGATIONS");
        var helper = await GrantAsync(SectionManager, w.IdOf(SectionHelper), w.S1Id, "VIEW_PEOPLE");
        var federationDelegate = await GrantAsync(TestWorld.FederationSecretaryA, w.IdOf(FederationDelegate), federation, "VIEW_PEOPLE", "MANAGE_DELEGATIONS");
        var sibling = await GrantAsync(TestWorld.FederationSecretaryA, w.IdOf(FederationSibling), federation, "VIEW_PEOPLE");
        var federationHelper = await GrantAsync(FederationDelegate, w.IdOf(FederationHelper), w.S2Id, "VIEW_PEOPLE");
        return new Chains(w, manager, helper, federationDelegate, sibling, federationHelper);
    }

    private sealed record Chains(TestWorld W, string Manager, string Helper, string FederationDelegate, string Sibling, string FederationHelper);

    private async Task<string> GrantAsync(string grantor, string personId, string scopeId, params string[] permissions)
    {
        var answer = await GraphQL.PostAsync(Grant, new { input = new { personId, scopeId, permissions } }, grantor);
        answer.ShouldHaveNoErrors().PayloadErrorCodes("grantDelegation").ShouldBeEmpty(answer.Json.ToJsonString());
        return answer.At("grantDelegation.delegation.id")!.GetValue<string>();
    }

    private async Task<IReadOnlyList<string>> RevokeDelegationAsync(string id, string asEmail) =>
        (await GraphQL.PostAsync(RevokeDelegation, new { input = new { delegationId = id } }, asEmail)).ShouldHaveNoErrors().PayloadErrorCodes("revokeDelegation");

    private async Task<IReadOnlyList<string>> RevokeRoleAsync(string id, string asEmail) =>
        (await GraphQL.PostAsync(RevokeRole, new { input = new { grantId = id } }, asEmail)).ShouldHaveNoErrors().PayloadErrorCodes("revokeRole");

    private async Task<bool?> ViewerCanRevokeAsync(string id, string asEmail) =>
        (await GraphQL.PostAsync(CanRevoke, new { id }, asEmail)).ShouldHaveNoErrors().At("node.viewerCanRevoke")?.GetValue<bool>();

    private Task<int> ActiveGrantsAsync() => api.WithDbAsync(db => db.RoleGrants.CountAsync(g => g.RevokedAt == null));

    [Fact]
    public async Task ASectionDelegateWhoManagesDelegationsCannotRevokeASiblingDelegationNorItsOwnParentGrant()
    {
        var c = await ChainsAsync();
        var active = await ActiveGrantsAsync();

        // The sibling, granted by the S1 secretary: FORBIDDEN.
        (await RevokeDelegationAsync(c.W.GrantIdOf(TestWorld.DelegateS1), SectionManager)).ShouldBe(["FORBIDDEN"]);
        // Its own parent, the S1 secretary's role: FORBIDDEN (a delegation never appoints, nor dismisses).
        (await RevokeRoleAsync(c.W.GrantIdOf(TestWorld.SecretaryS1), SectionManager)).ShouldBe(["FORBIDDEN"]);
        (await ActiveGrantsAsync()).ShouldBe(active);

        (await ViewerCanRevokeAsync(c.W.GrantIdOf(TestWorld.DelegateS1), SectionManager)).ShouldBe(false);
        (await ViewerCanRevokeAsync(c.W.GrantIdOf(TestWorld.SecretaryS1), SectionManager)).ShouldBe(false);
        (await ViewerCanRevokeAsync(c.Manager, SectionManager)).ShouldBe(false);
        // What it granted itself, it may revoke.
        (await ViewerCanRevokeAsync(c.Helper, SectionManager)).ShouldBe(true);
        (await RevokeDelegationAsync(c.Helper, SectionManager)).ShouldBeEmpty();
        (await ActiveGrantsAsync()).ShouldBe(active - 1);
    }

    [Fact]
    public async Task AFederationDelegateWhoManagesDelegationsCannotRevokeWhatItsSuperiorsGrantedNorItsParentGrant()
    {
        var c = await ChainsAsync();
        var active = await ActiveGrantsAsync();

        // A sibling delegation from the federation secretary, a section delegation from the S1 secretary: FORBIDDEN.
        (await RevokeDelegationAsync(c.Sibling, FederationDelegate)).ShouldBe(["FORBIDDEN"]);
        (await RevokeDelegationAsync(c.W.GrantIdOf(TestWorld.DelegateS1), FederationDelegate)).ShouldBe(["FORBIDDEN"]);
        (await RevokeDelegationAsync(c.Manager, FederationDelegate)).ShouldBe(["FORBIDDEN"]);
        // Its parent (the federation secretary's role) and the secretaries of its federation's sections: FORBIDDEN.
        (await RevokeRoleAsync(c.W.GrantIdOf(TestWorld.FederationSecretaryA), FederationDelegate)).ShouldBe(["FORBIDDEN"]);
        (await RevokeRoleAsync(c.W.GrantIdOf(TestWorld.SecretaryS1), FederationDelegate)).ShouldBe(["FORBIDDEN"]);
        (await ActiveGrantsAsync()).ShouldBe(active);

        foreach (var id in new[] { c.Sibling, c.W.GrantIdOf(TestWorld.DelegateS1), c.Manager, c.W.GrantIdOf(TestWorld.FederationSecretaryA), c.W.GrantIdOf(TestWorld.SecretaryS1), c.FederationDelegate })
            (await ViewerCanRevokeAsync(id, FederationDelegate)).ShouldBe(false, id);
        (await ViewerCanRevokeAsync(c.FederationHelper, FederationDelegate)).ShouldBe(true);
    }

    [Theory]
    [InlineData(SectionManager)]                    // the grantor
    [InlineData(TestWorld.SecretaryS1)]             // the holder of the grant above the grantor's
    [InlineData(TestWorld.FederationSecretaryA)]    // appoints on S1, where the chain starts
    [InlineData(TestWorld.National)]
    public async Task TheGrantorThoseAboveItInTheChainAndWhoeverAppointsWhereItStartsRevokeADelegation(string revoker)
    {
        var c = await ChainsAsync();
        (await ViewerCanRevokeAsync(c.Helper, revoker)).ShouldBe(true);
        (await RevokeDelegationAsync(c.Helper, revoker)).ShouldBeEmpty();
        (await ViewerCanRevokeAsync(c.Helper, revoker)).ShouldBe(false, "a revoked delegation cannot be revoked again");
        var helper = c.W.People[SectionHelper].Id;
        (await api.WithDbAsync(db => db.RoleGrants.SingleAsync(g => g.PersonId == helper))).RevokedById.ShouldBe(c.W.People[revoker].Id);
    }

    [Theory]
    [InlineData(TestWorld.SecretaryS1)]             // the grantor
    [InlineData(TestWorld.FederationSecretaryA)]    // appoints on S1, where the chain starts
    [InlineData(TestWorld.National)]
    public async Task TheSectionSecretaryTheFederationSecretaryAndTheNationalTeamRevokeTheSectionsDelegation(string revoker)
    {
        var c = await ChainsAsync();
        (await ViewerCanRevokeAsync(c.W.GrantIdOf(TestWorld.DelegateS1), revoker)).ShouldBe(true);
        (await RevokeDelegationAsync(c.W.GrantIdOf(TestWorld.DelegateS1), revoker)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(TestWorld.FederationSecretaryA)]    // the grantor
    [InlineData(TestWorld.National)]                // appoints on the federation, where the chain starts
    public async Task TheFederationSecretaryAndTheNationalTeamRevokeAFederationDelegation(string revoker)
    {
        var c = await ChainsAsync();
        (await ViewerCanRevokeAsync(c.Sibling, revoker)).ShouldBe(true);
        (await RevokeDelegationAsync(c.Sibling, revoker)).ShouldBeEmpty();
        // Revoking the delegate's own grant takes what it handed on with it.
        (await RevokeDelegationAsync(c.FederationDelegate, revoker)).ShouldBeEmpty();
        var helper = c.W.People[FederationHelper].Id;
        (await api.WithDbAsync(db => db.RoleGrants.SingleAsync(g => g.PersonId == helper))).RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ViewerCanRevokeTellsEachCallerWhatRevokingWouldAnswer()
    {
        var c = await ChainsAsync();
        var grants = new Dictionary<string, string>
        {
            ["DelegateS1"] = c.W.GrantIdOf(TestWorld.DelegateS1), ["Manager"] = c.Manager, ["Helper"] = c.Helper,
            ["FederationDelegate"] = c.FederationDelegate, ["Sibling"] = c.Sibling, ["FederationHelper"] = c.FederationHelper,
            ["SecretaryS1"] = c.W.GrantIdOf(TestWorld.SecretaryS1), ["FederationSecretaryA"] = c.W.GrantIdOf(TestWorld.FederationSecretaryA),
        };
        var callers = new[] { TestWorld.National, TestWorld.FederationSecretaryA, TestWorld.SecretaryS1, TestWorld.SecretaryS2, TestWorld.DelegateS1, SectionManager, SectionHelper, FederationDelegate, TestWorld.MemberS1 };
        var said = new Dictionary<(string, string), bool?>();
        foreach (var caller in callers)
            foreach (var (name, id) in grants)
                said[(caller, name)] = await ViewerCanRevokeAsync(id, caller);

        // Then each caller tries, on a fresh copy of the world, what viewerCanRevoke allowed or denied them.
        foreach (var ((caller, name), canRevoke) in said.Where(kv => kv.Value is not null))
        {
            var fresh = await ChainsAsync();
            var id = name switch
            {
                "DelegateS1" => fresh.W.GrantIdOf(TestWorld.DelegateS1), "Manager" => fresh.Manager, "Helper" => fresh.Helper,
                "FederationDelegate" => fresh.FederationDelegate, "Sibling" => fresh.Sibling, "FederationHelper" => fresh.FederationHelper,
                "SecretaryS1" => fresh.W.GrantIdOf(TestWorld.SecretaryS1), _ => fresh.W.GrantIdOf(TestWorld.FederationSecretaryA),
            };
            var codes = name is "SecretaryS1" or "FederationSecretaryA" ? await RevokeRoleAsync(id, caller) : await RevokeDelegationAsync(id, caller);
            if (canRevoke == true) codes.ShouldBeEmpty($"{caller} was told they may revoke {name}");
            else codes.ShouldBe(["FORBIDDEN"], $"{caller} was told they may not revoke {name}");
        }

        // The expected table, for the record.
        said[(TestWorld.National, "FederationSecretaryA")].ShouldBe(true);
        said[(TestWorld.FederationSecretaryA, "SecretaryS1")].ShouldBe(true);
        said[(TestWorld.SecretaryS1, "SecretaryS1")].ShouldBe(false);
        said[(TestWorld.SecretaryS1, "Helper")].ShouldBe(true);
        said[(SectionManager, "DelegateS1")].ShouldBe(false);
        said[(SectionManager, "Helper")].ShouldBe(true);
        said[(FederationDelegate, "Sibling")].ShouldBe(false);
        said[(FederationDelegate, "FederationHelper")].ShouldBe(true);
        said[(TestWorld.SecretaryS2, "FederationHelper")].ShouldNotBe(true);
        said[(TestWorld.MemberS1, "DelegateS1")].ShouldBeNull();
    }

    [Fact]
    public async Task RevokedWithItListsTheDelegationsCarvedFromAGrantDownTheChain()
    {
        var c = await ChainsAsync();
        const string query = "query($id: ID!) { node(id: $id) { ... on RoleGrant { revokedWithIt { totalCount items { id } } } } }";
        async Task<List<string>> DependentsAsync(string id, string asEmail)
        {
            var answer = await GraphQL.PostAsync(query, new { id }, asEmail);
            return answer.ShouldHaveNoErrors().At("node.revokedWithIt.items")!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToList();
        }

        (await DependentsAsync(c.W.GrantIdOf(TestWorld.SecretaryS1), TestWorld.FederationSecretaryA))
            .ShouldBe([c.W.GrantIdOf(TestWorld.DelegateS1), c.Manager, c.Helper], ignoreOrder: true);
        (await DependentsAsync(c.Manager, TestWorld.SecretaryS1)).ShouldBe([c.Helper]);
        (await DependentsAsync(c.Helper, TestWorld.SecretaryS1)).ShouldBeEmpty();
        (await DependentsAsync(c.W.GrantIdOf(TestWorld.FederationSecretaryA), TestWorld.National))
            .ShouldBe([c.FederationDelegate, c.Sibling, c.FederationHelper], ignoreOrder: true);

        // And revoking does revoke exactly those.
        (await RevokeRoleAsync(c.W.GrantIdOf(TestWorld.SecretaryS1), TestWorld.FederationSecretaryA)).ShouldBeEmpty();
        var revoked = await api.WithDbAsync(db => db.RoleGrants.Where(g => g.RevokedAt != null).Select(g => g.Id).ToListAsync());
        revoked.Select(id => GlobalId.Encode("RoleGrant", id))
            .ShouldBe([c.W.GrantIdOf(TestWorld.SecretaryS1), c.W.GrantIdOf(TestWorld.DelegateS1), c.Manager, c.Helper], ignoreOrder: true);
        (await DependentsAsync(c.Manager, TestWorld.FederationSecretaryA)).ShouldBeEmpty();
    }
}
