using System.Text.Json.Nodes;
using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.People;

/// <summary>addPerson and updatePerson used to answer EMAIL_TAKEN for an email registered anywhere in the party, which
/// told a section manager who else is on file. Now only an email used by someone the caller can see is refused; one
/// known only outside the caller's reach is recorded exactly like a fresh one (the section keeps its own record) and
/// the person who owns it is asked whether to join the section.</summary>
[Collection(ApiCollection.Name)]
public sealed class EmailOracleTests(ApiFixture api)
{
    private const string PersonFields = "id email firstName lastName kind phone tags profileVisibility viewerSeesDetails viewerCanManage isViewer "
        + "section { name } consents { purpose channel granted method at } consentHistory { totalCount items { granted method at } } "
        + "grants { totalCount } accessLog { totalCount } createdAt updatedAt";
    private const string Add = "mutation($input: AddPersonInput!) { addPerson(input: $input) { person { " + PersonFields + " } errors { __typename code message ... on ValidationError { field } } } }";
    private const string Update = "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { " + PersonFields + " } errors { __typename code message ... on ValidationError { field } } } }";
    private const string Invitations = "{ me { invitations { totalCount items { id section { name } } } } }";
    private const string Answer = "mutation($input: AnswerSectionInvitationInput!) { answerSectionInvitation(input: $input) { invitation { accepted answeredAt section { name } } errors { code } } }";
    private const string Fresh = "fresh.address@test.coopol.fr";

    private GraphQLClient GraphQL => new(api.Factory);

    private static object NewPerson(TestWorld w, string email, bool withConsent = false) => new
    {
        input = new
        {
            sectionId = w.S1Id, kind = "MEMBER", firstName = "Jean", lastName = "Dupont", email, phone = "06 98 76 54 32", tags = new[] { "marché" },
            consents = withConsent
                ? new[] { new { purpose = "NEWS", channel = "EMAIL", granted = true, method = "PAPER_FORM", wordingVersion = "news-email-2026-11" } }
                : null,
        },
    };

