using Coopol.Access;
using Coopol.Common;
using Coopol.Common.GraphQL;
using Coopol.Data;
using FluentValidation;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Coopol;

public static class CoopolServices
{
    /// <summary>Everything both hosts share: data, the rights core, the features. The API host adds GraphQL and sign-in
    /// (its caller source); the worker host has no caller of its own, its jobs act for whoever started them.</summary>
    public static IServiceCollection AddCoopolCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoopolData(configuration);
        services.AddValidatorsFromAssemblyContaining<CoopolDbContext>(ServiceLifetime.Singleton);
        services.TryAddScoped<ICallerSource, NoCallerSource>();
        services.AddScoped<CallerContext>();
        services.AddSingleton(new PermissionsInUse(Permissions.Combine(CoopolFeatures.All.Select(f => f.Permissions))));
        services.AddSingleton(new NodeResolver(CoopolFeatures.All.SelectMany(f => f.NodeTypes)));
        foreach (var feature in CoopolFeatures.All) feature.AddServices(services, configuration);
        return services;
    }

    public static IServiceCollection AddCoopolGraphQL(this IServiceCollection services) =>
        services.AddGraphQL(b => b
            .AddSchema<CoopolSchema>()
            .AddGraphTypes(typeof(CoopolSchema).Assembly)
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // One DbContext per request: run query fields one after another (loaders still batch).
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            // Only Coopol's codes reach clients: no exception type names (codes), no details.
            .AddErrorInfoProvider(o => { o.ExposeExceptionDetails = false; o.ExposeCodes = false; o.ExposeData = true; })
            .AddUnhandledExceptionHandler(ctx =>
            {
                // Expected failures keep their code and message; anything else is logged and masked.
                if (ctx.OriginalException is CoopolException e)
                {
                    var error = new ExecutionError(e.Message) { Code = e.Code };
                    // A query has no payload for field errors: each refused field and its code go in extensions.data.fields.
                    if (e is InputValidationException invalid)
                        error.Data["fields"] = invalid.Errors.Select(f => new Dictionary<string, string> { ["field"] = f.Field, ["code"] = f.Code, ["message"] = f.Message }).ToList();
                    ctx.Exception = error;
                    return;
                }
                if (ctx.OriginalException is GraphQLParser.Exceptions.GraphQLParserException)
                {
                    // A document nested too deep to parse is the client's syntax error, like any other.
                    ctx.Exception = new ExecutionError("The document is nested too deeply to read.") { Code = "SYNTAX_ERROR" };
                    return;
                }
                ctx.ExecutionOptions.RequestServices?.GetRequiredService<ILoggerFactory>().CreateLogger("Coopol.GraphQL")
                    .LogError(ctx.OriginalException, "Unhandled error in field {Path}", ctx.FieldContext?.Path);
                ctx.Exception = new ExecutionError("Something went wrong on our side; it has been logged.") { Code = "INTERNAL_ERROR" };
            })
            .ConfigureExecutionOptions(o => o.MaxParallelExecutionCount = 1)
            .AddComplexityAnalyzer(GraphQLLimits.Configure));

    /// <summary>Hangfire on the same PostgreSQL (schema "hangfire"). runServer: the API runs a server by default
    /// (Jobs:RunServer); jobs/ runs one as a process of its own when the load calls for it.</summary>
    public static IServiceCollection AddCoopolJobs(this IServiceCollection services, IConfiguration configuration, bool runServer)
    {
        var connectionString = configuration.CoopolConnectionString(Pool.Jobs);
        services.AddHangfire(c => c
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                // The 15 s default makes enqueued work look stuck.
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }));
        if (runServer) services.AddHangfireServer(o => o.WorkerCount = configuration.GetValue("Jobs:WorkerCount", 2));
        return services;
    }

    /// <summary>The recurring schedule of every feature; AddOrUpdate is idempotent, so whichever host starts first registers it.</summary>
    public static void ScheduleCoopolJobs(this IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        foreach (var feature in CoopolFeatures.All) feature.ScheduleJobs(recurring);
    }
}
