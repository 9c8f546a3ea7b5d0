namespace Contracts.Clients.Tests.Infrastructure;

/// <summary>The vendor pages' example payloads under specs/samples/, copied next to the test assembly.</summary>
internal static class Samples
{
    public static string Read(string dialectFolder, string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", dialectFolder, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Sample specs/samples/{dialectFolder}/{fileName} is missing.", path);
        }
        return File.ReadAllText(path);
    }
}
