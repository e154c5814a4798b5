using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Roles;

/// <summary>Each kind of caller against each operation: allowed where their rights reach, denied everywhere else.</summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFixture api)
{
    public enum Caller { National, FederationSecretaryA, SecretaryS1, DelegateViewS1, MemberS1, SupporterS1, Anonymous }

    private static readonly Caller[] All = Enum.GetValues<Caller>();
    private static readonly Caller[] TopAndFederation = [Caller.National, Caller.FederationSecretaryA];
    private static readonly Caller[] ManagersOfS1 = [Caller.National, Caller.FederationSecretaryA, Caller.SecretaryS1];
    private static readonly Caller[] ViewersOfS1 = [.. ManagersOfS1, Caller.DelegateViewS1];

    /// <summary>Operation → the callers it must allow; every other caller must be denied.</summary>
    private static readonly Dictionary<string, Caller[]> Expected = new()
    {
        ["read a person of S1 by id"] = ViewersOfS1,
        ["read a person of S2 by id"] = TopAndFederation,
        ["read a person of S2 through node()"] = TopAndFederation,
        ["list people sees S2"] = TopAndFederation,
        ["list people sees S1"] = ViewersOfS1,
        ["filter people by section S2"] = TopAndFederation,
        ["search people of S2 by name"] = TopAndFederation,
        ["nested section(S2).people"] = TopAndFederation,
        ["nested federation.sections.people of S2"] = TopAndFederation,
        ["add a person to S1"] = ManagersOfS1,
        ["update a person of S1"] = ManagersOfS1,
        ["move a person from S1 to S2"] = TopAndFederation,
        ["grant a delegation on S1"] = ManagersOfS1,
        ["revoke the delegation on S1"] = ManagersOfS1,
        ["list delegations of S1"] = ViewersOfS1,
        ["create a section in federation 29"] = TopAndFederation,
        ["rename section S1"] = TopAndFederation,
        ["appoint a section secretary of S1"] = TopAndFederation,
        ["read me"] = [.. ViewersOfS1, Caller.MemberS1, Caller.SupporterS1],
    };

    public static TheoryData<string, Caller> Cases()
    {
        var data = new TheoryData<string, Caller>();
        foreach (var op in Expected.Keys) foreach (var caller in All) data.Add(op, caller);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AllowsOnlyWhereTheCallersRightsReach(string operation, Caller caller)
    {
        var world = await TestWorld.CreateAsync(api);
        var graphql = new GraphQLClient(api.Factory);
        var allowed = await RunAsync(operation, graphql, world, EmailOf(caller));
        allowed.ShouldBe(Expected[operation].Contains(caller), $"{caller} → {operation}");
    }

    private static string? EmailOf(Caller caller) => caller switch
    {
        Caller.National => TestWorld.National,
        Caller.FederationSecretaryA => TestWorld.FederationSecretaryA,
        Caller.SecretaryS1 => TestWorld.SecretaryS1,
        Caller.DelegateViewS1 => TestWorld.DelegateS1,
        Caller.MemberS1 => TestWorld.MemberS1,
        Caller.SupporterS1 => TestWorld.SupporterS1,
        _ => null,
    };

    private static async Task<bool> RunAsync(string operation, GraphQLClient graphql, TestWorld w, string? email)
    {
        async Task<GraphQLAnswer> Q(string query, object? variables = null) => await graphql.PostAsync(query, variables, email);
        async Task<bool> Mutation(string field, string query, object input)
        {
            var answer = await Q(query, new { input });
            return answer.Errors.Count == 0 && answer.PayloadErrorCodes(field).Count == 0;
        }
        const string personById = "query($id: ID!) { person(id: $id) { id email } }";
        switch (operation)
        {
            case "read a person of S1 by id":
                return (await Q(personById, new { id = w.IdOf(TestWorld.OtherS1) })).At("person") is not null;
            case "read a person of S2 by id":
                return (await Q(personById, new { id = w.IdOf(TestWorld.PersonS2) })).At("person") is not null;
            case "read a person of S2 through node()":
                return (await Q("query($id: ID!) { node(id: $id) { id ... on Person { email } } }", new { id = w.IdOf(TestWorld.PersonS2) })).At("node") is not null;
            case "list people sees S2":
            case "list people sees S1":
                var people = await Q("{ people(first: 100) { items { email section { name } } } }");
                var name = operation.EndsWith("S2") ? "Beta" : "Alpha";
                // Own record aside: seeing someone else of the section is what a right gives.
                return people.At("people.items")?.AsArray().Any(p => p!["section"]!["name"]!.GetValue<string>() == name
                    && p["email"]!.GetValue<string>() != email) == true;
            case "filter people by section S2":
                return (await Q("query($s: ID) { people(filter: { sectionId: $s }) { totalCount } }", new { s = w.S2Id })).At("people.totalCount")?.GetValue<int>() > 0;
            case "search people of S2 by name":
                return (await Q("{ people(filter: { search: \"Deux\" }) { totalCount } }")).At("people.totalCount")?.GetValue<int>() > 0;
            case "nested section(S2).people":
                var nested = await Q("query($s: ID!) { section(id: $s) { name people { totalCount items { email } } } }", new { s = w.S2Id });
                return nested.At("section.people.totalCount")?.GetValue<int>() > 0;
            case "nested federation.sections.people of S2":
                var tree = await Q("{ federation(code: \"29\") { sections { items { name people { items { email } } } } } }");
                return tree.At("federation.sections.items")?.AsArray()
                    .Any(s => s!["name"]!.GetValue<string>() == "Beta" && s["people"]?["items"]?.AsArray().Count > 0) == true;
            case "add a person to S1":
                return await Mutation("addPerson", "mutation($input: AddPersonInput!) { addPerson(input: $input) { person { id } errors { code } } }",
                    new { sectionId = w.S1Id, kind = "SUPPORTER", firstName = "Nina", lastName = "Nouvelle", email = "nina@test.coopol.fr" });
            case "update a person of S1":
                return await Mutation("updatePerson", "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id } errors { code } } }",
                    new { personId = w.IdOf(TestWorld.FederationSecretaryA), tags = new[] { "quartier nord" } });
            case "move a person from S1 to S2":
                return await Mutation("movePerson", "mutation($input: MovePersonInput!) { movePerson(input: $input) { person { id } errors { code } } }",
                    new { personId = w.IdOf(TestWorld.SupporterS1), sectionId = w.S2Id });
            case "grant a delegation on S1":
                return await Mutation("grantDelegation", "mutation($input: GrantDelegationInput!) { grantDelegation(input: $input) { delegation { id } errors { code } } }",
                    new { personId = w.IdOf(TestWorld.MemberS1), scopeId = w.S1Id, permissions = new[] { "VIEW_PEOPLE" } });
            case "revoke the delegation on S1":
                return await Mutation("revokeDelegation", "mutation($input: RevokeDelegationInput!) { revokeDelegation(input: $input) { delegation { id } errors { code } } }",
                    new { delegationId = w.GrantIdOf(TestWorld.DelegateS1) });
            case "list delegations of S1":
                return (await Q("query($s: ID) { delegations(filter: { scopeId: $s }) { totalCount } }", new { s = w.S1Id })).At("delegations.totalCount")?.GetValue<int>() > 0;
            case "create a section in federation 29":
                return await Mutation("createSection", "mutation($input: CreateSectionInput!) { createSection(input: $input) { section { id } errors { code } } }",
                    new { federationCode = "29", name = "Gamma Nord" });
            case "rename section S1":
                return await Mutation("renameSection", "mutation($input: RenameSectionInput!) { renameSection(input: $input) { section { id } errors { code } } }",
                    new { sectionId = w.S1Id, name = "Alpha Centre" });
            case "appoint a section secretary of S1":
                return await Mutation("grantRole", "mutation($input: GrantRoleInput!) { grantRole(input: $input) { grant { id } errors { code } } }",
                    new { personId = w.IdOf(TestWorld.MemberS1), role = "SECTION_SECRETARY", scopeId = w.S1Id });
            case "read me":
                return (await Q("{ me { email } }")).At("me.email") is not null;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation);
        }
    }
}
