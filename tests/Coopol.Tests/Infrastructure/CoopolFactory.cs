using System.Security.Cryptography;
using Coopol.Api.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Infrastructure;

/// <summary>The real API on the test database that scripts/test starts (database coopol_test), with the real
/// JWT validation fed by a key made for this run.</summary>
public sealed class CoopolFactory : WebApplicationFactory<Program>
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("COOPOL_TEST_CONNECTION")
        ?? $"Host=127.0.0.1;Port={Environment.GetEnvironmentVariable("COOPOL_DB_PORT") ?? "55432"};Database=coopol_test;Username=coopol";

    public SqlCounter Sql { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Coopol", ConnectionString);
        builder.UseSetting("Auth:Local:Enabled", "true");
        builder.UseSetting("Auth:Local:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Jobs:RunServer", "false");
        builder.UseSetting("WebClient:Root", Path.Combine(Path.GetTempPath(), "coopol-no-web-client"));
        builder.ConfigureServices(s => s.AddSingleton<IInterceptor>(Sql));
    }

    public string TokenFor(string email) =>
        Services.GetRequiredService<LocalTokenIssuer>().Issue(email, email).Token;
}
