namespace Contracts.Benchmarks.Infrastructure;

/// <summary>Finds the repository the benchmarks run from: the folder above the program that holds specs/samples/manifest.json.</summary>
public static class Repository
{
    private static readonly Lazy<string> s_root = new(Find);

    /// <summary>The repository root.</summary>
    public static string Root => s_root.Value;

    /// <summary>The repository's specs/ folder (the validator's SpecsDirectory).</summary>
    public static string SpecsDirectory => Path.Combine(Root, "specs");

    /// <summary>The sample corpus, specs/samples/.</summary>
    public static string SamplesDirectory => Path.Combine(Root, "specs", "samples");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "specs", "samples", "manifest.json")) &&
                File.Exists(Path.Combine(dir.FullName, "specs", "task.yaml")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException(
            $"No specs/samples/manifest.json above {AppContext.BaseDirectory}: run the benchmarks from their build output inside the repository.");
    }
}
