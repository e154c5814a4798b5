using Coopol;
using Coopol.Api;
using Coopol.Api.GraphQL;
using Coopol.Common;
using Coopol.Data;
using Coopol.Features.Accounts;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCoopolApi(builder.Configuration, builder.Environment);
builder.Services.AddCoopolJobs(builder.Configuration, runServer: builder.Configuration.GetValue("Jobs:RunServer", true));
builder.Services.AddProblemDetails();

var app = builder.Build();
await app.Services.MigrateCoopolDatabaseAsync();
if (args.FirstOrDefault() == "seed")
{
    await DemoCommand.SeedAsync(app.Services, app.Configuration);
    return;
}
app.Services.ScheduleCoopolJobs();

app.UseExceptionHandler();
app.UseAuthentication();
app.MapGraphQLEndpoint("/graphql");
app.MapLocalSignIn();
app.MapWebClient(builder.Configuration, builder.Environment);
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
