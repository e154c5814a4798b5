using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Coopol.Common;
using Coopol.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Coopol.Tests.GraphQL;

/// <summary>Hostile input, through variables and literals: NUL and control characters, lone surrogates, numbers out of
/// range, wrong types, oversized strings, malformed ids and cursors, unknown enum values, deep nesting. NUL bytes used to
/// reach PostgreSQL and come back as internal errors, and extensions.codes named exception types (NPGSQL, POSTGRES,
/// DB_UPDATE, FORMAT, OVERFLOW). Every answer must be a typed refusal from the lists below, name no exception, and
/// write nothing. Also: a mutation never runs over GET.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileInputTests(ApiFixture api)
{
    /// <summary>Coopol's own codes (top-level errors and payload errors).</summary>
    private static readonly HashSet<string> CoopolCodes =
    [
        "VALIDATION_FAILED", "FORBIDDEN", "UNAUTHENTICATED", "COMPLEXITY", "PERSON_NOT_FOUND", "SECTION_NOT_FOUND", "FEDERATION_NOT_FOUND",
        "SECTION_NOT_IN_FEDERATION", "GRANT_NOT_FOUND", "REQUIRED", "TOO_LONG", "TOO_MANY", "INVALID_EMAIL", "INVALID_PHONE", "INVALID_TAGS",
        "INVALID_ID", "INVALID_POSTAL_CODE", "INVALID_COUNTRY", "INVALID_CONSENTS", "INVALID_METHOD", "INVALID_CURSOR", "OUT_OF_RANGE",
        "FIRST_AND_LAST", "WORDING_OUTDATED", "EMAIL_TAKEN", "PERMISSION_NOT_IN_USE", "IN_THE_PAST", "DELEGATION_EXCEEDS_GRANTOR",
        "DELEGATION_OUTLIVES_GRANTOR", "CANNOT_DELEGATE_TO_SELF",
    ];

    /// <summary>The GraphQL.NET codes these requests produce, as observed: a value of the wrong type or shape in a variable
    /// (INVALID_VALUE) or a literal (ARGUMENTS_OF_CORRECT_TYPE), and a document that does not parse (SYNTAX_ERROR).</summary>
    private static readonly HashSet<string> GraphQLCodes = ["INVALID_VALUE", "ARGUMENTS_OF_CORRECT_TYPE", "SYNTAX_ERROR"];

    private static readonly string[] Leaks = ["npgsql", "postgres", "exception", "stack", "   at ", "sqlstate", "system."];

    private const string Add = "mutation($input: AddPersonInput!) { addPerson(input: $input) { person { id } errors { code ... on ValidationError { field } } } }";
    private const string Update = "mutation($input: UpdatePersonInput!) { updatePerson(input: $input) { person { id firstName } errors { code ... on ValidationError { field } } } }";
    private const string People = "query($f: PersonFilter) { people(filter: $f) { totalCount items { id } } }";
    private const string Section = "query($id: ID!) { section(id: $id) { name people { totalCount } } }";
    private const string Grant = "mutation($input: GrantDelegationInput!) { grantDelegation(input: $input) { delegation { id } errors { code ... on ValidationError { field } } } }";
    private const string Node = "query($id: ID!) { node(id: $id) { id } nodes(ids: [$id, $id]) { id } }";

    private static readonly (string, string)[] AddBase =
        [("sectionId", "\"<S1>\""), ("kind", "\"MEMBER\""), ("firstName", "\"Ann\""), ("lastName", "\"Hostile\""), ("email", "\"hostile@test.coopol.fr\"")];
    private static readonly (string, string)[] UpdateBase = [("personId", "\"<OTHER>\"")];
    private static readonly (string, string)[] GrantBase = [("personId", "\"<MEMBER>\""), ("scopeId", "\"<S1>\""), ("permissions", "[\"VIEW_PEOPLE\"]")];

    /// <summary>name, caller, query, variables (JSON text; placeholders in angle brackets are filled in at run time).</summary>
    public static TheoryData<string, string, string, string?> Cases()
    {
        var data = new TheoryData<string, string, string, string?>();
        // The base input with one field replaced (or added): built as text, since some values are not valid UTF-16 once read.
        void Input(string name, string caller, string query, (string Key, string Json)[] baseInput, string field, string jsonValue) =>
            data.Add(name, caller, query, "{\"input\":{" + string.Join(",", baseInput.Where(f => f.Item1 != field).Append((field, jsonValue))
                .Select(f => "\"" + f.Item1 + "\":" + f.Item2)) + "}}");

        // addPerson through variables
        foreach (var (field, value) in new[]
        {
            ("firstName", """ "a\u0000b" """), ("firstName", """ "a\u0007b" """), ("firstName", """ "\ud800" """), ("firstName", """ "a\udc00b" """),
            ("firstName", "\"<LONG300>\""), ("lastName", """ "\u001b[31m" """), ("lastName", "12345"), ("lastName", "null"),
            ("email", """ "a\u0000@x.fr" """), ("email", """ "\ud800@x.fr" """), ("email", "\"<LONG300>@x.fr\""),
            ("phone", """ "06\u00001234" """), ("tags", """ ["\u0000"] """), ("tags", "[\"<LONG300>\"]"), ("tags", "<TAGS1000>"),
            ("sectionId", "\"nope\""), ("sectionId", "\"\""), ("sectionId", "\"%%%\""), ("sectionId", "\"<LONG5000>\""), ("sectionId", "\"<OTHER>\""),
            ("sectionId", """ "\u0000" """), ("sectionId", "\"<SECTION_NOT_GUID>\""), ("sectionId", "1.5"), ("sectionId", "{\"a\":1}"),
            ("kind", "\"NOPE\""), ("kind", "1"), ("profileVisibility", "\"NOPE\""),
            ("address", """{"line1":"\u0000","postalCode":"29200","city":"Brest"}"""), ("address", "{\"line1\":\"1 rue\",\"postalCode\":\"<LONG300>\",\"city\":\"Brest\"}"),
            ("address", """{"line1":"1 rue","postalCode":"29200","city":"Brest","country":"\u0000"}"""),
            ("location", """{"latitude":1e308,"longitude":-1e308}"""), ("location", """{"latitude":"x","longitude":0}"""), ("location", """{"latitude":1e400,"longitude":0}"""),
            ("consents", """[{"purpose":"NOPE","channel":"EMAIL","granted":true,"method":"PAPER_FORM"}]"""),
            ("consents", """[{"purpose":"NEWS","channel":"EMAIL","granted":true,"method":"PAPER_FORM","wordingVersion":"<LONG300>"}]"""),
            ("consents", """[{"purpose":"NEWS","channel":"EMAIL","granted":true,"method":"PAPER_FORM","wordingVersion":"\u0000"}]"""),
        })
            Input($"addPerson {field}={value.Trim()}", TestWorld.SecretaryS1, Add, AddBase, field, value.Trim());

        // addPerson through literals
        foreach (var literal in new[]
        {
            """firstName: "a\u0000b" """, """firstName: "\ud800" """, "firstName: \"a<RAW_NUL>b\"", "firstName: \"a<RAW_BEL>b\"", "firstName: \"<LONG300>\"",
            "email: \"\\u0000@x.fr\"", "sectionId: \"\\u0000\"", "sectionId: \"<LONG5000>\"", "sectionId: 2147483648000", "kind: NOPE",
            "tags: [[[[[[[[[[\"a\"]]]]]]]]]]", "location: { latitude: 1e400, longitude: 0 }", "profileVisibility: \"PRIVATE\"",
        })
        {
            var field = literal[..literal.IndexOf(':')];
            var rest = "sectionId: \"<S1>\", kind: MEMBER, firstName: \"Ann\", lastName: \"Hostile\", email: \"hostile@test.coopol.fr\"";
            var input = string.Join(", ", rest.Split(", ").Where(p => !p.StartsWith(field + ":", StringComparison.Ordinal)).Append(literal.Trim()));
            data.Add($"addPerson literal {literal.Trim()}", TestWorld.SecretaryS1, "mutation { addPerson(input: { " + input + " }) { person { id } errors { code } } }", null);
        }

        // updatePerson
        foreach (var (field, value) in new[]
        {
            ("firstName", """ "a\u0000b" """), ("lastName", """ "\ud800" """), ("firstName", "\"<LONG300>\""), ("email", """ "x\u0000@test.coopol.fr" """),
            ("phone", """ "\u0007" """), ("tags", """ ["ok","\u0000"] """), ("personId", """ "\u0000" """), ("personId", "\"<LONG5000>\""),
            ("personId", "\"<S1>\""), ("personId", "\"<PERSON_NOT_GUID>\""), ("profileVisibility", "\"NOPE\""), ("kind", "\"\""),
            ("address", """{"line1":"1 rue","postalCode":"29\u00000","city":"Brest"}"""),
        })
            Input($"updatePerson {field}={value.Trim()}", TestWorld.SecretaryS1, Update, UpdateBase, field, value.Trim());
        data.Add("updatePerson literal NUL", TestWorld.SecretaryS1, "mutation { updatePerson(input: { personId: \"<OTHER>\", lastName: \"x\\u0000\" }) { errors { code } } }", null);

        // people(filter), paging and sort
        foreach (var filter in new[]
        {
            """{"search":"\u0000"}""", """{"search":"\ud800"}""", """{"search":"a\u0000b c"}""", """{"search":123}""", """{"search":["a"]}""",
            """{"sectionId":"\u0000"}""", """{"sectionId":"nope"}""", """{"sectionId":"<OTHER>"}""", """{"sectionId":"<SECTION_NOT_GUID>"}""",
            """{"federationCode":"\u0000"}""", """{"federationCode":"2\u00009"}""", """{"federationCode":"<LONG300>"}""", """{"federationCode":"\ud800"}""",
            """{"tag":"\u0000"}""", """{"tag":"<LONG300>"}""", """{"kind":"NOPE"}""", """{"nope":1}""", """{"search":{"search":{"search":"a"}}}""",
            "{\"search\":<NESTED50>}", "{\"search\":<NESTED1000>}",
        })
            data.Add($"people filter {filter}", TestWorld.National, People, "{\"f\":" + filter + "}");
        foreach (var n in new[] { "2147483648", "-2147483649", "-1", "101", "1.5", "\"1\"", "1e100", "99999999999999999999", "true" })
            data.Add($"people first={n} (variable)", TestWorld.National, "query($n: Int) { people(first: $n) { totalCount } }", "{\"n\":" + n + "}");
        foreach (var n in new[] { "2147483648", "-2147483649", "1.5", "\"1\"", "99999999999999999999", "1e100" })
            data.Add($"people first: {n} (literal)", TestWorld.National, "{ people(first: " + n + ") { totalCount } }", null);
        foreach (var cursor in new[] { "\"<LONG5000>\"", """ "\u0000" """, "\"%%%\"", "\"<CURSOR_NUL>\"", "\"<CURSOR_JSON_BOMB>\"", "12" })
        {
            data.Add($"people after={cursor.Trim()}", TestWorld.National, "query($c: String) { people(after: $c) { totalCount } }", "{\"c\":" + cursor.Trim() + "}");
            data.Add($"people before={cursor.Trim()}", TestWorld.National, "query($c: String) { people(last: 5, before: $c) { totalCount } }", "{\"c\":" + cursor.Trim() + "}");
        }
        data.Add("people after literal 5000", TestWorld.National, "{ people(after: \"<LONG5000>\") { totalCount } }", null);
        data.Add("people sort: NOPE (literal)", TestWorld.National, "{ people(sort: NOPE) { totalCount } }", null);
        data.Add("people sort=NOPE (variable)", TestWorld.National, "query($s: PersonSort) { people(sort: $s) { totalCount } }", "{\"s\":\"NOPE\"}");
        data.Add("people sort=name_asc (variable)", TestWorld.National, "query($s: PersonSort) { people(sort: $s) { totalCount } }", "{\"s\":\"name_asc\"}");
        data.Add("people nested literal 60", TestWorld.National, "{ people(filter: { search: <NESTED60> }) { totalCount } }", null);
        data.Add("people nested literal 3000", TestWorld.National, "{ people(filter: { search: <NESTED3000> }) { totalCount } }", null);
        data.Add("people nested objects literal 3000", TestWorld.National, "{ people(filter: <OBJECTS3000>) { totalCount } }", null);

        // section(id)
        foreach (var id in new[]
        {
            """ "\u0000" """, """ "\ud800" """, "\"nope\"", "\"\"", "\"<LONG5000>\"", "\"<SECTION_NOT_GUID>\"", "\"<OTHER>\"", "12345", "1.5", "true",
            "null", "{\"a\":1}", "[\"<S1>\"]",
        })
            data.Add($"section id={id.Trim()}", TestWorld.National, Section, "{\"id\":" + id.Trim() + "}");
        data.Add("section literal NUL", TestWorld.National, "{ section(id: \"\\u0000\") { name } }", null);
        data.Add("section literal huge int", TestWorld.National, "{ section(id: 99999999999999999999999) { name } }", null);
        data.Add("section literal float", TestWorld.National, "{ section(id: 1.5) { name } }", null);

        // node(id) and nodes(ids): the federation key is a string that reaches the database
        foreach (var id in new[] { "\"<FEDERATION_NUL>\"", "\"<FEDERATION_LONG>\"", "\"<FEDERATION_SURROGATE>\"", """ "\u0000" """, "\"<LONG5000>\"", "\"<PERSON_NOT_GUID>\"" })
            data.Add($"node id={id.Trim()}", TestWorld.National, Node, "{\"id\":" + id.Trim() + "}");

        // grantDelegation
        foreach (var (field, value) in new[]
        {
            ("personId", """ "\u0000" """), ("personId", "\"nope\""), ("personId", "\"<LONG5000>\""), ("personId", "\"<S1>\""), ("personId", "\"<PERSON_NOT_GUID>\""),
            ("scopeId", """ "\u0000" """), ("scopeId", "\"nope\""), ("scopeId", "\"<FEDERATION_NUL>\""), ("scopeId", "\"<FEDERATION_LONG>\""),
            ("scopeId", "\"<FEDERATION_SURROGATE>\""), ("scopeId", "\"<SECTION_NOT_GUID>\""), ("scopeId", "\"<OTHER>\""), ("scopeId", "42"),
            ("permissions", "[\"NOPE\"]"), ("permissions", "[]"), ("permissions", "[null]"), ("permissions", "[[\"VIEW_PEOPLE\"]]"), ("permissions", "<PERMISSIONS10000_AND_NOPE>"),
            ("expiresAt", "\"not-a-date\""), ("expiresAt", "\"0001-01-01T00:00:00Z\""), ("expiresAt", "\"2026-13-45T00:00:00Z\""), ("expiresAt", "\"+275760-09-13T00:00:00Z\""),
            ("expiresAt", "1e20"), ("expiresAt", "\"\""), ("expiresAt", """ "2030-01-01T00:00:00Z\u0000" """),
        })
            Input($"grantDelegation {field}={value.Trim()}", TestWorld.SecretaryS1, Grant, GrantBase, field, value.Trim());
        data.Add("grantDelegation literal NUL scope", TestWorld.SecretaryS1,
            "mutation { grantDelegation(input: { personId: \"<MEMBER>\", scopeId: \"\\u0000\", permissions: [VIEW_PEOPLE] }) { errors { code } } }", null);
        data.Add("grantDelegation literal unknown permission", TestWorld.SecretaryS1,
            "mutation { grantDelegation(input: { personId: \"<MEMBER>\", scopeId: \"<S1>\", permissions: [VIEW_PEOPLE, ROOT] }) { errors { code } } }", null);
        data.Add("grantDelegation literal huge date", TestWorld.SecretaryS1,
            "mutation { grantDelegation(input: { personId: \"<MEMBER>\", scopeId: \"<S1>\", permissions: [VIEW_PEOPLE], expiresAt: 2147483648 }) { errors { code } } }", null);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task HostileInputIsATypedRefusalThatNamesNoExceptionAndWritesNothing(string name, string caller, string query, string? variables)
    {
        var w = await TestWorld.CreateAsync(api);
        var before = await SnapshotAsync();
        var body = "{\"query\":" + JsonSerializer.Serialize(Fill(query, w)) + (variables is null ? "" : ",\"variables\":" + Fill(variables, w)) + "}";
        var (status, text) = await PostRawAsync(body, caller);

        status.ShouldNotBe(HttpStatusCode.InternalServerError, name);
        ShouldLeakNothing(text, name);
        if (status == HttpStatusCode.OK)
        {
            var json = JsonNode.Parse(text)!.AsObject();
            var errors = json["errors"]?.AsArray() ?? [];
            foreach (var error in errors)
            {
                var extensions = error!["extensions"]?.AsObject();
                extensions?.ContainsKey("codes").ShouldBeFalse($"{name}: {text}");
                var code = extensions?["code"]?.GetValue<string>();
                code.ShouldNotBeNull($"{name}: every error has a code: {text}");
                code.ShouldNotBe("INTERNAL_ERROR", $"{name}: {text}");
                (CoopolCodes.Contains(code) || GraphQLCodes.Contains(code)).ShouldBeTrue($"{name}: unexpected code {code}: {text}");
            }
            foreach (var payloadError in PayloadErrors(json["data"]))
                CoopolCodes.ShouldContain(payloadError, $"{name}: {text}");
            (errors.Count > 0 || PayloadErrors(json["data"]).Any() || IsEmptyAnswer(json["data"])).ShouldBeTrue($"{name} was not refused: {text}");
        }
        else
        {
            status.ShouldBe(HttpStatusCode.BadRequest, $"{name}: {text}");
        }
        (await SnapshotAsync()).ShouldBe(before, name);
    }

    [Fact]
    public async Task ANulCharacterIsRefusedAtTheDoorBeforeAnythingReachesPostgreSql()
    {
        await TestWorld.CreateAsync(api);
        api.Factory.Sql.Reset();
        var answer = await new GraphQLClient(api.Factory).PostAsync("query($f: PersonFilter) { people(filter: $f) { totalCount } }",
            new { f = new { search = "a\0b" } }, TestWorld.National);
        var statements = api.Factory.Sql.Count;
        answer.ErrorCodes.ShouldNotBeEmpty();
        answer.ErrorCodes.ShouldNotContain("INTERNAL_ERROR");
        answer.Data?["people"].ShouldBeNull();
        statements.ShouldBe(0);
    }

    [Fact]
    public async Task AMutationOverGetAnswers405AndWritesNothingWhateverTheOperationName()
    {
        await TestWorld.CreateAsync(api);
        const string create = "createSection(input: { federationCode: \"29\", name: \"Written over GET\" }) { section { id } errors { code } }";
        var cases = new (string Query, string? OperationName)[]
        {
            ("mutation { " + create + " }", ""),
            ("mutation { " + create + " }", null),
            ("mutation M { " + create + " }", ""),
            ("query Q { federation(code: \"29\") { name } } mutation M { " + create + " }", "M"),
            ("mutation M { " + create + " } query Q { federation(code: \"29\") { name } }", "M"),
        };
        foreach (var (query, operationName) in cases)
        {
            var url = "/graphql?query=" + Uri.EscapeDataString(query) + (operationName is null ? "" : "&operationName=" + Uri.EscapeDataString(operationName));
            using var response = await GetAsync(url, TestWorld.National);
            response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed, url);
            response.Content.Headers.Allow.ShouldBe(["POST"], url);
            (await api.WithDbAsync(db => db.Sections.CountAsync())).ShouldBe(3, url);
        }

        // The query of the same document still runs over GET; an ambiguous document runs nothing.
        var both = "query Q { federation(code: \"29\") { name } } mutation M { " + create + " }";
        using (var query = await GetAsync("/graphql?query=" + Uri.EscapeDataString(both) + "&operationName=Q", TestWorld.National))
        {
            query.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await query.Content.ReadAsStringAsync()).ShouldContain("Finistère");
        }
        using (var ambiguous = await GetAsync("/graphql?query=" + Uri.EscapeDataString(both) + "&operationName=", TestWorld.National))
            ambiguous.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        (await api.WithDbAsync(db => db.Sections.CountAsync())).ShouldBe(3);

        // Over POST the same mutation does write (the GET refusals above were not for some other reason).
        var posted = await new GraphQLClient(api.Factory).PostAsync("mutation { " + create + " }", asEmail: TestWorld.National);
        posted.ShouldHaveNoErrors().PayloadErrorCodes("createSection").ShouldBeEmpty();
        (await api.WithDbAsync(db => db.Sections.CountAsync())).ShouldBe(4);
    }

    [Fact]
    public async Task ADocumentNestedTooDeepToParseIsASyntaxErrorNotAnInternalOneOverPostAndGet()
    {
        await TestWorld.CreateAsync(api);
        var deep = "{ people(filter: { search: " + new string('[', 3000) + "\"a\"" + new string(']', 3000) + " }) { totalCount } }";
        var (status, text) = await PostRawAsync("{\"query\":" + JsonSerializer.Serialize(deep) + "}", TestWorld.National);
        status.ShouldBe(HttpStatusCode.OK);
        var codes = (JsonNode.Parse(text)!["errors"]?.AsArray() ?? []).Select(e => e!["extensions"]?["code"]?.GetValue<string>()).ToList();
        codes.ShouldNotBeEmpty();
        codes.ShouldAllBe(c => c == "SYNTAX_ERROR", text);

        // The GET check parses the document to find its operation: the same document must not crash it.
        using var overGet = await GetAsync("/graphql?query=" + Uri.EscapeDataString(deep), TestWorld.National);
        overGet.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
        var body = await overGet.Content.ReadAsStringAsync();
        body.ShouldNotContain("INTERNAL_ERROR");
        ShouldLeakNothing(body, "GET deep");
    }

    private async Task<HttpResponseMessage> GetAsync(string url, string asEmail)
    {
        using var client = api.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
        return await client.SendAsync(request);
    }

    private async Task<(HttpStatusCode, string)> PostRawAsync(string body, string asEmail)
    {
        using var client = api.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static void ShouldLeakNothing(string text, string name)
    {
        var lower = text.ToLowerInvariant();
        foreach (var leak in Leaks) lower.ShouldNotContain(leak, Case.Insensitive, $"{name}: {text}");
    }

    private static IEnumerable<string> PayloadErrors(JsonNode? data) =>
        data is JsonObject o
            ? o.Select(kv => (kv.Value as JsonObject)?["errors"]).OfType<JsonArray>().SelectMany(a => a.Select(e => e?["code"]?.GetValue<string>() ?? "(none)"))
            : [];

    /// <summary>A query refused by being null or empty (an unknown id answers null, a filter that cannot match answers nothing).</summary>
    private static bool IsEmptyAnswer(JsonNode? data) =>
        data is JsonObject o && o.All(kv => kv.Value is null
            || (kv.Value is JsonObject c && c["totalCount"]?.GetValue<int>() == 0)
            || (kv.Value is JsonArray a && a.All(x => x is null)));

    private static string Fill(string text, TestWorld w)
    {
        var notGuid = (string type) => GlobalId.Encode(type, "not-a-guid");
        return text
            .Replace("<S1>", w.S1Id).Replace("<MEMBER>", w.IdOf(TestWorld.MemberS1)).Replace("<OTHER>", w.IdOf(TestWorld.OtherS1))
            .Replace("<SECTION_NOT_GUID>", notGuid("Section")).Replace("<PERSON_NOT_GUID>", notGuid("Person"))
            .Replace("<FEDERATION_NUL>", GlobalId.Encode("Federation", "2\u00009")).Replace("<FEDERATION_LONG>", GlobalId.Encode("Federation", new string('9', 100)))
            .Replace("<FEDERATION_SURROGATE>", Convert.ToBase64String([.. Encoding.UTF8.GetBytes("Federation:"), 0xED, 0xA0, 0x80]).TrimEnd('='))
            .Replace("<CURSOR_NUL>", Convert.ToBase64String(Encoding.UTF8.GetBytes("[\"name\",\"a\\u0000\",\"b\",\"00000000-0000-0000-0000-000000000000\"]")))
            .Replace("<CURSOR_JSON_BOMB>", Convert.ToBase64String(Encoding.UTF8.GetBytes(new string('[', 400) + new string(']', 400))))
            .Replace("<LONG300>", new string('x', 300)).Replace("<LONG5000>", new string('A', 5000))
            .Replace("<TAGS1000>", "[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"t{i}\"")) + "]")
            .Replace("<PERMISSIONS10000_AND_NOPE>", "[" + string.Join(",", Enumerable.Repeat("\"VIEW_PEOPLE\"", 10000)) + ",\"NOPE\"]")
            .Replace("<RAW_NUL>", "\0").Replace("<RAW_BEL>", "\u0007")
            .Replace("<NESTED60>", new string('[', 60) + "\"a\"" + new string(']', 60))
            .Replace("<NESTED3000>", new string('[', 3000) + "\"a\"" + new string(']', 3000))
            .Replace("<OBJECTS3000>", string.Concat(Enumerable.Repeat("{ search: ", 3000)) + "\"a\"" + new string('}', 3000))
            .Replace("<NESTED50>", new string('[', 50) + "\"a\"" + new string(']', 50))
            .Replace("<NESTED1000>", new string('[', 1000) + "\"a\"" + new string(']', 1000));
    }

    /// <summary>Everything the requests could have written: row counts of every table and the people's editable fields.</summary>
    private Task<string> SnapshotAsync() => api.WithDbAsync(async db =>
    {
        var counts = new[]
        {
            await db.People.CountAsync(), await db.Sections.CountAsync(), await db.RoleGrants.CountAsync(), await db.RoleGrantEvents.CountAsync(),
            await db.Set<Coopol.Features.People.ConsentRecord>().CountAsync(), await db.Set<Coopol.Features.People.SectionInvitation>().CountAsync(),
            await db.Set<Coopol.Features.People.AccessLogEntry>().CountAsync(), await db.Set<Coopol.Features.JobRuns.JobRun>().CountAsync(),
        };
        var people = await db.People.AsNoTracking().OrderBy(p => p.Id)
            .Select(p => p.Id + "|" + p.FirstName + "|" + p.LastName + "|" + p.Email + "|" + p.Phone + "|" + p.SectionId + "|" + p.ProfileVisibility + "|" + p.UpdatedAt)
            .ToListAsync();
        return string.Join(",", counts) + "\n" + string.Join("\n", people);
    });
}
