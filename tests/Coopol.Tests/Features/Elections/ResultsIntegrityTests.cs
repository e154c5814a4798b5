using Coopol.Tests.Infrastructure;

namespace Coopol.Tests.Features.Elections;

/// <summary>Votes carry no foreign keys (for the import's speed): the writer alone keeps them whole. After imports and
/// re-imports, no vote points at a missing result or candidate, and no candidate is left without votes.</summary>
[Collection(ApiCollection.Name)]
public sealed class ResultsIntegrityTests(ApiFixture api)
{
    [Fact]
    public async Task ReimportingPartOfAFileLeavesNoOrphanVoteNorCandidate()
    {
        await api.ResetAsync();
        using var temp = new TempFolder();
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();
        var lines = File.ReadAllLines(SharedData.Results2024Round1);
        // Only the first 100 stations again, then the whole file again.
        (await Importing.RunAsync(api, "results-2024", temp.Write("part.csv", string.Join('\n', lines.Take(101))), ResultsImports.Round1Options)).ShouldHaveSucceeded();
        (await Importing.RunAsync(api, "results-2024", SharedData.Results2024Round1, ResultsImports.Round1Options)).ShouldHaveSucceeded();

        var orphans = await api.WithDbAsync(async db =>
        {
            var connection = (Npgsql.NpgsqlConnection)Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("""
                SELECT (SELECT count(*) FROM "CandidateVotes" v WHERE NOT EXISTS (SELECT 1 FROM "StationResults" r WHERE r."ElectionId" = v."ElectionId" AND r."StationId" = v."StationId"))
                     + (SELECT count(*) FROM "CandidateVotes" v WHERE NOT EXISTS (SELECT 1 FROM "Candidates" c WHERE c."Id" = v."CandidateId" AND c."ElectionId" = v."ElectionId"))
                     + (SELECT count(*) FROM "Candidates" c WHERE NOT EXISTS (SELECT 1 FROM "CandidateVotes" v WHERE v."CandidateId" = c."Id")),
                       (SELECT count(*) FROM "CandidateVotes")
                """, connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (Orphans: reader.GetInt64(0), Votes: reader.GetInt64(1));
        });
        orphans.Orphans.ShouldBe(0);
        orphans.Votes.ShouldBe(95 * 10 + 106 * 8);
    }
}
