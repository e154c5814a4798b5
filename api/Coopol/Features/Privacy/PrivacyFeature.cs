using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Common.Paging;
using Coopol.Data;
using GraphQL.Types.Relay;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Coopol.Features.JobRuns;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Features.Privacy;

/// <summary>The rights of the person: download everything Coopol holds about oneself (a ZIP made by a job) and erase
/// it; organizers do the same on a person's request, recorded. Each feature answers for its own tables
/// (<see cref="IPersonalDataStep"/>).</summary>
public sealed class PrivacyFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.Configure<PrivacyOptions>(configuration.GetSection("Privacy")).Configure<RetentionOptions>(configuration.GetSection("Retention"))
            .AddScoped<RetentionService>().AddScoped<ErasedIdentifiers>().AddScoped<RetentionJob>().AddScoped<PersonalDataService>().AddScoped<ExportPersonalDataJob>().AddScoped<IPersonalDataStep, PrivacyPersonalData>();

    public void ScheduleJobs(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RetentionJob>(RetentionJob.RecurringId, j => j.RunAsync(CancellationToken.None), "15 3 * * *");

    public void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ConnectionType<RetentionRunType>>>("retentionRuns")
            .Description("The nightly retention runs, newest first: what each purged or, as a dry run, would purge (national MANAGE_PEOPLE).")
            .PagingArguments()
            .ResolveAsync(async ctx =>
            {
                var rights = await ctx.Service<CallerContext>().GetRightsAsync(ctx.CancellationToken);
                if (!rights.Can(Permission.ManagePeople, TreeNode.National))
                    throw new ForbiddenException("Retention reports are the national team's (MANAGE_PEOPLE, national).");
                return (await ctx.Service<CoopolDbContext>().Set<RetentionRun>().AsNoTracking()
                    .ToPageAsync(RetentionRunType.Order, ctx.PageRequest(), ctx.CancellationToken)).ToConnection();
            });

    public void AddMutations(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<ExportPersonalDataPayloadType>>("exportPersonalData")
            .Description("Starts the download of everything Coopol holds about a person (none: the viewer), as a ZIP of JSON and CSV made by a job "
                + "(see JobRun.resultUrl). For someone else: MANAGE_PEOPLE on their section, logged in their access log.")
            .Argument<IdGraphType>("personId")
            .ResolveAsync(async ctx => await Payload<JobRun>.RunAsync(() =>
                ctx.Service<PersonalDataService>().StartExportAsync(ctx.GetArgument<string?>("personId"), ctx.CancellationToken)));
        mutation.Field<NonNullGraphType<ErasePersonalDataPayloadType>>("erasePersonalData")
            .Description("Erases a person's data for good: what is theirs alone is deleted, what counts need (door reports, attendance) is kept "
                + "linked to no one, their messages show as from a former user. Recorded without what was erased.")
            .Argument<NonNullGraphType<ErasePersonalDataInputType>>("input")
            .ResolveAsync(async ctx => await Payload<ErasureRecord>.RunAsync(() =>
                ctx.Service<PersonalDataService>().EraseAsync(ctx.GetArgument<ErasePersonalDataInput>("input"), ctx.CancellationToken)));
    }
}