    [Fact]
    public async Task AnEmailUsedBySomeoneTheCallerSeesIsTaken()
    {
        var w = await TestWorld.CreateAsync(api);
        var add = await GraphQL.PostAsync(Add, NewPerson(w, TestWorld.MemberS1), TestWorld.SecretaryS1);
        add.PayloadErrorCodes("addPerson").ShouldBe(["EMAIL_TAKEN"]);
        add.At("addPerson.errors.0.field")!.GetValue<string>().ShouldBe("email");

        var update = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf(TestWorld.OtherS1), email = TestWorld.MemberS1.ToUpperInvariant() } }, TestWorld.SecretaryS1);
        update.PayloadErrorCodes("updatePerson").ShouldBe(["EMAIL_TAKEN"]);

        // The federation secretary sees S2, so for them PersonS2's email is taken.
        var federation = await GraphQL.PostAsync(Add, NewPerson(w, TestWorld.PersonS2), TestWorld.FederationSecretaryA);
        federation.PayloadErrorCodes("addPerson").ShouldBe(["EMAIL_TAKEN"]);
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(w.People.Count);
    }

    [Fact]
    public async Task AnEmailKnownOnlyOutsideTheCallersReachIsAddedExactlyLikeAFreshOne()
    {
        var w = await TestWorld.CreateAsync(api);
        var fresh = await GraphQL.PostAsync(Add, NewPerson(w, Fresh, withConsent: true), TestWorld.SecretaryS1);
        var known = await GraphQL.PostAsync(Add, NewPerson(w, TestWorld.PersonS3, withConsent: true), TestWorld.SecretaryS1);
        fresh.ShouldHaveNoErrors().PayloadErrorCodes("addPerson").ShouldBeEmpty();
        known.ShouldHaveNoErrors().PayloadErrorCodes("addPerson").ShouldBeEmpty();
        // A manager of S1 cannot tell whether PersonS3's email exists: both answers are the same but for ids, times and the email itself.
        Comparable(known, TestWorld.PersonS3).ShouldBe(Comparable(fresh, Fresh));

        // The section has its own record, linked to the person who owns the email, who is asked whether to join.
        var records = await api.WithDbAsync(db => db.People.AsNoTracking().Where(p => p.Email == TestWorld.PersonS3).ToListAsync());
        records.Count.ShouldBe(2);
        var sectionRecord = records.Single(p => p.Id != w.People[TestWorld.PersonS3].Id);
        sectionRecord.SectionId.ShouldBe(w.S1.Id);
        sectionRecord.LinkedToId.ShouldBe(w.People[TestWorld.PersonS3].Id);
        var invitations = await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3);
        invitations.ShouldHaveNoErrors().At("me.invitations.totalCount")!.GetValue<int>().ShouldBe(1);
        invitations.At("me.invitations.items.0.section.name")!.GetValue<string>().ShouldBe("Alpha");
        // Nobody else is asked anything; the fresh email made a plain record.
        (await api.WithDbAsync(db => db.Set<SectionInvitation>().CountAsync())).ShouldBe(1);
        (await api.WithDbAsync(db => db.People.SingleAsync(p => p.Email == Fresh))).LinkedToId.ShouldBeNull();
    }

    [Fact]
    public async Task ChangingAnEmailToOneKnownOnlyOutsideReachAnswersLikeAFreshOneAndInvitesItsOwner()
    {
        var w = await TestWorld.CreateAsync(api, world =>
        {
            world.Add("jean.a@test.coopol.fr", "Jean", "Dupont", world.S1);
            world.Add("jean.b@test.coopol.fr", "Jean", "Dupont", world.S1);
        });
        var fresh = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf("jean.a@test.coopol.fr"), email = Fresh } }, TestWorld.SecretaryS1);
        var known = await GraphQL.PostAsync(Update, new { input = new { personId = w.IdOf("jean.b@test.coopol.fr"), email = TestWorld.PersonS3 } }, TestWorld.SecretaryS1);
        fresh.ShouldHaveNoErrors().PayloadErrorCodes("updatePerson").ShouldBeEmpty();
        known.ShouldHaveNoErrors().PayloadErrorCodes("updatePerson").ShouldBeEmpty();
        Comparable(known, TestWorld.PersonS3).ShouldBe(Comparable(fresh, Fresh));

        var record = await api.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == w.People["jean.b@test.coopol.fr"].Id));
        record.LinkedToId.ShouldBe(w.People[TestWorld.PersonS3].Id);
        var invitations = await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3);
        invitations.ShouldHaveNoErrors().At("me.invitations.items")!.AsArray().Select(i => i!["section"]!["name"]!.GetValue<string>()).ShouldBe(["Alpha"]);
    }

    [Fact]
    public async Task AcceptingAnInvitationMovesThePersonIntoTheSectionAndMergesItsRecordIntoTheirs()
    {
        var w = await TestWorld.CreateAsync(api);
        var added = await GraphQL.PostAsync(Add, NewPerson(w, TestWorld.PersonS3, withConsent: true), TestWorld.SecretaryS1);
        var recordId = added.ShouldHaveNoErrors().At("addPerson.person.id")!.GetValue<string>();
        var invitationId = (await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3)).At("me.invitations.items.0.id")!.GetValue<string>();

        // Only the person asked answers.
        var stranger = await GraphQL.PostAsync(Answer, new { input = new { invitationId, accept = true } }, TestWorld.SecretaryS1);
        stranger.PayloadErrorCodes("answerSectionInvitation").ShouldBe(["INVITATION_NOT_FOUND"]);

        var accepted = await GraphQL.PostAsync(Answer, new { input = new { invitationId, accept = true } }, TestWorld.PersonS3);
        accepted.ShouldHaveNoErrors().PayloadErrorCodes("answerSectionInvitation").ShouldBeEmpty();
        accepted.At("answerSectionInvitation.invitation.accepted")!.GetValue<bool>().ShouldBeTrue();

        // The secretary's record is gone: the person is the one record, in the section, with what was recorded there.
        var gone = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } node(id: $id) { id } }", new { id = recordId }, TestWorld.SecretaryS1);
        gone.ShouldHaveNoErrors();
        gone.At("person").ShouldBeNull();
        gone.At("node").ShouldBeNull();
        var listed = await GraphQL.PostAsync("query($s: ID!) { section(id: $s) { people(first: 100) { items { id email } } } }", new { s = w.S1Id }, TestWorld.SecretaryS1);
        var withEmail = listed.ShouldHaveNoErrors().At("section.people.items")!.AsArray().Where(i => i!["email"]!.GetValue<string>() == TestWorld.PersonS3).ToList();
        withEmail.ShouldHaveSingleItem()!["id"]!.GetValue<string>().ShouldBe(w.IdOf(TestWorld.PersonS3));

        var merged = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { section { name } tags consents { purpose channel granted method } consentHistory { totalCount } } }",
            new { id = w.IdOf(TestWorld.PersonS3) }, TestWorld.SecretaryS1);
        merged.ShouldHaveNoErrors().At("person.section.name")!.GetValue<string>().ShouldBe("Alpha");
        var news = merged.At("person.consents")!.AsArray().Single(c => c!["purpose"]!.GetValue<string>() == "NEWS" && c["channel"]!.GetValue<string>() == "EMAIL")!;
        news["granted"]!.GetValue<bool>().ShouldBeTrue();
        news["method"]!.GetValue<string>().ShouldBe("PAPER_FORM");
        merged.At("person.consentHistory.totalCount")!.GetValue<int>().ShouldBe(1);
        merged.At("person.tags")!.AsArray().Select(t => t!.GetValue<string>()).ShouldContain("marché");

        (await api.WithDbAsync(db => db.People.CountAsync(p => p.Email == TestWorld.PersonS3))).ShouldBe(1);
        (await api.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == w.People[TestWorld.PersonS3].Id))).SectionId.ShouldBe(w.S1.Id);
        (await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3)).At("me.invitations.totalCount")!.GetValue<int>().ShouldBe(0);
        var again = await GraphQL.PostAsync(Answer, new { input = new { invitationId, accept = true } }, TestWorld.PersonS3);
        again.PayloadErrorCodes("answerSectionInvitation").ShouldBe(["INVITATION_ALREADY_ANSWERED"]);
    }

    [Fact]
    public async Task DecliningAnInvitationLeavesTheSectionItsRecordAndThePersonWhereTheyAre()
    {
        var w = await TestWorld.CreateAsync(api);
        var added = await GraphQL.PostAsync(Add, NewPerson(w, TestWorld.PersonS3), TestWorld.SecretaryS1);
        var recordId = added.ShouldHaveNoErrors().At("addPerson.person.id")!.GetValue<string>();
        var invitationId = (await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3)).At("me.invitations.items.0.id")!.GetValue<string>();

        var declined = await GraphQL.PostAsync(Answer, new { input = new { invitationId, accept = false } }, TestWorld.PersonS3);
        declined.ShouldHaveNoErrors().PayloadErrorCodes("answerSectionInvitation").ShouldBeEmpty();
        declined.At("answerSectionInvitation.invitation.accepted")!.GetValue<bool>().ShouldBeFalse();

        var record = await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { email section { name } } }", new { id = recordId }, TestWorld.SecretaryS1);
        record.ShouldHaveNoErrors().At("person.email")!.GetValue<string>().ShouldBe(TestWorld.PersonS3);
        record.At("person.section.name")!.GetValue<string>().ShouldBe("Alpha");
        (await api.WithDbAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == w.People[TestWorld.PersonS3].Id))).SectionId.ShouldBe(w.S3.Id);
        (await GraphQL.PostAsync(Invitations, asEmail: TestWorld.PersonS3)).At("me.invitations.totalCount")!.GetValue<int>().ShouldBe(0);
        var all = await GraphQL.PostAsync("{ me { invitations(pendingOnly: false) { items { accepted } } } }", asEmail: TestWorld.PersonS3);
        all.ShouldHaveNoErrors().At("me.invitations.items.0.accepted")!.GetValue<bool>().ShouldBeFalse();
    }

    /// <summary>The answer's JSON without what necessarily differs between two new records: ids, times and the email.</summary>
    private static string Comparable(GraphQLAnswer answer, string email)
    {
        var json = JsonNode.Parse(answer.Json.ToJsonString())!;
        Strip(json, email);
        return json.ToJsonString();
    }

    private static void Strip(JsonNode? node, string email)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in new[] { "id", "at", "createdAt", "updatedAt" }) o.Remove(key);
                foreach (var (key, value) in o.ToList())
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && s == email) o[key] = "<email>";
                    else Strip(value, email);
                break;
            case JsonArray a:
                foreach (var item in a) Strip(item, email);
                break;
        }
    }
}
