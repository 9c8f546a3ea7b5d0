using System.Text.Json.Serialization;

namespace Contracts.Music.Wire;

/// <summary>
/// Source-generated metadata (no reflection: trim- and native-AOT-safe) for what the facade's tolerant reader writes or
/// reads beyond the generated clients' own types (<see cref="Contracts.Clients.ContractsJson"/>): the scalars its
/// converters write with default options (<see cref="Tolerant.Strict"/>).
/// Metadata mode: the serializer runs the same contract-based code as with reflection.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
[JsonSerializable(typeof(object))]
internal sealed partial class WireJson : JsonSerializerContext;
