using System.Text.Json;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Data;
using Coopol.Features.JobRuns;
using GraphQL;
using Hangfire;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Coopol.Features.Privacy;

namespace Coopol.Features.Imports;

/// <summary>Reading published files: the runner shared by the command line and the upload, the import job, the reports.
/// The importers themselves live in the features whose data they bring (Geography, Elections).</summary>
public sealed class ImportsFeature : IFeature
{
    public const long MaxUploadBytes = 200L * 1024 * 1024;

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IPersonalDataStep, ImportsPersonalData>().AddScoped<ImportService>().AddScoped<ImportJob>().AddScoped<ImportUploads>().AddScoped<PurgeImportUploadsJob>();

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<PurgeImportUploadsJob>(PurgeImportUploadsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImportKindType>>>>("importKinds")
            .Description("The kinds of files Coopol imports, with their options (national ENTER_RESULTS).")
            .ResolveAsync(async ctx =>
            {
                var imports = ctx.Service<ImportService>();
                await imports.RequireImportRightAsync(ctx.CancellationToken);
                return imports.Importers;
            });
        query.Field<NonNullGraphType<ConnectionType<ImportReportType>>>("importReports")
            .Description("Past imports, newest first (national ENTER_RESULTS).").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<ImportService>().ReportsAsync(ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<ImportReportType>("importReportOfRun").Argument<NonNullGraphType<IdGraphType>>("runId")
            .Description("The report of the import made by a job run.")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("runId"), JobRunService.NodeType) is { } id
                ? await ctx.Service<ImportService>().ForRunAsync(id, ctx.CancellationToken) : null);
    }

    public IEnumerable<NodeFetcher> NodeTypes =>
        [NodeFetcher.ForGuids(ImportService.NodeType, (s, ids, ct) => s.GetRequiredService<ImportService>().ByIdsAsync(ids, ct))];

    /// <summary><c>POST /imports/{kind}?fileName=F&amp;dryRun=true&amp;options={json}</c> with the file as the body: starts the
    /// import job and answers 202 with its run's id (follow it with <c>node(id)</c>).</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/imports/{kind}", async (string kind, string? fileName, bool? dryRun, string? options, HttpContext http, ImportUploads uploads, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            try
            {
                Dictionary<string, string> parsed;
                try
                {
                    parsed = string.IsNullOrEmpty(options) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(options) ?? [];
                }
                catch (JsonException)
                {
                    throw InputValidationException.For("options", "INVALID", "options must be a JSON object of strings.");
                }
                var run = await uploads.StartAsync(kind, fileName ?? "upload", http.Request.Body, http.Request.ContentLength, parsed, dryRun ?? false, ct);
                return Results.Json(new { runId = GlobalId.Encode(JobRunService.NodeType, run.Id) }, statusCode: StatusCodes.Status202Accepted);
            }
            catch (CoopolException e)
            {
                return HttpProblems.From(e);
            }
        }).WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
}
