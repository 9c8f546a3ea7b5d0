using System.Runtime.CompilerServices;

namespace Contracts.Cli.Tests;

/// <summary>
/// Keeps the tests' embedded emulators out of the user's data folder: CONTRACTS_STATE points every in-process run and
/// every child process (they inherit it) at one state file in a temporary folder of this test run.
/// </summary>
internal static class TestState
{
    public static string Path { get; private set; } = "";

    [ModuleInitializer]
    internal static void PointAtATemporaryFile()
    {
        var folder = Directory.CreateTempSubdirectory("contracts-cli-state-").FullName;
        Path = System.IO.Path.Combine(folder, "emulator-state.json");
        Environment.SetEnvironmentVariable("CONTRACTS_STATE", Path);
    }
}
