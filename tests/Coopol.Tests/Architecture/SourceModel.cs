using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Coopol.Tests.Architecture;

/// <summary>The application's own source, compiled with Roslyn so the architecture rules can ask what each name
/// refers to: the library, then each host against it. Extra sources (a planted violation) can be added to the library.</summary>
public sealed class SourceModel
{
    private static readonly string[] LibraryUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];
    private static readonly string[] WebUsings =
    [
        .. LibraryUsings, "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];
    private static readonly string[] WorkerUsings =
    [
        .. LibraryUsings, "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting",
        "Microsoft.Extensions.Logging",
    ];

    public static string RepoRoot { get; } = FindRepoRoot();

    public required CSharpCompilation Library { get; init; }
    public required CSharpCompilation Api { get; init; }
    public required CSharpCompilation Jobs { get; init; }

    public IEnumerable<(CSharpCompilation Compilation, SyntaxTree Tree)> OwnTrees =>
        new[] { Library, Api, Jobs }.SelectMany(c => c.SyntaxTrees.Where(t => t.FilePath.Length > 0).Select(t => (c, t)));

    private static readonly Lazy<SourceModel> Real = new(() => Compile());

    public static SourceModel Load() => Real.Value;

    /// <summary>The real sources, plus planted ones (path, text) in the library.</summary>
    public static SourceModel Compile(params (string Path, string Text)[] planted)
    {
        var references = References();
        var library = Project("Coopol", Path.Combine(RepoRoot, "api", "Coopol"), LibraryUsings, references, [], planted);
        var libraryReference = library.ToMetadataReference();
        return new SourceModel
        {
            Library = library,
            Api = Project("Coopol.Api", Path.Combine(RepoRoot, "api", "Coopol.Api"), WebUsings, references, [libraryReference], []),
            Jobs = Project("Coopol.Jobs", Path.Combine(RepoRoot, "jobs", "Coopol.Jobs"), WorkerUsings, references, [libraryReference], []),
        };
    }

    /// <summary>Errors other than the partial methods that source generators fill in ([GeneratedRegex]): the rules
    /// are only trusted on code that binds.</summary>
    public IEnumerable<Diagnostic> BindingErrors => new[] { Library, Api, Jobs }
        .SelectMany(c => c.GetDiagnostics())
        .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS8795");

    private static CSharpCompilation Project(string name, string directory, string[] usings, IReadOnlyList<MetadataReference> references,
        IReadOnlyList<MetadataReference> projects, (string Path, string Text)[] planted)
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))
            .Concat(planted.Select(p => CSharpSyntaxTree.ParseText(p.Text, options, Path.Combine(directory, p.Path))))
            .Append(CSharpSyntaxTree.ParseText(string.Concat(usings.Select(u => $"global using global::{u};\n")), options, ""))
            .ToList();
        var kind = name == "Coopol" ? OutputKind.DynamicallyLinkedLibrary : OutputKind.ConsoleApplication;
        return CSharpCompilation.Create(name, trees, [.. references, .. projects],
            new CSharpCompilationOptions(kind, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The framework and every package the test binaries carry (the app's own assemblies are compiled from source).</summary>
    private static IReadOnlyList<MetadataReference> References()
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var packages = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll");
        return framework.Concat(packages)
            .Where(f => !Path.GetFileName(f).StartsWith("Coopol", StringComparison.Ordinal))
            .GroupBy(Path.GetFileName).Select(g => g.First())
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Coopol.sln not found above the test binaries.");
    }
}
