using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.People;

/// <summary>The consent ledger (ConsentService): a manager records what the person said on paper or orally with the
/// wording they were shown; the person records their own on the web; after the person withdraws, only they grant again.
/// The current value is the latest line; lines are only ever appended.</summary>
[Collection(ApiCollection.Name)]
public sealed class ConsentLedgerTests(ApiFixture api)
{
    private const string Record = "mutation($input: RecordConsentInput!) { recordConsent(input: $input) { person { id consents { purpose channel granted method } } errors { code message ... on ValidationError { field } } } }";
    private const string Ledger = "query($id: ID!) { person(id: $id) { consents { purpose channel granted method at } consentHistory(first: 100) { totalCount items { purpose channel granted method wordingVersion recordedByThePerson at } } } }";

    private GraphQLClient GraphQL => new(api.Factory);

    private async Task<Dictionary<(string, string), string>> WordingsAsync()
    {
        var answer = await GraphQL.PostAsync("{ consentWordings { purpose channel version french } }");
        return answer.ShouldHaveNoErrors().At("consentWordings")!.AsArray()
            .ToDictionary(w => (w!["purpose"]!.GetValue<string>(), w["channel"]!.GetValue<string>()), w => w!["version"]!.GetValue<string>());
    }

    private async Task<IReadOnlyList<string>> RecordAsync(string personId, string asEmail, bool granted, string method, string? wordingVersion,
        string purpose = "NEWS", string channel = "EMAIL") =>
        (await GraphQL.PostAsync(Record, new { input = new { personId, purpose, channel, granted, method, wordingVersion } }, asEmail))
            .ShouldHaveNoErrors().PayloadErrorCodes("recordConsent");

    /// <summary>Every line of the ledger as stored: nothing already written may ever change.</summary>
    private Task<List<string>> RowsAsync() => api.WithDbAsync(db => db.Set<ConsentRecord>().AsNoTracking().OrderBy(c => c.Id)
        .Select(c => c.Id + "|" + c.PersonId + "|" + c.Purpose + "|" + c.Channel + "|" + c.Granted + "|" + c.Method + "|" + c.At + "|" + c.RecordedById + "|" + c.WordingVersion)
        .ToListAsync());

    private async Task ShouldOnlyHaveAppendedAsync(List<string> before, int added)
    {
        var after = await RowsAsync();
        after.Count.ShouldBe(before.Count + added);
        after.Take(before.Count).ShouldBe(before);
    }

    [Fact]
    public async Task AManagerRecordsAConsentGivenOnPaperOrOrallyWithTheCurrentWording()
    {
        var w = await TestWorld.CreateAsync(api);
        var wordings = await WordingsAsync();
        wordings.Count.ShouldBe(4);
        var rows = await RowsAsync();

        (await RecordAsync(w.IdOf(TestWorld.OtherS1), TestWorld.SecretaryS1, true, "PAPER_FORM", wordings[("NEWS", "EMAIL")])).ShouldBeEmpty();
        (await RecordAsync(w.IdOf(TestWorld.OtherS1), TestWorld.SecretaryS1, true, "ORAL", wordings[("ACTIONS", "SMS")], "ACTIONS", "SMS")).ShouldBeEmpty();
        await ShouldOnlyHaveAppendedAsync(rows, 2);

        var ledger = await GraphQL.PostAsync(Ledger, new { id = w.IdOf(TestWorld.OtherS1) }, TestWorld.SecretaryS1);
        var consents = ledger.ShouldHaveNoErrors().At("person.consents")!.AsArray();
        consents.Single(c => c!["purpose"]!.GetValue<string>() == "NEWS" && c["channel"]!.GetValue<string>() == "EMAIL")!["method"]!.GetValue<string>().ShouldBe("PAPER_FORM");
        consents.Single(c => c!["purpose"]!.GetValue<string>() == "ACTIONS" && c["channel"]!.GetValue<string>() == "SMS")!["method"]!.GetValue<string>().ShouldBe("ORAL");
        consents.Count(c => c!["granted"]!.GetValue<bool>()).ShouldBe(2);
        var history = ledger.At("person.consentHistory.items")!.AsArray();
        history.Count.ShouldBe(2);
        history.ShouldAllBe(h => !h!["recordedByThePerson"]!.GetValue<bool>());
        history.Select(h => h!["wordingVersion"]!.GetValue<string>()).ShouldBe([wordings[("ACTIONS", "SMS")], wordings[("NEWS", "EMAIL")]]);
    }

