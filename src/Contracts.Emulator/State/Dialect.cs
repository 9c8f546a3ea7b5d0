namespace Contracts.Emulator.State;

/// <summary>The four vendor dialects the emulator speaks, one per spec file.</summary>
internal enum Dialect
{
    GoAmzV35,
    GoAmzV30,
    Task,
    NativeV2,
}

internal static class DialectNames
{
    /// <summary>The spec file name without extension, which is also how rules and validators name a dialect.</summary>
    public static string SpecName(this Dialect dialect) => dialect switch
    {
        Dialect.GoAmzV35 => "goamz-v3.5",
        Dialect.GoAmzV30 => "goamz-v3.0",
        Dialect.Task => "task",
        Dialect.NativeV2 => "native-v2",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
    };

    public static bool IsGoAmz(this Dialect dialect) => dialect is Dialect.GoAmzV35 or Dialect.GoAmzV30;
}
