using System.Text.Json.Nodes;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.People;

/// <summary>profileVisibility (PeopleScope): PRIVATE only for those who manage the person's section; SECTION also for
/// those who may view its people; NETWORK also for fellow members of the section, by name only. Everyone sees
/// themselves. A hidden person answers like one that does not exist, whichever way they are asked for.</summary>
[Collection(ApiCollection.Name)]
public sealed class VisibilityTests(ApiFixture api)
{
    private const string Private = "private@test.coopol.fr";
    private const string Network = "nina.secret-7f3@test.coopol.fr";
    private const string NetworkS2 = "network2@test.coopol.fr";

    private const string PersonFields = "id firstName lastName displayName email phone tags address { city } location { latitude } profileVisibility "
        + "createdAt updatedAt consents { granted } consentHistory { totalCount } grants { totalCount } viewerSeesDetails viewerCanManage isViewer section { name }";

    private GraphQLClient GraphQL => new(api.Factory);

    private Task<TestWorld> WorldAsync() => TestWorld.CreateAsync(api, world =>
    {
        world.Add(Private, "Priscille", "Privee", world.S1).ProfileVisibility = ProfileVisibility.Private;
        world.Add(Network, "Nina", "Reseau", world.S1).ProfileVisibility = ProfileVisibility.Network;
        world.Add(NetworkS2, "Noe", "Ailleurs", world.S2).ProfileVisibility = ProfileVisibility.Network;
    });