    [Fact]
    public async Task AGrantWithAnOutdatedOrMissingWordingIsRefused()
    {
        var w = await TestWorld.CreateAsync(api);
        var rows = await RowsAsync();
        var id = w.IdOf(TestWorld.OtherS1);
        // foundation-2026-11 is the NEWS/EMAIL wording the foundation's form showed: no longer current.
        (await RecordAsync(id, TestWorld.SecretaryS1, true, "PAPER_FORM", "foundation-2026-11")).ShouldBe(["WORDING_OUTDATED"]);
        (await RecordAsync(id, TestWorld.SecretaryS1, true, "PAPER_FORM", null)).ShouldBe(["WORDING_OUTDATED"]);
        (await RecordAsync(id, TestWorld.SecretaryS1, true, "ORAL", "news-email-2099-01")).ShouldBe(["WORDING_OUTDATED"]);
        // Another purpose's wording is not this one's.
        (await RecordAsync(id, TestWorld.SecretaryS1, true, "PAPER_FORM", "news-sms-2026-11")).ShouldBe(["WORDING_OUTDATED"]);
        (await RecordAsync(w.IdOf(TestWorld.MemberS1), TestWorld.MemberS1, true, "WEB_FORM", null)).ShouldBe(["WORDING_OUTDATED"]);
        var field = await GraphQL.PostAsync(Record, new { input = new { personId = id, purpose = "NEWS", channel = "EMAIL", granted = true, method = "PAPER_FORM" } }, TestWorld.SecretaryS1);
        field.At("recordConsent.errors.0.field")!.GetValue<string>().ShouldBe("wordingVersion");
        // A withdrawal needs no wording.
        (await RecordAsync(id, TestWorld.SecretaryS1, false, "PAPER_FORM", null)).ShouldBeEmpty();
        await ShouldOnlyHaveAppendedAsync(rows, 1);

        // The same rule when the consent comes with a new person.
        var add = await GraphQL.PostAsync("mutation($input: AddPersonInput!) { addPerson(input: $input) { errors { code ... on ValidationError { field } } } }", new
        {
            input = new
            {
                sectionId = w.S1Id, kind = "MEMBER", firstName = "A", lastName = "B", email = "ab@test.coopol.fr",
                consents = new[] { new { purpose = "NEWS", channel = "EMAIL", granted = true, method = "PAPER_FORM", wordingVersion = "foundation-2026-11" } },
            },
        }, TestWorld.SecretaryS1);
        add.PayloadErrorCodes("addPerson").ShouldBe(["WORDING_OUTDATED"]);
        add.At("addPerson.errors.0.field")!.GetValue<string>().ShouldBe("consents.0.wordingVersion");
        await ShouldOnlyHaveAppendedAsync(rows, 1);
    }

    [Fact]
    public async Task AManagerMayNotUseTheWebFormAndThePersonMayOnlyUseIt()
    {
        var w = await TestWorld.CreateAsync(api);
        var wordings = await WordingsAsync();
        var version = wordings[("NEWS", "EMAIL")];
        var rows = await RowsAsync();
        (await RecordAsync(w.IdOf(TestWorld.OtherS1), TestWorld.SecretaryS1, true, "WEB_FORM", version)).ShouldBe(["INVALID_METHOD"]);
        (await RecordAsync(w.IdOf(TestWorld.OtherS1), TestWorld.SecretaryS1, true, "IMPORT", version)).ShouldBe(["INVALID_METHOD"]);
        (await RecordAsync(w.IdOf(TestWorld.MemberS1), TestWorld.MemberS1, true, "PAPER_FORM", version)).ShouldBe(["INVALID_METHOD"]);
        (await RecordAsync(w.IdOf(TestWorld.MemberS1), TestWorld.MemberS1, true, "ORAL", version)).ShouldBe(["INVALID_METHOD"]);
        // A secretary recording their own consent is the person: the web form.
        (await RecordAsync(w.IdOf(TestWorld.SecretaryS1), TestWorld.SecretaryS1, true, "PAPER_FORM", version)).ShouldBe(["INVALID_METHOD"]);
        await ShouldOnlyHaveAppendedAsync(rows, 0);

        (await RecordAsync(w.IdOf(TestWorld.MemberS1), TestWorld.MemberS1, true, "WEB_FORM", version)).ShouldBeEmpty();
        var own = await GraphQL.PostAsync(Ledger, new { id = w.IdOf(TestWorld.MemberS1) }, TestWorld.MemberS1);
        own.ShouldHaveNoErrors().At("person.consentHistory.items.0.recordedByThePerson")!.GetValue<bool>().ShouldBeTrue();
        own.At("person.consentHistory.items.0.method")!.GetValue<string>().ShouldBe("WEB_FORM");
        await ShouldOnlyHaveAppendedAsync(rows, 1);
    }

