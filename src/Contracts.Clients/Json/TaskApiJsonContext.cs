using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Contracts.Clients.TaskApi;

// CUSTOM: System.Text.Json source generation for every type of the generated TaskApi client, so that the client (its
// default settings, UpdateJsonSerializerSettings) and the facade read and write bodies without reflection: trim- and
// native-AOT-safe. NSwag cannot emit a context, so it lives here; a type a spec adds must be added to this list
// (ContractsJsonTests checks that every generated type is covered). Metadata mode only: the serializer runs the same
// contract-based code as with reflection, and the settings' converters and modifiers apply as before.
/// <summary>Source-generated serialization metadata for the TaskApi client's types.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SubmitMusicRequest))]
[JsonSerializable(typeof(SubmitLyricsRequest))]
[JsonSerializable(typeof(FetchTasksRequest))]
[JsonSerializable(typeof(SubmitResponse))]
[JsonSerializable(typeof(TaskEnvelope))]
[JsonSerializable(typeof(TaskListEnvelope))]
[JsonSerializable(typeof(SunoTask))]
[JsonSerializable(typeof(LyricsResult))]
[JsonSerializable(typeof(Clip))]
[JsonSerializable(typeof(ClipMetadata))]
[JsonSerializable(typeof(ClipHistoryEntry))]
[JsonSerializable(typeof(RelayError))]
[JsonSerializable(typeof(RelayErrorDetail))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(Metadata))]
[JsonSerializable(typeof(List<Clip>), TypeInfoPropertyName = "ListClip")]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(DateTimeOffset))]
internal sealed partial class TaskApiJsonContext : JsonSerializerContext;
