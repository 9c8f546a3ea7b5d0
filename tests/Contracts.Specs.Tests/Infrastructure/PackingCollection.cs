namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>
/// The test classes that run `dotnet pack --no-build` (<see cref="PackedPackages"/>, <see cref="InstalledTool"/>): one
/// collection, so they never pack at once. Two packs of one project share its obj/ and publish folders.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection
{
    public const string Name = "dotnet pack";
}
