using Coopol.Access;
using Coopol.Common.GraphQL;
using Coopol.Data.DemoData;
using GraphQL.Types;
using Hangfire;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol;

/// <summary>What a feature brings, declared in one file of its folder (<c>&lt;Feature&gt;Feature.cs</c>): its services,
/// GraphQL fields and node types, the permissions it acts on, its jobs and schedule, its demo data. Entity
/// configurations, graph types and validators are found by scanning the assembly.</summary>
public interface IFeature
{
    void AddServices(IServiceCollection services, IConfiguration configuration);

    /// <summary>The permissions this feature acts on (offered for delegation).</summary>
    Permission Permissions => Permission.None;

    void AddQueries(ObjectGraphType query)
    {
    }

    void AddMutations(ObjectGraphType mutation)
    {
    }

    IEnumerable<NodeFetcher> NodeTypes => [];

    /// <summary>Model pieces that are not an entity's configuration (SQL functions).</summary>
    void ConfigureModel(ModelBuilder model)
    {
    }

    /// <summary>Plain HTTP endpoints (files in and out), mapped by the API host.</summary>
    void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
    }

    /// <summary>Recurring jobs; AddOrUpdate is idempotent, so whichever host starts first registers them.</summary>
    void ScheduleJobs(IRecurringJobManager jobs)
    {
    }

    /// <summary>Demo data, in the order of <see cref="CoopolFeatures.All"/> (a feature may use what earlier ones made).</summary>
    Task SeedDemoAsync(DemoWorld demo, CancellationToken ct) => Task.CompletedTask;
}
