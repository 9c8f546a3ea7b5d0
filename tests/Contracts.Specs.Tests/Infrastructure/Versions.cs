using System.Text.RegularExpressions;

namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>The package version, read from its one place: VersionPrefix in Directory.Build.props.</summary>
internal static partial class Versions
{
    public static string PackageVersion { get; } =
        VersionPrefix().Match(File.ReadAllText(System.IO.Path.Combine(Repository.Root, "Directory.Build.props"))) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException("Directory.Build.props has no <VersionPrefix>.");

    [GeneratedRegex(@"<VersionPrefix>([^<]+)</VersionPrefix>")]
    private static partial Regex VersionPrefix();
}
