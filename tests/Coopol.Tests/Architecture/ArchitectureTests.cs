using Coopol.Data;
using Coopol.Tests.Infrastructure;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Coopol.Tests.Architecture;

/// <summary>The codebase's nevers hold, and each rule catches a planted violation (so a passing rule is not a blind one).</summary>
[Collection(ApiCollection.Name)]
public sealed class ArchitectureTests(ApiFixture api)
{
    [Fact]
    public void TheSourceCompilesForAnalysis() =>
        SourceModel.Load().BindingErrors.Select(d => d.ToString()).ShouldBeEmpty();

    [Fact]
    public void PersonalDataIsReadOnlyThroughItsScopedPath() =>
        ArchitectureRules.UnscopedPersonalDataReads(SourceModel.Load()).ShouldBeEmpty();

    [Fact]
    public void APlantedReadOfPeopleOutsideTheScopedPathFails()
    {
        var planted = SourceModel.Compile(("Features/PartyTree/Planted.cs", """
            namespace Coopol.Features.PartyTree;
            public sealed class PlantedLeak(Coopol.Data.CoopolDbContext db)
            {
                public int CountEveryone() => db.People.Count();
                public object Consents() => db.Set<Coopol.Features.People.ConsentRecord>().ToList();
                public void Write(Coopol.Features.People.Person p) => db.People.Add(p);
            }
            """));
        var violations = ArchitectureRules.UnscopedPersonalDataReads(planted).ToList();
        violations.Count.ShouldBe(2, string.Join("\n", violations));
        violations.ShouldContain(v => v.Contains("Planted.cs:4") && v.Contains("PlantedLeak reads Person"));
        violations.ShouldContain(v => v.Contains("Planted.cs:5") && v.Contains("reads ConsentRecord"));
    }

    [Fact]
    public void CommonAccessAndGeoNameNoFeature() =>
        ArchitectureRules.FeatureReferencesBelowTheFeatures(SourceModel.Load()).ShouldBeEmpty();

    [Fact]
    public void APlantedFeatureReferenceInCommonFails()
    {
        var planted = SourceModel.Compile(("Common/Planted.cs", """
            namespace Coopol.Common;
            public static class PlantedShortcut
            {
                public static string Node => Coopol.Features.People.PersonService.NodeType;
            }
            """));
        ArchitectureRules.FeatureReferencesBelowTheFeatures(planted).ShouldContain(v => v.Contains("Planted.cs:4") && v.Contains("Coopol.Features.People"));
    }

    [Fact]
    public void NeitherHostReferencesTheOtherAndTheLibraryReferencesNeither()
    {
        var built = new[] { typeof(CoopolDbContext).Assembly, typeof(Program).Assembly };
        ArchitectureRules.HostReferences(SourceModel.RepoRoot, built).ShouldBeEmpty();

        // Planted: a copy of the repository's project files where the API references the worker.
        var copy = Directory.CreateTempSubdirectory("coopol-arch-");
        try
        {
            foreach (var project in new[] { "api/Coopol/Coopol.csproj", "api/Coopol.Api/Coopol.Api.csproj", "jobs/Coopol.Jobs/Coopol.Jobs.csproj" })
            {
                var target = Path.Combine(copy.FullName, project);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(SourceModel.RepoRoot, project), target);
            }
            var apiProject = Path.Combine(copy.FullName, "api/Coopol.Api/Coopol.Api.csproj");
            File.WriteAllText(apiProject, File.ReadAllText(apiProject).Replace("</Project>",
                "<ItemGroup><ProjectReference Include=\"../../jobs/Coopol.Jobs/Coopol.Jobs.csproj\" /></ItemGroup></Project>"));
            ArchitectureRules.HostReferences(copy.FullName, []).ShouldBe(["Coopol.Api.csproj references Coopol.Jobs"]);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [Fact]
    public void EveryListOfNodesIsAConnection() =>
        ArchitectureRules.NodeListsThatAreNotConnections(api.Factory.Services.GetRequiredService<CoopolSchema>()).ShouldBeEmpty();

    [Fact]
    public void APlantedListOfNodesFails()
    {
        var schema = new Schema { Query = new PlantedQuery() };
        schema.RegisterType(new Coopol.Common.GraphQL.NodeInterface());
        schema.Initialize();
        ArchitectureRules.NodeListsThatAreNotConnections(schema).ShouldBe(["Query.things is a list of Thing, not a connection"]);
    }

    [Fact]
    public async Task EveryTableDeclaresWhetherItHoldsPersonalData()
    {
        (await api.WithDbAsync(db => Task.FromResult(ArchitectureRules.UnclassifiedTables(db).ToList()))).ShouldBeEmpty();
    }

    private sealed class PlantedQuery : ObjectGraphType
    {
        public PlantedQuery()
        {
            Name = "Query";
            Field<ListGraphType<ThingType>>("things").Resolve(_ => Array.Empty<object>());
        }
    }

    private sealed class ThingType : ObjectGraphType<object>
    {
        public ThingType()
        {
            Name = "Thing";
            Interface<Coopol.Common.GraphQL.NodeInterface>();
            Field<NonNullGraphType<IdGraphType>>("id").Resolve(_ => "x");
        }
    }
}
