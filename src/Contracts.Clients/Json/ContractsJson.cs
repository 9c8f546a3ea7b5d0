using System.Text.Json.Serialization.Metadata;

namespace Contracts.Clients;

// CUSTOM: one resolver over the four generated clients' source-generated contexts (Json/*JsonContext.cs), for readers
// that serialize the generated types with their own JsonSerializerOptions (the facade's tolerant reader, or an
// application that passes its own options to a client's constructor) and must stay trim- and native-AOT-safe.
/// <summary>
/// The System.Text.Json metadata of every type the four generated clients read and write, generated at build time
/// (no reflection): set it as <see cref="System.Text.Json.JsonSerializerOptions.TypeInfoResolver"/> of options given
/// to a client's constructor in a trimmed or native AOT application. The clients' own default settings use it already.
/// </summary>
public static class ContractsJson
{
    /// <summary>Resolves the generated types of the GoAmz v3.5, GoAmz v3.0, task and native v2 clients.</summary>
    public static IJsonTypeInfoResolver TypeInfoResolver { get; } = JsonTypeInfoResolver.Combine(
        GoAmzV35.GoAmzV35JsonContext.Default,
        GoAmzV30.GoAmzV30JsonContext.Default,
        TaskApi.TaskApiJsonContext.Default,
        NativeV2.NativeV2JsonContext.Default);
}