    [Fact]
    public async Task ADelegateWhoViewsPeopleNeverSeesAPrivateProfileOfTheirSection()
    {
        var w = await WorldAsync();
        var asDelegate = TestWorld.DelegateS1;

        var listed = await EmailsAsync("{ people(first: 100) { items { email } } }", "people.items", asDelegate);
        listed.ShouldContain(TestWorld.OtherS1);
        listed.ShouldContain(Network);
        listed.ShouldNotContain(Private);

        var ofSection = await EmailsAsync("query($s: ID!) { section(id: $s) { people(first: 100) { items { email } } } }", "section.people.items", asDelegate, new { s = w.S1Id });
        ofSection.ShouldContain(TestWorld.OtherS1);
        ofSection.ShouldNotContain(Private);

        var filtered = await EmailsAsync("query($s: ID) { people(first: 100, filter: { sectionId: $s }) { items { email } } }", "people.items", asDelegate, new { s = w.S1Id });
        filtered.ShouldContain(TestWorld.OtherS1);
        filtered.ShouldNotContain(Private);

        var searched = await GraphQL.PostAsync("{ people(filter: { search: \"Priscille\" }) { totalCount items { email } } }", asEmail: asDelegate);
        searched.ShouldHaveNoErrors().At("people.totalCount")!.GetValue<int>().ShouldBe(0);
        searched.At("people.items")!.AsArray().Count.ShouldBe(0);

        var byId = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { email } node(id: $id) { id } nodes(ids: [$id]) { id } }",
            new { id = w.IdOf(Private) }, asDelegate);
        byId.ShouldHaveNoErrors();
        byId.At("person").ShouldBeNull();
        byId.At("node").ShouldBeNull();
        byId.At("nodes")!.AsArray().ShouldHaveSingleItem().ShouldBeNull();

        var (_, csv) = await Exports.ExportAsync(api, w.S1Id, asDelegate);
        csv.ShouldContain(TestWorld.OtherS1);
        csv.ShouldNotContain(Private);
        csv.ShouldNotContain("Priscille");
    }

    [Fact]
    public async Task TheSectionSecretarySeesPrivateProfilesOfTheirSectionWithEmailAndPhone()
    {
        var w = await WorldAsync();
        var listed = await EmailsAsync("{ people(first: 100) { items { email } } }", "people.items", TestWorld.SecretaryS1);
        listed.ShouldContain(Private);
        var ofSection = await EmailsAsync("query($s: ID!) { section(id: $s) { people(first: 100) { items { email } } } }", "section.people.items", TestWorld.SecretaryS1, new { s = w.S1Id });
        ofSection.ShouldContain(Private);

        var person = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { email phone viewerSeesDetails viewerCanManage } }", new { id = w.IdOf(Private) }, TestWorld.SecretaryS1);
        person.ShouldHaveNoErrors();
        person.At("person.email")!.GetValue<string>().ShouldBe(Private);
        person.At("person.phone")!.GetValue<string>().ShouldBe("+33612345678");
        person.At("person.viewerSeesDetails")!.GetValue<bool>().ShouldBeTrue();
        person.At("person.viewerCanManage")!.GetValue<bool>().ShouldBeTrue();

        var (_, csv) = await Exports.ExportAsync(api, w.S1Id, TestWorld.SecretaryS1);
        csv.ShouldContain(Private);
    }

    [Fact]
    public async Task AFellowMemberSeesNetworkProfilesOfTheirOwnSectionByNameOnly()
    {
        var w = await WorldAsync();
        var answer = await GraphQL.PostAsync($"{{ people(first: 100) {{ totalCount items {{ {PersonFields} }} }} }}", asEmail: TestWorld.MemberS1);
        answer.ShouldHaveNoErrors();
        var items = answer.At("people.items")!.AsArray();
        items.Select(i => i!["id"]!.GetValue<string>()).ShouldBe([w.IdOf(TestWorld.MemberS1), w.IdOf(Network)], ignoreOrder: true);
        answer.At("people.totalCount")!.GetValue<int>().ShouldBe(2);
        ShouldBeNameOnly(items.Single(i => i!["id"]!.GetValue<string>() == w.IdOf(Network))!);
        var self = items.Single(i => i!["id"]!.GetValue<string>() == w.IdOf(TestWorld.MemberS1))!;
        self["email"]!.GetValue<string>().ShouldBe(TestWorld.MemberS1);
        self["viewerSeesDetails"]!.GetValue<bool>().ShouldBeTrue();

        var opened = await GraphQL.PostAsync($"query($id: ID!) {{ person(id: $id) {{ {PersonFields} }} }}", new { id = w.IdOf(Network) }, TestWorld.MemberS1);
        opened.ShouldHaveNoErrors();
        ShouldBeNameOnly(opened.At("person")!);
        opened.At("person.section.name")!.GetValue<string>().ShouldBe("Alpha");

        // SECTION and PRIVATE profiles of their section, and NETWORK profiles of another section, do not exist for them.
        foreach (var hidden in new[] { TestWorld.OtherS1, Private, NetworkS2, TestWorld.SecretaryS1 })
        {
            var byId = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } node(id: $id) { id } nodes(ids: [$id]) { id } }", new { id = w.IdOf(hidden) }, TestWorld.MemberS1);
            byId.ShouldHaveNoErrors();
            byId.At("person").ShouldBeNull(hidden);
            byId.At("node").ShouldBeNull(hidden);
            byId.At("nodes.0").ShouldBeNull(hidden);
        }
        var searched = await GraphQL.PostAsync("{ people(filter: { search: \"Pierre\" }) { totalCount } }", asEmail: TestWorld.MemberS1);
        searched.ShouldHaveNoErrors().At("people.totalCount")!.GetValue<int>().ShouldBe(0);

        // Listing the section's people needs VIEW_PEOPLE there.
        var section = await GraphQL.PostAsync("query($s: ID!) { section(id: $s) { people { totalCount } } }", new { s = w.S1Id }, TestWorld.MemberS1);
        section.ErrorCodes.ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task AFellowMemberCannotFindANetworkProfileByTheEmailTheyMayNotSee()
    {
        await WorldAsync();
        // The name is shown, so searching by name finds them; the email is not, so searching by it must not.
        var byName = await GraphQL.PostAsync("{ people(filter: { search: \"Nina\" }) { items { firstName email } } }", asEmail: TestWorld.MemberS1);
        byName.ShouldHaveNoErrors().At("people.items")!.AsArray().Select(i => i!["firstName"]!.GetValue<string>()).ShouldBe(["Nina"]);
        var byEmail = await GraphQL.PostAsync("{ people(filter: { search: \"secret-7f3\" }) { items { firstName } } }", asEmail: TestWorld.MemberS1);
        byEmail.ShouldHaveNoErrors().At("people.items")!.AsArray().ShouldBeEmpty();
        // Whoever sees the email finds them by it.
        var asSecretary = await GraphQL.PostAsync("{ people(filter: { search: \"secret-7f3\" }) { items { firstName } } }", asEmail: TestWorld.SecretaryS1);
        asSecretary.ShouldHaveNoErrors().At("people.items")!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task ASupporterSeesNoFellow()
    {
        var w = await WorldAsync();
        var listed = await GraphQL.PostAsync("{ people(first: 100) { items { id } } }", asEmail: TestWorld.SupporterS1);
        listed.ShouldHaveNoErrors().At("people.items")!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([w.IdOf(TestWorld.SupporterS1)]);
        foreach (var other in new[] { Network, TestWorld.MemberS1, Private })
            (await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = w.IdOf(other) }, TestWorld.SupporterS1)).At("person").ShouldBeNull(other);
    }

    [Fact]
    public async Task EveryoneAlwaysSeesThemselvesEvenWithAPrivateProfile()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            world.Add("private-member@test.coopol.fr", "Paul", "Prive", world.S1);
            world.Add("private-supporter@test.coopol.fr", "Pia", "Privee", world.S3, PersonKind.Supporter);
            foreach (var person in world.People.Values) person.ProfileVisibility = ProfileVisibility.Private;
        });
        const string query = "query($id: ID!, $s: ID) { me { person { id email } } person(id: $id) { email isViewer viewerSeesDetails } "
            + "people(first: 100) { items { id } } mine: people(first: 100, filter: { sectionId: $s }) { items { id } } }";
        foreach (var (email, person) in w.People)
        {
            var sectionId = Coopol.Common.GlobalId.Encode("Section", person.SectionId);
            var answer = await GraphQL.PostAsync(query, new { id = w.IdOf(email), s = sectionId }, email);
            answer.ShouldHaveNoErrors();
            answer.At("me.person.email")!.GetValue<string>().ShouldBe(email);
            answer.At("person.email")!.GetValue<string>().ShouldBe(email, email);
            answer.At("person.isViewer")!.GetValue<bool>().ShouldBeTrue(email);
            answer.At("person.viewerSeesDetails")!.GetValue<bool>().ShouldBeTrue(email);
            answer.At("people.items")!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldContain(w.IdOf(email), email);
            answer.At("mine.items")!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldContain(w.IdOf(email), email);
        }
    }

    private static void ShouldBeNameOnly(JsonNode person)
    {
        person["firstName"]!.GetValue<string>().ShouldBe("Nina");
        person["lastName"]!.GetValue<string>().ShouldBe("Reseau");
        person["viewerSeesDetails"]!.GetValue<bool>().ShouldBeFalse();
        person["viewerCanManage"]!.GetValue<bool>().ShouldBeFalse();
        foreach (var field in new[] { "email", "phone", "tags", "address", "location", "profileVisibility", "createdAt", "updatedAt", "consents", "consentHistory", "grants" })
            person[field].ShouldBeNull(field);
    }

    private async Task<List<string>> EmailsAsync(string query, string path, string asEmail, object? variables = null)
    {
        var answer = await GraphQL.PostAsync(query, variables, asEmail);
        answer.ShouldHaveNoErrors();
        return answer.At(path)!.AsArray().Select(i => i!["email"]!.GetValue<string>()).ToList();
    }
}
