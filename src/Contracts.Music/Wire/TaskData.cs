using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TaskApi = Contracts.Clients.TaskApi;

namespace Contracts.Music.Wire;

/// <summary>
/// The task dialect's <c>data</c> member typed in the same read. The spec leaves <c>SunoTask.data</c> untyped on purpose
/// (its shapes are in <c>x-contracts-shapes</c>: clips for MUSIC, a lyrics result for LYRICS; NSwag would type a oneOf
/// by its first branch), so the generated property is a <see cref="System.Text.Json.Nodes.JsonNode"/>. Inside the
/// facade, tasks are created as <see cref="TypedSunoTask"/> and <c>data</c> is read straight into the generated
/// <c>Clip</c> or <c>LyricsResult</c> types: no JSON tree, no second parse.
/// </summary>
internal static class TaskData
{
    /// <summary>For the first pass: <c>data</c> of the spec's shapes, or the read fails.</summary>
    public static void Modifier(JsonTypeInfo info) => Modify(info, new DataConverter(tolerant: false));

    /// <summary>For the second pass: what is not a shape is null (drift).</summary>
    public static void TolerantModifier(JsonTypeInfo info) => Modify(info, new DataConverter(tolerant: true));

    private static void Modify(JsonTypeInfo info, DataConverter converter)
    {
        if (info.Type != typeof(TaskApi.SunoTask))
            return;
        info.CreateObject = static () => new TypedSunoTask();
        for (var i = 0; i < info.Properties.Count; i++)
        {
            if (info.Properties[i].Name != "data")
                continue;
            // JsonMetadataServices, not JsonTypeInfo.CreateJsonPropertyInfo(typeof(object), "data"): the same member
            // without reflection (trim- and native-AOT-safe).
            var typed = JsonMetadataServices.CreatePropertyInfo(info.Options, new JsonPropertyInfoValues<object?>
            {
                IsProperty = true,
                IsPublic = true,
                DeclaringType = typeof(TaskApi.SunoTask),
                PropertyName = "data",
                JsonPropertyName = "data",
            });
            typed.CustomConverter = converter;
            typed.Get = static task => (task as TypedSunoTask)?.TypedData;
            typed.Set = static (task, value) => ((TypedSunoTask)task).TypedData = value;
            info.Properties[i] = typed;
        }
    }

    /// <summary>An array of clips (MUSIC), a lyrics result object (LYRICS), or null/empty while running or on failure.</summary>
    private sealed class DataConverter(bool tolerant) : JsonConverter<object?>
    {
        private static readonly TolerantList<TaskApi.Clip> s_clips = new("SunoTask.data");
        private static readonly TolerantObject<TaskApi.LyricsResult> s_lyrics = new("SunoTask.data");

        public override bool HandleNull => true;

        public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => (reader.TokenType, tolerant) switch
        {
            (JsonTokenType.Null, _) => null,
            (JsonTokenType.StartArray, false) => JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<List<TaskApi.Clip>>)options.GetTypeInfo(typeof(List<TaskApi.Clip>))),
            (JsonTokenType.StartObject, false) => JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<TaskApi.LyricsResult>)options.GetTypeInfo(typeof(TaskApi.LyricsResult))),
            (_, false) => throw new JsonException($"SunoTask.data is an array of clips, a lyrics object or null, not {reader.TokenType}."),
            (JsonTokenType.StartArray, true) => s_clips.Read(ref reader, typeof(ICollection<TaskApi.Clip?>), options),
            _ => s_lyrics.Read(ref reader, typeof(TaskApi.LyricsResult), options),
        };

        public override void Write(Utf8JsonWriter writer, object? value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value?.GetType() ?? typeof(object)));
    }
}

/// <summary>A task dialect task whose <c>data</c> was read typed (see <see cref="TaskData"/>).</summary>
internal sealed class TypedSunoTask : TaskApi.SunoTask
{
#pragma warning disable CS8618 // Does not apply: the deserializer sets the members an answer has, a missing one stays null by design (tolerant reading), and the normalizer reads every member as nullable.
    [SetsRequiredMembers]
    public TypedSunoTask()
    {
    }
#pragma warning restore CS8618

    /// <summary>The clips (<see cref="ICollection{T}"/> of <see cref="TaskApi.Clip"/>, unreadable items null), the lyrics result, or null.</summary>
    public object? TypedData { get; set; }
}

/// <summary>
/// getFeed's answer, a bare array of clips or a page object <c>{clips, ...}</c>, as the collection of its clips: the
/// tolerant form of the strict client's <c>FeedAnswerConverter</c> (an item that is not a clip is a null item).
/// </summary>
internal sealed class TolerantFeedAnswerConverter : JsonConverter<ICollection<Contracts.Clients.NativeV2.Clip>>
{
    private static readonly TolerantList<Contracts.Clients.NativeV2.Clip> s_clips = new("FeedAnswer");

    public override ICollection<Contracts.Clients.NativeV2.Clip>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.StartArray => (ICollection<Contracts.Clients.NativeV2.Clip>?)s_clips.Read(ref reader, typeToConvert, options),
        // FeedPage.clips is read by its own member converter.
        JsonTokenType.StartObject => JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<Contracts.Clients.NativeV2.FeedPage>)options.GetTypeInfo(typeof(Contracts.Clients.NativeV2.FeedPage)))?.Clips,
        JsonTokenType.Null => null,
        _ => throw new JsonException($"A feed answer is an array of clips or a page object with 'clips', not {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, ICollection<Contracts.Clients.NativeV2.Clip> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.ToList(), TolerantJson.TypeInfo<List<Contracts.Clients.NativeV2.Clip>>(options));
}