    [Fact]
    public async Task AfterThePersonWithdrawsOnlyThePersonGrantsAgainAndTheLatestLineIsTheCurrentValue()
    {
        var w = await TestWorld.CreateAsync(api);
        var version = (await WordingsAsync())[("NEWS", "EMAIL")];
        var id = w.IdOf(TestWorld.MemberS1);
        var rows = await RowsAsync();

        (await RecordAsync(id, TestWorld.SecretaryS1, true, "PAPER_FORM", version)).ShouldBeEmpty();
        (await CurrentAsync(id)).ShouldBe((true, "PAPER_FORM"));
        (await RecordAsync(id, TestWorld.MemberS1, false, "WEB_FORM", null)).ShouldBeEmpty();
        (await CurrentAsync(id)).ShouldBe((false, "WEB_FORM"));

        (await RecordAsync(id, TestWorld.SecretaryS1, true, "PAPER_FORM", version)).ShouldBe(["CONSENT_WITHDRAWN_BY_PERSON"]);
        (await RecordAsync(id, TestWorld.SecretaryS1, true, "ORAL", version)).ShouldBe(["CONSENT_WITHDRAWN_BY_PERSON"]);
        (await RecordAsync(id, TestWorld.FederationSecretaryA, true, "ORAL", version)).ShouldBe(["CONSENT_WITHDRAWN_BY_PERSON"]);
        (await CurrentAsync(id)).ShouldBe((false, "WEB_FORM"));
        // Other consents are not concerned by this withdrawal.
        (await RecordAsync(id, TestWorld.SecretaryS1, true, "ORAL", (await WordingsAsync())[("NEWS", "SMS")], "NEWS", "SMS")).ShouldBeEmpty();

        (await RecordAsync(id, TestWorld.MemberS1, true, "WEB_FORM", version)).ShouldBeEmpty();
        (await CurrentAsync(id)).ShouldBe((true, "WEB_FORM"));
        // The manager records a later withdrawal said on paper.
        (await RecordAsync(id, TestWorld.SecretaryS1, false, "PAPER_FORM", null)).ShouldBeEmpty();
        (await CurrentAsync(id)).ShouldBe((false, "PAPER_FORM"));
        await ShouldOnlyHaveAppendedAsync(rows, 5);

        // The history: every line, newest first.
        var ledger = await GraphQL.PostAsync(Ledger, new { id }, TestWorld.SecretaryS1);
        ledger.ShouldHaveNoErrors().At("person.consentHistory.totalCount")!.GetValue<int>().ShouldBe(5);
        var lines = ledger.At("person.consentHistory.items")!.AsArray()
            .Select(h => (h!["channel"]!.GetValue<string>(), h["granted"]!.GetValue<bool>(), h["method"]!.GetValue<string>(), h["recordedByThePerson"]!.GetValue<bool>())).ToList();
        lines.ShouldBe(
        [
            ("EMAIL", false, "PAPER_FORM", false),
            ("EMAIL", true, "WEB_FORM", true),
            ("SMS", true, "ORAL", false),
            ("EMAIL", false, "WEB_FORM", true),
            ("EMAIL", true, "PAPER_FORM", false),
        ]);
        var times = ledger.At("person.consentHistory.items")!.AsArray().Select(h => h!["at"]!.GetValue<DateTime>()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
        // The person reads their own ledger too.
        (await GraphQL.PostAsync(Ledger, new { id }, TestWorld.MemberS1)).ShouldHaveNoErrors().At("person.consentHistory.totalCount")!.GetValue<int>().ShouldBe(5);
    }

    [Fact]
    public async Task ADelegateWhoViewsPeopleCannotRecordConsentsAndOthersDoNotSeeThePerson()
    {
        var w = await TestWorld.CreateAsync(api);
        var version = (await WordingsAsync())[("NEWS", "EMAIL")];
        var rows = await RowsAsync();
        (await RecordAsync(w.IdOf(TestWorld.OtherS1), TestWorld.DelegateS1, true, "PAPER_FORM", version)).ShouldBe(["FORBIDDEN"]);
        (await RecordAsync(w.IdOf(TestWorld.OtherS1), TestWorld.DelegateS1, false, "PAPER_FORM", null)).ShouldBe(["FORBIDDEN"]);
        (await RecordAsync(w.IdOf(TestWorld.OtherS1), TestWorld.MemberS1, false, "WEB_FORM", null)).ShouldBe(["PERSON_NOT_FOUND"]);
        (await RecordAsync(w.IdOf(TestWorld.PersonS2), TestWorld.SecretaryS1, true, "PAPER_FORM", version)).ShouldBe(["PERSON_NOT_FOUND"]);
        await ShouldOnlyHaveAppendedAsync(rows, 0);
        // The delegate still reads the ledger (they see the person's details).
        (await GraphQL.PostAsync(Ledger, new { id = w.IdOf(TestWorld.OtherS1) }, TestWorld.DelegateS1)).ShouldHaveNoErrors().At("person.consents").ShouldNotBeNull();
    }

    private async Task<(bool, string?)> CurrentAsync(string id)
    {
        var answer = await GraphQL.PostAsync(Ledger, new { id }, TestWorld.SecretaryS1);
        var news = answer.ShouldHaveNoErrors().At("person.consents")!.AsArray()
            .Single(c => c!["purpose"]!.GetValue<string>() == "NEWS" && c["channel"]!.GetValue<string>() == "EMAIL")!;
        return (news["granted"]!.GetValue<bool>(), news["method"]?.GetValue<string>());
    }
}
