namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "specs");

    /// <summary>The published specs: <c>specs/*.yaml</c> at the top level (baselines and samples are in subfolders).</summary>
    public static IReadOnlyList<string> SpecNames { get; } = Directory.GetFiles(Path.Combine(Root, "specs"), "*.yaml")
        .Select(file => Path.GetFileNameWithoutExtension(file)!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>The build configuration these tests were built in, which is what the projects they pack were built in.</summary>
    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Contracts.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}
