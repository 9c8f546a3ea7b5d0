namespace Contracts.Validation.Tests;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "specs");

    public static string Samples => Path.Combine(Root, "specs", "samples");

    /// <summary>One validator for the whole test run: specs are parsed once.</summary>
    public static ContractValidator Validator { get; } = new(new ContractValidatorOptions { SpecsDirectory = Specs });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Contracts.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Contracts.sln not found above " + AppContext.BaseDirectory);
    }
}
