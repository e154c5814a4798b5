using Coopol.Access;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.People;

/// <summary>What the attacker review of the privacy core found, each as the request that showed it.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewedPrivacyTests(ApiFixture api)
{
    private const string Add = "mutation($input: AddPersonInput!) { addPerson(input: $input) { person { id } errors { code ... on ValidationError { field } } } }";
    private const string Update = "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id email } errors { code ... on ValidationError { field } } } }";
    private const string Record = "mutation($input: RecordConsentInput!) { recordConsent(input: $input) { person { id } errors { code } } }";
    private const string Invitations = "{ me { invitations { items { id } } } }";
    private const string Answer = "mutation($input: AnswerSectionInvitationInput!) { answerSectionInvitation(input: $input) { invitation { accepted } errors { code } } }";
    private const string Consents = "query($id: ID!) { person(id: $id) { consents { purpose channel granted withdrawn method } } }";
    private GraphQLClient GraphQL => new(api.Factory);

    [Fact]
    public async Task AConsentThePersonWithdrewStaysWithdrawnWhenASectionsRecordOfThemIsMergedIn()
    {
        var w = await TestWorld.CreateAsync(api);
        // PersonS3 withdraws email news.
        (await GraphQL.PostAsync(Record, new { input = new { personId = w.IdOf(TestWorld.PersonS3), purpose = "NEWS", channel = "EMAIL", granted = false, method = "WEB_FORM" } }, TestWorld.PersonS3))
            .PayloadErrorCodes("recordConsent").ShouldBeEmpty();
        // S1's secretary records them under the same email, with that consent given on paper.
        var added = await GraphQL.PostAsync(Add, new { input = new
        {
            sectionId = w.S1Id, kind = "SUPPORTER", firstName = "Pauline", lastName = "Trois", email = TestWorld.PersonS3,
            consents = new[] { new { purpose = "NEWS", channel = "EMAIL", granted = true, method = "PAPER_FORM", wordingVersion = "news-email-2026-11" } },
        } }, TestWorld.SecretaryS1);
        added.PayloadErrorCodes("addPerson").ShouldBeEmpty();
        var invitation = (await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3)).At("me.invitations.items.0.id")!.GetValue<string>();
        (await GraphQL.PostAsync(Answer, new { input = new { invitationId = invitation, accept = true } }, TestWorld.PersonS3))
            .PayloadErrorCodes("answerSectionInvitation").ShouldBeEmpty();

        var news = (await GraphQL.PostAsync(Consents, new { id = w.IdOf(TestWorld.PersonS3) }, TestWorld.PersonS3)).At("person.consents")!.AsArray()
            .Single(c => c!["purpose"]!.GetValue<string>() == "NEWS" && c["channel"]!.GetValue<string>() == "EMAIL")!;
        news["granted"]!.GetValue<bool>().ShouldBeFalse();
        news["withdrawn"]!.GetValue<bool>().ShouldBeTrue();
        news["method"]!.GetValue<string>().ShouldBe("RECORDS_MERGED");
    }

    [Fact]
    public async Task AManagerCannotReaddressSomeoneWhoSignsInSoTheirRecordCannotBeMergedAway()
    {
        var w = await TestWorld.CreateAsync(api);
        // The supporter has signed in: their account is bound to their record.
        (await GraphQL.PostAsync("{ me { person { id } } }", asEmail: TestWorld.SupporterS1)).At("me.person.id").ShouldNotBeNull();
        var toElsewhere = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.SupporterS1), email = TestWorld.PersonS3 } }, TestWorld.SecretaryS1);
        var toFresh = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.SupporterS1), email = "fresh@test.coopol.fr" } }, TestWorld.SecretaryS1);
        // The same answer whether the address is known elsewhere or not.
        toElsewhere.PayloadErrorCodes("updatePerson").ShouldBe(["EMAIL_BOUND_TO_ACCOUNT"]);
        toFresh.Json.ToJsonString().ShouldBe(toElsewhere.Json.ToJsonString());
        (await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3)).At("me.invitations.items")!.AsArray().ShouldBeEmpty();
        (await GraphQL.PostAsync("{ me { person { id } } }", asEmail: TestWorld.SupporterS1)).At("me.person.id")!.GetValue<string>().ShouldBe(w.IdOf(TestWorld.SupporterS1));
    }

    [Fact]
    public async Task AFellowMembersEmailCountsAsElsewhereForSomeoneWhoSeesOnlyTheirName()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            world.Add("aline@test.coopol.fr", "Aline", "Cousin", world.S1).ProfileVisibility = ProfileVisibility.Network;
            // The member also manages S2 (so may add people there), but sees Aline by name only.
            world.Grants["member-manages-s2"] = new RoleGrant
            {
                PersonId = world.People[TestWorld.MemberS1].Id, Role = Role.Delegate, Level = TreeLevel.Section, FederationCode = "29",
                SectionId = world.S2.Id, Permissions = Permission.ManagePeople, ParentGrantId = world.Grants[TestWorld.SecretaryS2].Id,
                GrantedById = world.People[TestWorld.SecretaryS2].Id, GrantedAt = DateTime.UtcNow,
            };
        });
        var fellow = await GraphQL.PostAsync(Add, new { input = new { sectionId = w.S2Id, kind = "SUPPORTER", firstName = "T", lastName = "T", email = "aline@test.coopol.fr" } }, TestWorld.MemberS1);
        var fresh = await GraphQL.PostAsync(Add, new { input = new { sectionId = w.S2Id, kind = "SUPPORTER", firstName = "T", lastName = "T", email = "nobody@test.coopol.fr" } }, TestWorld.MemberS1);
        fellow.PayloadErrorCodes("addPerson").ShouldBeEmpty();
        fresh.PayloadErrorCodes("addPerson").ShouldBeEmpty();
    }

    [Fact]
    public async Task FellowsSeenByNameOnlyAreNeitherFilteredByTagNorOrderedByDate()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            var aline = world.Add("aline@test.coopol.fr", "Aline", "Cousin", world.S1);
            aline.ProfileVisibility = ProfileVisibility.Network;
            aline.Tags = ["médecin"];
        });
        var byTag = await GraphQL.PostAsync("{ people(filter: { tag: \"médecin\" }) { items { displayName } } }", asEmail: TestWorld.MemberS1);
        byTag.ShouldHaveNoErrors().At("people.items")!.AsArray().ShouldBeEmpty();
        var byName = await GraphQL.PostAsync("{ people { items { displayName } } }", asEmail: TestWorld.MemberS1);
        byName.At("people.items")!.AsArray().Select(p => p!["displayName"]!.GetValue<string>()).ShouldContain("Aline Cousin");
        var newest = await GraphQL.PostAsync("{ people(sort: CREATED_AT_DESC) { items { displayName } } }", asEmail: TestWorld.MemberS1);
        newest.At("people.items")!.AsArray().Select(p => p!["displayName"]!.GetValue<string>()).ShouldBe(["Marie Membre"]);
        // Ids of people carry no date.
        Guid.NewGuid().Version.ShouldBe(4);
        new Person { FirstName = "A", LastName = "B", Email = "a@b.fr", SectionId = w.S1.Id }.Id.Version.ShouldBe(4);
    }

    [Fact]
    public async Task TheAccessLogAndTheConsentHistoryPageBeyondTheirFirstPage()
    {
        var w = await TestWorld.CreateAsync(api);
        foreach (var viewer in new[] { TestWorld.SecretaryS1, TestWorld.FederationSecretaryA, TestWorld.National })
            await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = w.IdOf(TestWorld.MemberS1) }, viewer);
        foreach (var granted in new[] { true, false, true })
            await GraphQL.PostAsync(Record, new { input = new
            {
                personId = w.IdOf(TestWorld.MemberS1), purpose = "NEWS", channel = "EMAIL", granted, method = "WEB_FORM",
                wordingVersion = granted ? "news-email-2026-11" : null,
            } }, TestWorld.MemberS1);

        foreach (var field in new[] { "accessLog", "consentHistory" })
        {
            var seen = 0;
            string? after = null;
            do
            {
                var page = await GraphQL.PostAsync($"query($id: ID!, $after: String) {{ person(id: $id) {{ {field}(first: 1, after: $after) {{ pageInfo {{ hasNextPage endCursor }} items {{ at }} }} }} }}",
                    new { id = w.IdOf(TestWorld.MemberS1), after }, TestWorld.MemberS1);
                page.ShouldHaveNoErrors();
                seen += page.At($"person.{field}.items")!.AsArray().Count;
                after = page.At($"person.{field}.pageInfo.hasNextPage")!.GetValue<bool>() ? page.At($"person.{field}.pageInfo.endCursor")!.GetValue<string>() : null;
            }
            while (after is not null);
            seen.ShouldBe(3, field);
        }
    }

    [Fact]
    public async Task AManagersGrantWaitsForAWithdrawalBeingRecordedAndIsThenRefused()
    {
        var w = await TestWorld.CreateAsync(api);
        var member = w.People[TestWorld.MemberS1].Id;
        // The person's withdrawal is being written: it holds their ledger.
        await using var other = new Npgsql.NpgsqlConnection(CoopolFactory.ConnectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        var key = BitConverter.ToInt64(member.ToByteArray(), 0) ^ BitConverter.ToInt64(member.ToByteArray(), 8);
        await using (var lockLedger = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_xact_lock({key})", other, transaction))
            await lockLedger.ExecuteNonQueryAsync();
        await using (var withdraw = new Npgsql.NpgsqlCommand("""
            INSERT INTO "ConsentRecords" ("PersonId", "Purpose", "Channel", "Granted", "Method", "At", "RecordedById")
            VALUES (@p, 'News', 'Email', false, 'WebForm', now(), @p)
            """, other, transaction))
        {
            withdraw.Parameters.AddWithValue("p", member);
            await withdraw.ExecuteNonQueryAsync();
        }

        var granting = GraphQL.PostAsync(Record, new { input = new
        {
            personId = w.IdOf(TestWorld.MemberS1), purpose = "NEWS", channel = "EMAIL", granted = true, method = "ORAL", wordingVersion = "news-email-2026-11",
        } }, TestWorld.SecretaryS1);
        await Task.Delay(1000);
        granting.IsCompleted.ShouldBeFalse("the manager's grant waits for the ledger");
        await transaction.CommitAsync();
        (await granting).PayloadErrorCodes("recordConsent").ShouldBe(["CONSENT_WITHDRAWN_BY_PERSON"]);
        (await api.WithDbAsync(db => db.Set<ConsentRecord>().CountAsync(c => c.PersonId == member))).ShouldBe(1);
    }
}
