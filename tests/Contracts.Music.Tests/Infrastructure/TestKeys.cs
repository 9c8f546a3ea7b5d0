namespace Contracts.Music.Tests.Infrastructure;

internal static class TestKeys
{
    /// <summary>A key shaped like a real one, so a test can prove it never leaks into messages.</summary>
    public const string ApiKey = "sk-test-5f2c9a1e7b3d4c6f8a0b";
}
