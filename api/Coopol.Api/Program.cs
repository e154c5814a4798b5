using Coopol;
using Coopol.Api;
using Coopol.Api.Auth;
using Coopol.Api.GraphQL;
using Coopol.Api.Web;
using Coopol.Data;

// The import command's own options (--round 1, --dry-run) are not configuration.
var command = args.FirstOrDefault();
var builder = WebApplication.CreateBuilder(command is "import" or "retention" ? [] : args);
builder.Services.AddCoopolCore(builder.Configuration);
builder.Services.AddCoopolAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddCoopolGraphQL();
builder.Services.AddCoopolJobs(builder.Configuration, runServer: builder.Configuration.GetValue("Jobs:RunServer", true));
builder.Services.AddCoopolWeb();

var app = builder.Build();
if (command == "schema")
{
    Console.Write(SchemaCommand.Print(app.Services));
    return;
}
await app.Services.MigrateCoopolDatabaseAsync();
if (command == "import")
{
    Environment.ExitCode = await ImportCommand.RunAsync(app.Services, args);
    return;
}
if (command == "retention")
{
    Environment.ExitCode = await RetentionCommand.RunAsync(app.Services, args);
    return;
}
if (command == "seed")
{
    await DemoCommand.SeedAsync(app.Services, app.Configuration);
    return;
}
app.Services.ScheduleCoopolJobs();

app.UseCoopolWeb();
app.UseAuthentication();
app.UseRefusalOfInvalidTokens();
app.MapGraphQLEndpoint("/graphql");
app.MapLocalSignIn();
app.MapCoopolEndpoints();
app.MapWebClient(builder.Configuration, builder.Environment);
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
