using System.Text.Json;
using Coopol.Common.Imports;
using Coopol.Features.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Infrastructure;

/// <summary>Runs an import as the command line does (ImportService in a scope of its own, no caller, no job run) and
/// returns its report.</summary>
public static class Importing
{
    public static async Task<ImportReport> RunAsync(ApiFixture api, string kind, string path, IReadOnlyDictionary<string, string>? options = null,
        bool dryRun = false, string? fileName = null)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
        return await imports.RunAsync(imports.Find(kind), path, fileName ?? Path.GetFileName(path), options ?? new Dictionary<string, string>(), dryRun,
            startedById: null, jobRunId: null, IImportProgress.None, beforeCommit: null, CancellationToken.None);
    }

    /// <summary>The report of an import that must have succeeded (its problem is the failure message otherwise).</summary>
    public static ImportReport ShouldHaveSucceeded(this ImportReport report)
    {
        report.Status.ShouldBe(ImportStatus.Succeeded, report.Problem);
        return report;
    }

    public static ImportReport ShouldBeRejectedWith(this ImportReport report, string problemStart)
    {
        report.Status.ShouldBe(ImportStatus.Rejected, report.Summary);
        report.Problem.ShouldNotBeNull();
        report.Problem.ShouldStartWith(problemStart, Case.Sensitive);
        return report;
    }

    public static IReadOnlyDictionary<string, long> Counts(this ImportReport report) =>
        JsonSerializer.Deserialize<Dictionary<string, long>>(report.Counts ?? "{}")!;
}
