namespace Coopol.Tests.Infrastructure;

/// <summary>The real published files of <c>../shared/data</c> (seen from the repository root), read as they are. Tests
/// that need bad input make it from these files in a <see cref="TempFolder"/>, never from a hand-edited copy.</summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string File(params string[] parts)
    {
        var path = Path.Combine([Folder, .. parts]);
        System.IO.File.Exists(path).ShouldBeTrue($"The shared data file {path} is missing (see ../shared/data/README.md).");
        return path;
    }

    public static string Results2024Round1 => File("results", "legislatives-2024-t1-finistere-circo-2902-2903-par-bureau.csv");
    public static string Results2024Round2 => File("results", "legislatives-2024-t2-finistere-circo-2902-2903-par-bureau.csv");
    public static string Brest2022Round1(string constituency) => File("results", $"legislatives-2022-t1-brest-circo-{constituency}-par-bureau-ville.csv");
    public static string OfficialCommunes => File("reference", "communes.json");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Coopol.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Coopol.sln not found above the test binaries.");
    }
}

/// <summary>A temporary folder for variants of the real files made by a test; deleted with it.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("coopol-import-test-").FullName;

    public string Write(string name, string text, System.Text.Encoding? encoding = null)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(path, text, encoding ?? new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public string Write(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string Copy(string source, string? name = null)
    {
        var path = System.IO.Path.Combine(Path, name ?? System.IO.Path.GetFileName(source));
        System.IO.File.Copy(source, path);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
