using Coopol.Features.People;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.Features.People;

/// <summary>Opening a person (person, node, nodes) is written to their access log, once per actor and person per ten
/// minutes; lists are not. The person reads their own log with the actors' names, the national team reads anyone's,
/// nobody else. An export logs each exported person once.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccessLogTests(ApiFixture api)
{
    private const string AccessLog = "query($id: ID!) { person(id: $id) { accessLog(first: 100) { totalCount items { kind actorName at } } } }";

    private GraphQLClient GraphQL => new(api.Factory);

    private Task<List<AccessLogEntry>> EntriesAsync() => api.WithDbAsync(db => db.Set<AccessLogEntry>().AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task OpeningAPersonWritesOneEntryPerActorAndPersonPerTenMinutes()
    {
        var w = await TestWorld.CreateAsync(api);
        var subject = w.IdOf(TestWorld.OtherS1);
        (await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = subject }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        (await GraphQL.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = subject }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        (await GraphQL.PostAsync("query($id: ID!) { nodes(ids: [$id, $id]) { id } }", new { id = subject }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        (await GraphQL.PostAsync("query($id: ID!) { a: person(id: $id) { id } b: person(id: $id) { id } }", new { id = subject }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();

        var entries = await EntriesAsync();
        var entry = entries.ShouldHaveSingleItem();
        entry.SubjectId.ShouldBe(w.People[TestWorld.OtherS1].Id);
        entry.ActorId.ShouldBe(w.People[TestWorld.SecretaryS1].Id);
        entry.Kind.ShouldBe(AccessKind.ViewedPerson);

        // Another actor is another entry; opening oneself is not logged.
        (await GraphQL.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id = subject }, TestWorld.DelegateS1)).ShouldHaveNoErrors();
        (await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = subject }, TestWorld.OtherS1)).ShouldHaveNoErrors();
        (await EntriesAsync()).Count.ShouldBe(2);

        // A hidden person's page opens nothing and logs nothing.
        (await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = w.IdOf(TestWorld.PersonS2) }, TestWorld.SecretaryS1)).At("person").ShouldBeNull();
        (await EntriesAsync()).Count.ShouldBe(2);

        // Ten minutes later, the same actor opening the same person is a new entry.
        await api.WithDbAsync(db => db.Set<AccessLogEntry>().ExecuteUpdateAsync(u => u.SetProperty(e => e.At, e => e.At.AddMinutes(-11))));
        (await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = subject }, TestWorld.SecretaryS1)).ShouldHaveNoErrors();
        (await EntriesAsync()).Count(e => e.ActorId == w.People[TestWorld.SecretaryS1].Id).ShouldBe(2);
        (await EntriesAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public async Task ListsDoNotWriteTheLog()
    {
        var w = await TestWorld.CreateAsync(api);
        foreach (var query in new[]
        {
            "{ people(first: 100) { items { id email } } }",
            "query($s: ID!) { section(id: $s) { people(first: 100) { items { id email } } } }",
            "{ federation(code: \"29\") { sections { items { people { items { email } } } } } }",
            "{ people(filter: { search: \"Pierre\" }) { items { email } } }",
            "{ delegations { items { grantee { email } grantedBy { email } } } }",
            "{ me { person { email } grants { items { section { name } } } } }",
        })
            (await GraphQL.PostAsync(query, new { s = w.S1Id }, TestWorld.National)).ShouldHaveNoErrors();
        (await EntriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ThePersonReadsTheirOwnLogWithTheActorsNamesTheNationalTeamReadsAnyoneAndOthersGetNull()
    {
        var w = await TestWorld.CreateAsync(api);
        var subject = w.IdOf(TestWorld.OtherS1);
        await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = subject }, TestWorld.SecretaryS1);
        await GraphQL.PostAsync("query($id: ID!) { person(id: $id) { id } }", new { id = subject }, TestWorld.DelegateS1);

        var own = await GraphQL.PostAsync(AccessLog, new { id = subject }, TestWorld.OtherS1);
        own.ShouldHaveNoErrors().At("person.accessLog.totalCount")!.GetValue<int>().ShouldBe(2);
        var items = own.At("person.accessLog.items")!.AsArray();
        // Newest first.
        items.Select(i => i!["actorName"]!.GetValue<string>()).ShouldBe(["Denis Delegue", "Sonia Secretaire"]);
        items.ShouldAllBe(i => i!["kind"]!.GetValue<string>() == "VIEWED_PERSON");

        // The national team opens the person to read it, which is itself logged.
        var national = await GraphQL.PostAsync(AccessLog, new { id = subject }, TestWorld.National);
        national.ShouldHaveNoErrors().At("person.accessLog.items")!.AsArray().Select(i => i!["actorName"]!.GetValue<string>())
            .ShouldBe(["Nadia National", "Denis Delegue", "Sonia Secretaire"]);

        foreach (var other in new[] { TestWorld.SecretaryS1, TestWorld.DelegateS1, TestWorld.FederationSecretaryA })
        {
            var answer = await GraphQL.PostAsync(AccessLog, new { id = subject }, other);
            answer.ShouldHaveNoErrors();
            answer.At("person").ShouldNotBeNull(other);
            answer.At("person.accessLog").ShouldBeNull(other);
        }
    }

    [Fact]
    public async Task AnExportLogsEachExportedPersonOnce()
    {
        var w = await TestWorld.CreateAsync(api);
        var (runId, csv) = await Exports.ExportAsync(api, w.S1Id, TestWorld.SecretaryS1);
        var inS1 = w.People.Values.Where(p => p.SectionId == w.S1.Id).Select(p => p.Id).ToList();
        inS1.ShouldAllBe(id => csv.Contains(w.People.Single(kv => kv.Value.Id == id).Key));

        // Everyone exported but the exporter (exporting oneself, like opening one's own page, is not logged).
        var entries = (await EntriesAsync()).Where(e => e.Kind == AccessKind.ExportedPeople).ToList();
        entries.Select(e => e.SubjectId).ShouldBe(inS1.Where(id => id != w.People[TestWorld.SecretaryS1].Id), ignoreOrder: true);
        entries.ShouldAllBe(e => e.ActorId == w.People[TestWorld.SecretaryS1].Id && e.JobRunId == runId);

        var log = await GraphQL.PostAsync(AccessLog, new { id = w.IdOf(TestWorld.MemberS1) }, TestWorld.MemberS1);
        log.ShouldHaveNoErrors().At("person.accessLog.items")!.AsArray()
            .Select(i => (i!["kind"]!.GetValue<string>(), i["actorName"]!.GetValue<string>())).ShouldBe([("EXPORTED_PEOPLE", "Sonia Secretaire")]);
    }
}
