using Coopol.Common.GraphQL;
using Coopol.Data;
using Coopol.Features.Accounts;
using Coopol.Features.PartyTree;
using Coopol.Features.People;
using Coopol.Features.Roles;
using FluentValidation;
using GraphQL;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Coopol;

public static class CoopolServices
{
    /// <summary>Everything both hosts share: data, features, jobs. The web host adds GraphQL and sign-in.</summary>
    public static IServiceCollection AddCoopolCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCoopolData(configuration);
        services.AddValidatorsFromAssemblyContaining<CoopolDbContext>(ServiceLifetime.Singleton);
        services.AddScoped<SectionService>().AddScoped<SectionLoader>().AddScoped<FederationLoader>();
        services.AddScoped<PeopleAccess>().AddScoped<PersonService>().AddScoped<PersonLoader>();
        services.AddScoped<RoleService>().AddScoped<ActiveGrantsLoader>();
        return services;
    }

    public static IServiceCollection AddCoopolApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCoopolCore(configuration);
        services.AddCoopolAuthentication(configuration, environment);
        services.AddGraphQL(b => b
            .AddSchema<CoopolSchema>()
            .AddGraphTypes(typeof(CoopolSchema).Assembly)
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // One DbContext per request: run query fields one after another (loaders still batch).
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            .AddErrorInfoProvider(o => o.ExposeExceptionDetails = false)
            .AddUnhandledExceptionHandler(ctx =>
            {
                // Expected failures keep their code and message; anything else stays masked (and is logged).
                if (ctx.OriginalException is Common.CoopolException e)
                    ctx.Exception = new ExecutionError(e.Message) { Code = e.Code };
                else
                    ctx.ExecutionOptions.RequestServices?.GetRequiredService<ILoggerFactory>().CreateLogger("Coopol.GraphQL")
                        .LogError(ctx.OriginalException, "Unhandled error in field {Path}", ctx.FieldContext?.Path);
            })
            .ConfigureExecutionOptions(o => o.MaxParallelExecutionCount = 1)
            .AddComplexityAnalyzer(GraphQLLimits.Configure));
        return services;
    }
}
