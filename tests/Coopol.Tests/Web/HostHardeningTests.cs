using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Coopol.Tests.Infrastructure;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Web;

/// <summary>What the host does around the API: refuses malformed bodies with 400 rather than 500, refuses oversized
/// requests, sets security headers on every answer, compresses, and caches the web client's hashed assets but not its
/// pages. Emails of unusual forms are refused.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostHardeningTests(ApiFixture api)
{
    private GraphQLClient GraphQL => new(api.Factory);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, HttpContent? content = null, string? asEmail = null,
        string? acceptEncoding = null, HttpClient? client = null)
    {
        var owned = client is null;
        client ??= api.Factory.CreateClient();
        try
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            if (asEmail is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", api.Factory.TokenFor(asEmail));
            if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
            var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            return response;
        }
        finally
        {
            if (owned) client.Dispose();
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("{ \"email\": ")]
    [InlineData("{ email: 'national@demo.coopol.fr' }")]
    [InlineData("null")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"national@demo.coopol.fr\"")]
    [InlineData("{ \"email\": 42 }")]
    public async Task TheLocalTokenEndpointAnswers400ToABodyItCannotRead(string body)
    {
        using var response = await SendAsync(HttpMethod.Post, "/auth/dev/token", Json(body));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("Exception");
        text.ShouldNotContain(" at ");
    }

    [Fact]
    public async Task TheLocalTokenEndpointStillSignsADemoAccountAndRefusesOthers()
    {
        await TestWorld.CreateAsync(api, world => world.Add(Coopol.Data.DemoData.DemoUsers.SectionSecretary.Email, "Demo", "Secretary", world.S1));
        using (var ok = await SendAsync(HttpMethod.Post, "/auth/dev/token", Json($"{{ \"email\": \"{Coopol.Data.DemoData.DemoUsers.SectionSecretary.Email}\" }}")))
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var other = await SendAsync(HttpMethod.Post, "/auth/dev/token", Json($"{{ \"email\": \"{TestWorld.National}\" }}")))
            other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("\"a b\"@example.fr")]
    [InlineData("\"ab\"@example.fr")]
    [InlineData("a@[127.0.0.1]")]
    [InlineData("a@[IPv6:::1]")]
    [InlineData("-a@example.fr")]
    [InlineData("a@localhost")]
    [InlineData("a@example")]
    [InlineData("a@example.fr.")]
    [InlineData("a@.example.fr")]
    [InlineData("a..b@example.fr")]
    [InlineData("a.@example.fr")]
    [InlineData("a(comment)@example.fr")]
    [InlineData("a@exa_mple.fr")]
    [InlineData("a@-example.fr")]
    [InlineData("a@example.123")]
    [InlineData("a@@example.fr")]
    [InlineData("a b@example.fr")]
    public async Task AddPersonRefusesEmailsOfUnusualForms(string email)
    {
        var w = await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync("mutation($input: AddPersonInput!) { addPerson(input: $input) { person { id } errors { code ... on ValidationError { field } } } }",
            new { input = new { sectionId = w.S1Id, kind = "MEMBER", firstName = "A", lastName = "B", email } }, TestWorld.SecretaryS1);
        answer.ShouldHaveNoErrors().PayloadErrorCodes("addPerson").ShouldBe(["INVALID_EMAIL"], email);
        answer.At("addPerson.errors.0.field")!.GetValue<string>().ShouldBe("email");
        (await api.WithDbAsync(db => db.People.CountAsync())).ShouldBe(w.People.Count);
    }

    [Theory]
    [InlineData("first.last@example.fr")]
    [InlineData("first+tag@sub.example.fr")]
    [InlineData("o'neil@example.fr")]
    [InlineData("a@xn--bcher-kva.fr")]
    public async Task AddPersonAcceptsCommonEmails(string email)
    {
        var w = await TestWorld.CreateAsync(api);
        var answer = await GraphQL.PostAsync("mutation($input: AddPersonInput!) { addPerson(input: $input) { person { email } errors { code } } }",
            new { input = new { sectionId = w.S1Id, kind = "MEMBER", firstName = "A", lastName = "B", email } }, TestWorld.SecretaryS1);
        answer.ShouldHaveNoErrors().PayloadErrorCodes("addPerson").ShouldBeEmpty(email);
    }

    [Fact]
    public async Task EveryAnswerCarriesTheSecurityHeaders()
    {
        await TestWorld.CreateAsync(api);
        var responses = new[]
        {
            await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }")),
            await SendAsync(HttpMethod.Post, "/graphql", Json("{ \"query\": \"{ me { email } }\" }"), TestWorld.National),
            await SendAsync(HttpMethod.Post, "/graphql", Json("{ \"query\": ")),
            await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("mutation { __typename }")),
            await SendAsync(HttpMethod.Get, "/auth/dev/users"),
            await SendAsync(HttpMethod.Post, "/auth/dev/token", Json("{")),
            await SendAsync(HttpMethod.Get, "/exports/" + Guid.NewGuid().ToString("N")),
            await SendAsync(HttpMethod.Get, "/no/such/page"),
        };
        foreach (var response in responses)
        {
            var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} → {(int)response.StatusCode}";
            ShouldCarrySecurityHeaders(response, what);
            response.Dispose();
        }
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("gzip, deflate, br", null)]
    public async Task ALargeGraphQLAnswerIsCompressedWhenTheClientAcceptsIt(string acceptEncoding, string? expected)
    {
        await TestWorld.CreateAsync(api);
        var body = Json("{ \"query\": \"{ federations(first: 100) { items { code name sections { items { name } } } } }\" }");
        using var response = await SendAsync(HttpMethod.Post, "/graphql", body, TestWorld.National, acceptEncoding);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var encoding = response.Content.Headers.ContentEncoding.ShouldHaveSingleItem();
        if (expected is not null) encoding.ShouldBe(expected);
        else encoding.ShouldBeOneOf("br", "gzip");
        var json = await DecompressAsync(response, encoding);
        JsonNode.Parse(json)!["data"]!["federations"]!["items"]!.AsArray().Count.ShouldBeGreaterThan(90);

        // Without Accept-Encoding, plain JSON.
        using var plain = await SendAsync(HttpMethod.Post, "/graphql",
            Json("{ \"query\": \"{ federations(first: 100) { items { code name } } }\" }"), TestWorld.National);
        plain.Content.Headers.ContentEncoding.ShouldBeEmpty();
    }

    /// <summary>Run on Kestrel: the limit is the server's request body size (IHttpMaxRequestBodySizeFeature), which the
    /// in-memory TestServer does not have.</summary>
    [Fact]
    public async Task AGraphQLRequestLargerThan256KilobytesIsRefusedWith413()
    {
        await TestWorld.CreateAsync(api);
        await WithSecondHostAsync(_ => { }, kestrel: true, async client =>
        {
            var padding = new string(' ', 300 * 1024);
            using var response = await SendAsync(HttpMethod.Post, "/graphql", Json("{ \"query\": \"{ me { email }" + padding + "}\" }"), TestWorld.National, client: client);
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

            // Without a Content-Length (a chunked body) too.
            var chunked = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{ \"query\": \"{ me { email }" + padding + "}\" }")));
            chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = chunked };
            request.Headers.TransferEncodingChunked = true;
            using var streamed = await client.SendAsync(request);
            streamed.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

            // Below the limit is served.
            using var ok = await SendAsync(HttpMethod.Post, "/graphql", Json("{ \"query\": \"{ me { email }" + new string(' ', 200 * 1024) + "}\" }"), TestWorld.National, client: client);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        });
    }

    [Fact]
    public async Task TheWebClientsHashedAssetsAreCachedForAYearItsPagesAreRevalidatedAndBothAreCompressed()
    {
        var root = Directory.CreateTempSubdirectory("coopol-web-client-");
        Directory.CreateDirectory(Path.Combine(root.FullName, "assets"));
        var page = "<!doctype html><html><head><title>Coopol</title><script type=\"module\" src=\"/assets/app-abc123.js\"></script></head><body>"
            + string.Concat(Enumerable.Repeat("<div id=\"root\"></div>", 200)) + "</body></html>";
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "index.html"), page);
        var script = string.Concat(Enumerable.Range(0, 2000).Select(i => $"export const value{i} = \"coopol\";\n"));
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "assets", "app-abc123.js"), script);

        try
        {
            await WithSecondHostAsync(b => b.UseSetting("WebClient:Root", root.FullName), kestrel: false, async client =>
            {
                using var asset = await SendAsync(HttpMethod.Get, "/assets/app-abc123.js", acceptEncoding: "br, gzip", client: client);
                asset.StatusCode.ShouldBe(HttpStatusCode.OK);
                var cache = asset.Headers.CacheControl.ShouldNotBeNull();
                cache.MaxAge.ShouldBe(TimeSpan.FromSeconds(31536000));
                cache.ToString().ShouldContain("immutable");
                var encoding = asset.Content.Headers.ContentEncoding.ShouldHaveSingleItem();
                encoding.ShouldBeOneOf("br", "gzip");
                (await DecompressAsync(asset, encoding)).ShouldBe(script);
                ShouldCarrySecurityHeaders(asset, "asset");

                foreach (var url in new[] { "/", "/index.html", "/people/123" })
                {
                    using var html = await SendAsync(HttpMethod.Get, url, acceptEncoding: "gzip", client: client);
                    html.StatusCode.ShouldBe(HttpStatusCode.OK, url);
                    html.Headers.CacheControl.ShouldNotBeNull(url).NoCache.ShouldBeTrue(url);
                    html.Headers.CacheControl!.MaxAge.ShouldNotBe(TimeSpan.FromSeconds(31536000), url);
                    var htmlEncoding = html.Content.Headers.ContentEncoding.ShouldHaveSingleItem(url);
                    (await DecompressAsync(html, htmlEncoding)).ShouldBe(page, url);
                    ShouldCarrySecurityHeaders(html, url);
                }
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    // Review findings (attacker review of the rights-in-jobs change): each answered as the spec asks, never 200 HTML or 500.

    [Fact]
    public async Task JsonStringsThatAreNotValidUtf8AreABadRequestNotA500()
    {
        foreach (var body in new[] { "{\"query\":\"{me{email}}\xff\"}", "{\"query\":\"{me{email}}\",\"operationName\":\"\xfe\"}" })
        {
            var bytes = System.Text.Encoding.Latin1.GetBytes(body);
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await SendAsync(HttpMethod.Post, "/graphql", content);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        }
    }

    [Fact]
    public async Task AnswersCarryingPersonalDataOrTokensAreNeverCached()
    {
        await TestWorld.CreateAsync(api, world => world.Add(Coopol.Data.DemoData.DemoUsers.SectionSecretary.Email, "Demo", "Secretary", world.S1));
        using (var executed = await SendAsync(HttpMethod.Post, "/graphql", Json("{ \"query\": \"{ me { email } }\" }"), TestWorld.National))
            executed.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using (var refused = await SendAsync(HttpMethod.Post, "/graphql", Json("{ \"query\": ")))
            refused.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using (var overGet = await SendAsync(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ me { email } }"), asEmail: TestWorld.National))
            overGet.Headers.CacheControl!.NoStore.ShouldBeTrue();
        using var token = await SendAsync(HttpMethod.Post, "/auth/dev/token", Json($"{{ \"email\": \"{Coopol.Data.DemoData.DemoUsers.SectionSecretary.Email}\" }}"));
        token.StatusCode.ShouldBe(HttpStatusCode.OK);
        token.Headers.CacheControl!.NoStore.ShouldBeTrue();
    }

    [Fact]
    public async Task TheWebClientsFallbackServesPagesToGetOnlyAndNeverForApiPaths()
    {
        var root = Directory.CreateTempSubdirectory("coopol-web-client-");
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "index.html"), "<!doctype html><title>Coopol</title>");
        await File.WriteAllTextAsync(Path.Combine(root.FullName, "graphiql.html"), "<!doctype html><title>GraphiQL</title>");
        try
        {
            await WithSecondHostAsync(b => b.UseSetting("WebClient:Root", root.FullName), kestrel: false, async client =>
            {
                using (var page = await SendAsync(HttpMethod.Get, "/people/123", client: client)) page.StatusCode.ShouldBe(HttpStatusCode.OK);
                using (var put = await SendAsync(HttpMethod.Put, "/graphql", Json("{}"), client: client))
                    put.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
                using (var post = await SendAsync(HttpMethod.Post, "/exports/x", Json("{}"), client: client))
                    post.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html");
                using (var post = await SendAsync(HttpMethod.Post, "/people/123", Json("{}"), client: client))
                    post.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
                foreach (var url in new[] { "/graphql/nothing", "/auth/nothing", "/exports", "/tiles/turnout/1/2", "/geojson" })
                {
                    using var api = await SendAsync(HttpMethod.Get, url, client: client);
                    api.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
                    api.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html", url);
                }
            });
            // In production GraphiQL's page is not served, under either path.
            await WithSecondHostAsync(b => b.UseEnvironment("Production").UseSetting("WebClient:Root", root.FullName)
                .UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/").UseSetting("AzureAd:TenantId", "organizations")
                .UseSetting("AzureAd:ClientId", "66666666-7777-8888-9999-000000000000"), kestrel: false, async client =>
            {
                foreach (var url in new[] { "/graphiql.html", "/graphql/ide" })
                {
                    using var ide = await SendAsync(HttpMethod.Get, url, client: client);
                    ide.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
                }
                using var index = await SendAsync(HttpMethod.Get, "/", client: client);
                index.StatusCode.ShouldBe(HttpStatusCode.OK);
                index.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("connect-src 'self';");
            });
            // A base map's origin, when configured, is the one other origin pages may fetch from.
            await WithSecondHostAsync(b => b.UseSetting("WebClient:Root", root.FullName).UseSetting("Map:BaseMapOrigin", "https://tiles.example.org"), kestrel: false, async client =>
            {
                using var index = await SendAsync(HttpMethod.Get, "/", client: client);
                var policy = index.Headers.GetValues("Content-Security-Policy").Single();
                policy.ShouldContain("connect-src 'self' https://tiles.example.org;");
                policy.ShouldContain("img-src 'self' https://tiles.example.org");
            });
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ATokenThatDoesNotValidateIsRefusedWith401NotTreatedAsAnonymous()
    {
        var forged = new Coopol.Api.Auth.LocalTokenIssuer(new Coopol.Api.Auth.LocalSigningKey(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:Local:SigningKey"] = Convert.ToBase64String(new byte[32]) }).Build()),
            TimeProvider.System).Issue(TestWorld.National, "x").Token;
        var parts = api.Factory.TokenFor(TestWorld.National).Split('.');
        var none = Base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        var tampered = parts[0] + "." + Base64Url("{\"sub\":\"" + TestWorld.National + "\",\"email\":\"" + TestWorld.National + "\"}") + "." + parts[2];
        foreach (var token in new[] { forged, none, tampered, "not-a-token" })
        {
            using var client = api.Factory.CreateClient();
            foreach (var url in new[] { "/graphql", "/exports/00000000000000000000000000000000" })
            {
                using var request = new HttpRequestMessage(url == "/graphql" ? HttpMethod.Post : HttpMethod.Get, url)
                {
                    Content = url == "/graphql" ? Json("{ \"query\": \"{ me { email } }\" }") : null,
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                using var response = await client.SendAsync(request);
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{url} with {token[..Math.Min(20, token.Length)]}");
                response.Headers.WwwAuthenticate.ToString().ShouldContain("invalid_token");
            }
        }
    }

    [Fact]
    public async Task TheLocalTokenEndpointRefusesLargeBodiesOnKestrel()
    {
        await WithSecondHostAsync(_ => { }, kestrel: true, async client =>
        {
            using var response = await SendAsync(HttpMethod.Post, "/auth/dev/token",
                Json("{ \"email\": \"" + new string('a', 64 * 1024) + "@x.fr\" }"), client: client);
            response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        });
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>A second host over the same database, with CoopolFactory's settings (its signing key too, so its tokens
    /// are good here) plus <paramref name="configure"/>, in memory or on Kestrel. Hangfire keeps its activator, storage
    /// and log provider in statics, which the job tests use: the second host must not schedule its recurring jobs, the
    /// step that sets them.</summary>
    private async Task WithSecondHostAsync(Action<IWebHostBuilder> configure, bool kestrel, Func<HttpClient, Task> test)
    {
        var activator = JobActivator.Current;
        var storage = JobStorage.Current;
        var signingKey = api.Factory.Services.GetRequiredService<IConfiguration>()["Auth:Local:SigningKey"]!;
        using (var host = new SecondHost(b =>
        {
            b.UseSetting("Auth:Local:SigningKey", signingKey);
            configure(b);
        }))
        {
            var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
            if (kestrel)
            {
                var port = FreePort();
                host.UseKestrel(port);
                host.StartServer();
                options.BaseAddress = new Uri($"http://127.0.0.1:{port}");
            }
            using var client = host.CreateClient(options);
            await test(client);
        }
        JobActivator.Current.ShouldBeSameAs(activator, "the second host replaced Hangfire's static activator");
        JobStorage.Current.ShouldBeSameAs(storage, "the second host replaced Hangfire's static storage");
    }

    /// <summary>The same settings as CoopolFactory (Testing, the test database, local sign-in, no Hangfire server), and
    /// no recurring job scheduled.</summary>
    private sealed class SecondHost(Action<IWebHostBuilder> configure) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Coopol", CoopolFactory.ConnectionString);
            builder.UseSetting("Auth:Local:Enabled", "true");
            builder.UseSetting("Jobs:RunServer", "false");
            builder.UseSetting("WebClient:Root", Path.Combine(Path.GetTempPath(), "coopol-no-web-client"));
            builder.ConfigureTestServices(s => s.AddSingleton<IRecurringJobManager, NoRecurringJobs>());
            configure(builder);
        }
    }

    private sealed class NoRecurringJobs : IRecurringJobManager
    {
        public void AddOrUpdate(string recurringJobId, Hangfire.Common.Job job, string cronExpression, RecurringJobOptions options) { }

        public void Trigger(string recurringJobId) { }

        public void RemoveIfExists(string recurringJobId) { }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void ShouldCarrySecurityHeaders(HttpResponseMessage response, string what)
    {
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff", what);
        var csp = Header(response, "Content-Security-Policy");
        csp.ShouldNotBeNull(what);
        csp.ShouldContain("frame-ancestors 'none'", Case.Sensitive, what);
        Header(response, "Referrer-Policy").ShouldNotBeNullOrWhiteSpace(what);
        Header(response, "X-Frame-Options").ShouldNotBeNull(what).ToUpperInvariant().ShouldBeOneOf("DENY", "SAMEORIGIN");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    private static async Task<string> DecompressAsync(HttpResponseMessage response, string encoding)
    {
        await using var compressed = await response.Content.ReadAsStreamAsync();
        await using Stream plain = encoding == "br" ? new BrotliStream(compressed, CompressionMode.Decompress) : new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(plain, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }
}
