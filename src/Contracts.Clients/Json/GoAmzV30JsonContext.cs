using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Contracts.Clients.GoAmzV30;

// CUSTOM: System.Text.Json source generation for every type of the generated GoAmzV30 client, so that the client (its
// default settings, UpdateJsonSerializerSettings) and the facade read and write bodies without reflection: trim- and
// native-AOT-safe. NSwag cannot emit a context, so it lives here; a type a spec adds must be added to this list
// (ContractsJsonTests checks that every generated type is covered). Metadata mode only: the serializer runs the same
// contract-based code as with reflection, and the settings' converters and modifiers apply as before.
/// <summary>Source-generated serialization metadata for the GoAmzV30 client's types.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(MusicSubmitRequest))]
[JsonSerializable(typeof(MusicSubmitInput))]
[JsonSerializable(typeof(TaskIdEnvelope))]
[JsonSerializable(typeof(TaskIdResult))]
[JsonSerializable(typeof(SunoTaskEnvelope))]
[JsonSerializable(typeof(SunoTask))]
[JsonSerializable(typeof(Clip))]
[JsonSerializable(typeof(ClipMetadata))]
[JsonSerializable(typeof(ClipHistoryEntry))]
[JsonSerializable(typeof(MusicInputEcho))]
[JsonSerializable(typeof(MusicInputEchoInput))]
[JsonSerializable(typeof(MusicConcatRequest))]
[JsonSerializable(typeof(LyricsSubmitRequest))]
[JsonSerializable(typeof(LyricsTaskEnvelope))]
[JsonSerializable(typeof(LyricsTask))]
[JsonSerializable(typeof(LyricsTaskMetadata))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class GoAmzV30JsonContext : JsonSerializerContext;
