using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Contracts.Clients.NativeV2;

// CUSTOM: System.Text.Json source generation for every type of the generated NativeV2 client, so that the client (its
// default settings, UpdateJsonSerializerSettings) and the facade read and write bodies without reflection: trim- and
// native-AOT-safe. NSwag cannot emit a context, so it lives here; a type a spec adds must be added to this list
// (ContractsJsonTests checks that every generated type is covered). Metadata mode only: the serializer runs the same
// contract-based code as with reflection, and the settings' converters and modifiers apply as before.
/// <summary>Source-generated serialization metadata for the NativeV2 client's types.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(GenerateRequest))]
[JsonSerializable(typeof(GenerateResponse))]
[JsonSerializable(typeof(FeedAnswer))]
[JsonSerializable(typeof(FeedPage))]
[JsonSerializable(typeof(Clip))]
[JsonSerializable(typeof(ClipMetadata))]
[JsonSerializable(typeof(ClipHistoryEntry))]
[JsonSerializable(typeof(GenerateLyricsRequest))]
[JsonSerializable(typeof(GenerateLyricsResponse))]
[JsonSerializable(typeof(LyricsResult))]
[JsonSerializable(typeof(CreateUploadRequest))]
[JsonSerializable(typeof(UploadCreated))]
[JsonSerializable(typeof(FinishUploadRequest))]
[JsonSerializable(typeof(UploadFinished))]
[JsonSerializable(typeof(UploadStatus))]
[JsonSerializable(typeof(UploadClip))]
[JsonSerializable(typeof(ErrorEnvelope))]
[JsonSerializable(typeof(ICollection<Clip>), TypeInfoPropertyName = "ICollectionClip")]
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
internal sealed partial class NativeV2JsonContext : JsonSerializerContext;
