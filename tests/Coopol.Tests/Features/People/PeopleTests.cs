using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.People;

[Collection(ApiCollection.Name)]
public sealed class PeopleTests(ApiFixture api)
{
    private const string Add = "mutation($input: AddPersonInput!) { addPerson(input: $input) { person { id email phone tags kind section { name } consents { purpose channel granted method at } address { postalCode country } location { latitude longitude } } errors { __typename code message ... on ValidationError { field } } } }";

    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task NormalizesEmailAndPhoneWhenAddingAPerson()
    {
        var w = await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync(Add, new { input = new
        {
            sectionId = w.S1Id, kind = "SUPPORTER", firstName = " Élodie ", lastName = "Le Bris", email = "  Elodie.LeBris@Example.FR ",
            phone = "06 12 34 56 78", tags = new[] { "Siam", "siam", " santé " }, consents = new[] { new { purpose = "NEWS", channel = "EMAIL", granted = true, method = "PAPER_FORM", wordingVersion = "news-email-2026-11" } },
            address = new { line1 = "3 rue de Siam", postalCode = "29200", city = "Brest" }, location = new { latitude = 48.39, longitude = -4.48 },
        } }, TestWorld.SecretaryS1);
        answer.ShouldHaveNoErrors().PayloadErrorCodes("addPerson").ShouldBeEmpty();
        answer.At("addPerson.person.email")!.GetValue<string>().ShouldBe("elodie.lebris@example.fr");
        answer.At("addPerson.person.phone")!.GetValue<string>().ShouldBe("+33612345678");
        answer.At("addPerson.person.tags")!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["Siam", "santé"]);
        var consents = answer.At("addPerson.person.consents")!.AsArray();
        consents.Count.ShouldBe(4);
        consents.Single(c => c!["purpose"]!.GetValue<string>() == "NEWS" && c["channel"]!.GetValue<string>() == "EMAIL")!["method"]!.GetValue<string>().ShouldBe("PAPER_FORM");
        consents.Count(c => c!["granted"]!.GetValue<bool>()).ShouldBe(1);
        answer.At("addPerson.person.address.country")!.GetValue<string>().ShouldBe("FR");
        answer.At("addPerson.person.location.latitude")!.GetValue<double>().ShouldBe(48.39, 1e-9);
    }

    [Fact]
    public async Task NamesEachRefusedFieldAndWritesNothing()
    {
        var w = await TestWorld.CreateAsync(api);
        var before = await api.WithDbAsync(db => db.People.CountAsync());
        var answer = await GraphQL.PostAsync(Add, new { input = new
        {
            sectionId = w.S1Id, kind = "MEMBER", firstName = "", lastName = "Durand", email = "not-an-email", phone = "01 23",
            address = new { line1 = "1 rue", postalCode = "2920", city = "Brest" },
        } }, TestWorld.SecretaryS1);
        var fields = answer.At("addPerson.errors")!.AsArray().Select(e => (e!["field"]!.GetValue<string>(), e["code"]!.GetValue<string>())).ToList();
        fields.ShouldBe([("firstName", "REQUIRED"), ("email", "INVALID_EMAIL"), ("phone", "INVALID_PHONE"), ("address.postalCode", "INVALID_POSTAL_CODE")], ignoreOrder: true);
        answer.At("addPerson.person").ShouldBeNull();
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task RefusesAnEmailAlreadyRegisteredToSomeoneTheCallerSees()
    {
        var w = await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync(Add, new { input = new { sectionId = w.S1Id, kind = "MEMBER", firstName = "A", lastName = "B", email = TestWorld.OtherS1.ToUpperInvariant() } }, TestWorld.SecretaryS1);
        answer.At("addPerson.errors.0.field")!.GetValue<string>().ShouldBe("email");
        answer.PayloadErrorCodes("addPerson").ShouldBe(["EMAIL_TAKEN"]);
    }

    [Fact]
    public async Task RefusesAnUnknownOrMalformedSection()
    {
        var w = await TestWorld.CreateAsync(api);
        var unknown = Coopol.Common.GlobalId.Encode("Section", Guid.NewGuid());
        var answer = await GraphQL.PostAsync(Add, new { input = new { sectionId = unknown, kind = "MEMBER", firstName = "A", lastName = "B", email = "ab@test.coopol.fr" } }, TestWorld.National);
        answer.PayloadErrorCodes("addPerson").ShouldBe(["SECTION_NOT_FOUND"]);
        var malformed = await GraphQL.PostAsync(Add, new { input = new { sectionId = "nope", kind = "MEMBER", firstName = "A", lastName = "B", email = "ab@test.coopol.fr" } }, TestWorld.National);
        malformed.At("addPerson.errors.0.field")!.GetValue<string>().ShouldBe("sectionId");
    }

    [Fact]
    public async Task RefusesAFilterWithASectionOfAnotherFederation()
    {
        var w = await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync("query($s: ID) { people(filter: { sectionId: $s, federationCode: \"04\" }) { totalCount } }", new { s = w.S1Id }, TestWorld.National);
        answer.ErrorCodes.ShouldBe(["SECTION_NOT_IN_FEDERATION"]);
    }

    [Fact]
    public async Task PagesThroughPeopleInNameOrderWithoutGapsOrRepeats()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            for (var i = 0; i < 23; i++) world.Add($"extra{i}@test.coopol.fr", $"Prénom{i:00}", i % 2 == 0 ? "Martin" : "Bernard", world.S1);
        });
        const string page = "query($after: String) { people(first: 10, after: $after, filter: { sectionId: \"%S1%\" }) { totalCount pageInfo { hasNextPage endCursor } edges { node { lastName firstName } } } }";
        var seen = new List<string>();
        string? after = null;
        int total;
        do
        {
            var answer = (await GraphQL.PostAsync(page.Replace("%S1%", w.S1Id), new { after }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
            total = answer.At("people.totalCount")!.GetValue<int>();
            seen.AddRange(answer.At("people.edges")!.AsArray().Select(e => $"{e!["node"]!["lastName"]} {e["node"]!["firstName"]}"));
            after = answer.At("people.pageInfo.hasNextPage")!.GetValue<bool>() ? answer.At("people.pageInfo.endCursor")!.GetValue<string>() : null;
        }
        while (after is not null);
        seen.Count.ShouldBe(total);
        seen.Distinct().Count().ShouldBe(total);
        seen.ShouldBe(seen.Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task SearchIgnoresCaseAndAccents()
    {
        var w = await TestWorld.CreateAsync(api, world => world.Add("gwen@test.coopol.fr", "Gwénaëlle", "Le Hénaff", world.S1));
        var answer = await GraphQL.PostAsync("{ people(filter: { search: \"gwenaelle le henaff\" }) { items { email } } }", asEmail: TestWorld.SecretaryS1);
        answer.ShouldHaveNoErrors().At("people.items.0.email")!.GetValue<string>().ShouldBe("gwen@test.coopol.fr");
    }

    [Fact]
    public async Task APersonMayEditTheirOwnDetailsButNotTheirMembership()
    {
        var w = await TestWorld.CreateAsync(api);
        const string update = "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { phone profileVisibility } errors { code } } }";
        var own = await GraphQL.PostAsync(update, new { input = new { personId = w.IdOf(TestWorld.MemberS1), phone = "+33 7 81 23 45 67", profileVisibility = "PRIVATE" } }, TestWorld.MemberS1);
        own.At("updatePerson.person.phone")!.GetValue<string>().ShouldBe("+33781234567");
        var kind = await GraphQL.PostAsync(update, new { input = new { personId = w.IdOf(TestWorld.MemberS1), kind = "SUPPORTER" } }, TestWorld.MemberS1);
        kind.PayloadErrorCodes("updatePerson").ShouldBe(["FORBIDDEN"]);
    }

    [Fact]
    public async Task ListsLoadNestedFieldsInBatchesNotPerRow()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            for (var i = 0; i < 40; i++) world.Add($"batch{i}@test.coopol.fr", "B", $"Batch{i:00}", i % 2 == 0 ? world.S1 : world.S2);
        });
        api.Factory.Sql.Reset();
        var answer = await GraphQL.PostAsync("{ people(first: 50) { items { email section { name federation { name } } grants { items { role section { name } } } } } }", asEmail: TestWorld.National);
        answer.ShouldHaveNoErrors().At("people.items")!.AsArray().Count.ShouldBe(50);
        // caller (2) + page + sections + federations + grants + grant sections + scope — not 49 × anything.
        api.Factory.Sql.Count.ShouldBeLessThanOrEqualTo(9);
    }

    [Fact]
    public async Task RefusesACursorItNeverGave()
    {
        await TestWorld.CreateAsync(api);
        // The foundation's offset cursors, a forged deep offset, another order's cursor, garbage, an oversized one.
        var offset = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("o:99999998"));
        var page = await GraphQL.PostAsync("{ people(first: 1, sort: CREATED_AT_DESC) { pageInfo { endCursor } } }", asEmail: TestWorld.National);
        var otherOrder = page.At("people.pageInfo.endCursor")!.GetValue<string>();
        foreach (var cursor in new[] { offset, otherOrder, "%%%", "WyJuYW1lIiwxXQ", new string('A', 5000) })
        {
            var answer = await GraphQL.PostAsync("query($after: String) { people(after: $after) { totalCount } }", new { after = cursor }, TestWorld.National);
            answer.ErrorCodes.ShouldBe(["VALIDATION_FAILED"], cursor);
            answer.Errors[0]!["message"]!.GetValue<string>().ShouldContain("after");
        }
    }
}
