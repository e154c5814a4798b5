using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Features.Imports;
using Coopol.Features.JobRuns;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Coopol.Features.Privacy;

namespace Coopol.Features.Membership;

/// <summary>The party's membership file: upload, column mapping saved per scope, dry run, apply in one transaction,
/// members and secretaries recognized (roles granted and withdrawn by imports), former members, reports.</summary>
public sealed class MembershipFeature : IFeature
{
    public const string UploadPath = "/membership/uploads";

    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IPersonalDataStep, MembershipPersonalData>().AddScoped<MembershipImporter>().AddScoped<MembershipImportService>().AddScoped<MembershipImportJob>();

    public IEnumerable<NodeFetcher> NodeTypes =>
        [NodeFetcher.ForGuids(MembershipImportService.NodeType, (s, ids, ct) => s.GetRequiredService<MembershipImportService>().ByIdsAsync(ids, ct))];

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ConnectionType<MembershipImportType>>>("membershipImports")
            .Description("Dry runs and applies of membership files for a federation (scopeId) or the party (none), newest first: MANAGE_PEOPLE there.")
            .Argument<IdGraphType>("scopeId").PagingArguments()
            .ResolveAsync(async ctx => (await ctx.Service<MembershipImportService>()
                .OfScopeAsync(ctx.GetArgument<string?>("scopeId"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<MembershipImportType>("membershipImportOfRun").Argument<NonNullGraphType<IdGraphType>>("runId")
            .Description("The report of the import made by one of the viewer's job runs.")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("runId"), JobRunService.NodeType) is { } id
                ? await ctx.Service<MembershipImportService>().OfRunAsync(id, ctx.CancellationToken) : null);
    }

    public void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<StartMembershipImportPayloadType>>("startMembershipImport")
            .Description("Starts a dry run or an apply of an uploaded membership file, as a background job (follow its run, then membershipImportOfRun).")
            .Argument<NonNullGraphType<StartMembershipImportInputType>>("input")
            .ResolveAsync(async ctx => await Payload<JobRun>.RunAsync(() =>
                ctx.Service<MembershipImportService>().StartAsync(ctx.GetArgument<StartMembershipImportInput>("input"), ctx.CancellationToken)));

    /// <summary><c>POST /membership/uploads?scopeId=F&amp;fileName=N</c> with the file as the body: keeps it for its dry run
    /// and apply (a day at most) and answers its header, three rows and the suggested mapping.</summary>
    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(UploadPath, (string? scopeId, string? fileName, HttpContext http, MembershipImportService imports, CancellationToken ct) =>
            HttpProblems.RunAsync(http, async () =>
            {
                http.Response.Headers.CacheControl = "no-store";
                var view = await imports.UploadAsync(scopeId, fileName ?? "upload.csv", http.Request.Body, http.Request.ContentLength, ct);
                return Results.Json(new
                {
                    uploadId = GlobalId.Encode(MembershipImportService.UploadNodeType, view.UploadId), view.FileName, view.Encoding,
                    separator = view.Separator?.ToString(), header = view.Header, sample = view.Sample,
                    mapping = view.Mapping.Select(m => new { field = MembershipColumns.ConstantName(m.Key), column = m.Value }), view.MappingSaved,
                }, statusCode: StatusCodes.Status201Created);
            })).WithMetadata(new RequestSizeLimitAttribute(MembershipImportService.MaxUploadBytes));
}
