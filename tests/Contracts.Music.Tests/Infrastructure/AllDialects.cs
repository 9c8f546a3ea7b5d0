namespace Contracts.Music.Tests.Infrastructure;

/// <summary>Theory data: every dialect the facade speaks, for tests that run once per dialect.</summary>
public static class AllDialects
{
    public static TheoryData<MusicDialect> Data() => new(Enum.GetValues<MusicDialect>());
}
