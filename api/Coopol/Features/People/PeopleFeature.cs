using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Data.DemoData;
using Coopol.Features.JobRuns;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using Coopol.Features.Privacy;

namespace Coopol.Features.People;

/// <summary>Members and supporters: the scoped path to them, their consents, the access log, exports.</summary>
public sealed class PeopleFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IPersonalDataStep, PeoplePersonalData>().AddScoped<PeopleAccess>().AddScoped<PersonService>().AddScoped<ConsentService>().AddScoped<PersonMerge>()
            .AddScoped<PersonLoader>().AddScoped<CurrentConsentsLoader>().AddScoped<SectionPeopleLoader>()
            .AddScoped<PeopleExportService>().AddScoped<ExportPeopleJob>().AddScoped<PurgeExportsJob>()
            .AddScoped<IPersonMergeStep, PeopleMergeStep>();
    }

    public Permission Permissions => Permission.ViewPeople | Permission.ManagePeople;

    public void ConfigureModel(ModelBuilder model)
    {
        model.HasDbFunction(typeof(PersonSearch).GetMethod(nameof(PersonSearch.Text))!);
        model.HasDbFunction(typeof(PersonSearch).GetMethod(nameof(PersonSearch.Fold))!);
    }

    public void AddQueries(ObjectGraphType query)
    {
        query.Field<PersonType>("person").Description("Null when the person does not exist or the caller may not see them. Opening a person is written to their access log.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async ctx => GlobalId.TryDecodeGuid(ctx.GetArgument<string>("id"), PersonService.NodeType) is { } id
                ? (await ctx.Service<PersonService>().OpenAsync([id], ctx.CancellationToken)).GetValueOrDefault(id) : null);
        query.Field<NonNullGraphType<ConnectionType<PersonType>>>("people").PagingArguments()
            .Description("People the caller may see, a page at a time.")
            .Argument<PersonFilterType>("filter")
            .Argument<PersonSortType>("sort", a => a.DefaultValue = PersonSort.NameAsc)
            // A search costs more than a page: a request cannot multiply it by aliases.
            .WithComplexityImpact(GraphQLLimits.PeopleListImpact)
            .ResolveAsync(async ctx => (await ctx.Service<PersonService>().SearchAsync(ctx.GetArgument<PersonFilter?>("filter"),
                ctx.GetArgument<PersonSort>("sort"), ctx.PageRequest(), ctx.CancellationToken)).ToConnection());
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConsentWordingType>>>>("consentWordings")
            .Description("The current wording of each consent, to show when asking for it.")
            .Resolve(_ => ConsentWordings.Kinds.Select(k => ConsentWordings.Current(k.Purpose, k.Channel)).ToList());
    }

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<AddPersonPayloadType>>("addPerson").Argument<NonNullGraphType<AddPersonInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Person>.RunAsync(() =>
                ctx.Service<PersonService>().AddAsync(ctx.GetArgument<AddPersonInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<UpdatePersonPayloadType>>("updatePerson").Argument<NonNullGraphType<UpdatePersonInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Person>.RunAsync(() =>
                ctx.Service<PersonService>().UpdateAsync(ctx.GetArgument<UpdatePersonInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<MovePersonPayloadType>>("movePerson").Argument<NonNullGraphType<MovePersonInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Person>.RunAsync(() =>
                ctx.Service<PersonService>().MoveAsync(ctx.GetArgument<MovePersonInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<RecordConsentPayloadType>>("recordConsent").Argument<NonNullGraphType<RecordConsentInputType>>("input")
            .ResolveAsync(async ctx => await Payload<Person>.RunAsync(() =>
                ctx.Service<ConsentService>().RecordAsync(ctx.GetArgument<RecordConsentInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<AnswerSectionInvitationPayloadType>>("answerSectionInvitation")
            .Argument<NonNullGraphType<AnswerSectionInvitationInputType>>("input")
            .ResolveAsync(async ctx => await Payload<SectionInvitation>.RunAsync(() =>
                ctx.Service<PersonService>().AnswerInvitationAsync(ctx.GetArgument<AnswerSectionInvitationInput>("input"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ExportPeoplePayloadType>>("exportPeople")
            .Description("Starts an export of the people the caller sees in detail, as a CSV made by a background job (see JobRun.resultUrl).")
            .Argument<NonNullGraphType<ExportPeopleInputType>>("input")
            .ResolveAsync(async ctx => await Payload<JobRun>.RunAsync(() =>
                ctx.Service<PeopleExportService>().StartAsync(ctx.GetArgument<ExportPeopleInput>("input"), ctx.CancellationToken)));
    }

    public IEnumerable<NodeFetcher> NodeTypes =>
    [
        NodeFetcher.ForGuids(PersonService.NodeType, (s, ids, ct) => s.GetRequiredService<PersonService>().OpenAsync(ids, ct)),
        NodeFetcher.ForGuids(SectionInvitationType.NodeType, (s, ids, ct) => s.GetRequiredService<PersonService>().InvitationsByIdsAsync(ids, ct)),
    ];

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<PurgeExportsJob>(PurgeExportsJob.RecurringId, j => j.RunAsync(CancellationToken.None), Cron.Hourly());

    public void MapEndpoints(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/exports/{runId}", async (string runId, PeopleExportService exports, HttpContext http, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            var rights = await http.RequestServices.GetRequiredService<CallerContext>().GetRightsAsync(ct);
            if (!rights.IsAuthenticated)
                return Results.Problem(new UnauthenticatedException().Message, statusCode: StatusCodes.Status401Unauthorized,
                    extensions: new Dictionary<string, object?> { ["code"] = "UNAUTHENTICATED" });
            var export = Guid.TryParseExact(runId, "N", out var id) ? await exports.FindMineAsync(id, ct) : null;
            var notFound = new ExportNotFoundException();
            return export is null
                ? Results.Problem(notFound.Message, statusCode: StatusCodes.Status404NotFound, extensions: new Dictionary<string, object?> { ["code"] = notFound.Code })
                : Results.File(export.Content, export.FileName.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/csv; charset=utf-8", export.FileName);
        });

    public Task SeedDemoAsync(DemoWorld demo, CancellationToken ct)
    {
        PeopleDemo.Seed(demo);
        return Task.CompletedTask;
    }
}

public sealed class AddPersonPayloadType() : PayloadType<PersonType, Person>("AddPersonPayload", "person");

public sealed class UpdatePersonPayloadType() : PayloadType<PersonType, Person>("UpdatePersonPayload", "person");

public sealed class MovePersonPayloadType() : PayloadType<PersonType, Person>("MovePersonPayload", "person");

public sealed class RecordConsentPayloadType() : PayloadType<PersonType, Person>("RecordConsentPayload", "person");

public sealed class AnswerSectionInvitationPayloadType()
    : PayloadType<SectionInvitationType, SectionInvitation>("AnswerSectionInvitationPayload", "invitation");

public sealed class ExportPeoplePayloadType() : PayloadType<JobRunType, JobRun>("ExportPeoplePayload", "run");
