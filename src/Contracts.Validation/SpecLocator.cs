namespace Contracts.Validation;

/// <summary>Finds the repository's specs/ folder when none is configured.</summary>
internal static class SpecLocator
{
    public static string? Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "specs");
                if (File.Exists(Path.Combine(candidate, "task.yaml")))
                {
                    return candidate;
                }
            }
        }
        return null;
    }
}
