using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Music.Wire;

/// <summary>
/// The one tolerant reading of vendor JSON, for every dialect, in two tiers that read the same types.
/// <see cref="Options"/> is what the generated clients deserialize with inside the facade: the generated types as the
/// strict clients read them, except that required members may be missing. An answer that has its spec's types (every
/// real answer in the corpus) is read in that one pass, at the cost of plain deserialization. An answer that does not
/// (a string where a number is, NaN, a number out of range, an object where a string is, an item that is not a clip)
/// fails that pass and is read again from its bytes with <see cref="Drifted"/>, where every member of a generated type
/// has a converter that leaves what it cannot read null and reports <see cref="MusicDrift"/>: the answer is read,
/// never failed, for a member of the wrong type. The generated clients stay strict for their direct users.
/// </summary>
internal static class TolerantJson
{
    private const string GeneratedNamespace = "Contracts.Clients.";

    /// <summary>The first pass: the spec's types, members optional.</summary>
    public static JsonSerializerOptions Options { get; } = Create(drifted: false);

    /// <summary>The second pass, for answers the first could not read: nothing of the wrong type fails the read.</summary>
    public static JsonSerializerOptions Drifted { get; } = Create(drifted: true);

    /// <summary>Reads <paramref name="utf8"/> as <typeparamref name="T"/>: the first pass, and the second where the first fails.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its root is not <typeparamref name="T"/>'s kind.</exception>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, TypeInfo<T>(Options));
        }
        catch (JsonException)
        {
            return DeserializeDrifted<T>(utf8);
        }
    }

    /// <summary>Reads <paramref name="utf8"/> as <typeparamref name="T"/> with the second pass only.</summary>
    /// <exception cref="JsonException">The text is not JSON, or its root is not <typeparamref name="T"/>'s kind.</exception>
    public static T? DeserializeDrifted<T>(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize(utf8, TypeInfo<T>(Drifted));

    /// <summary>
    /// <typeparamref name="T"/>'s metadata in <paramref name="options"/>: source-generated (ContractsJson, WireJson), never
    /// reflected, so the facade is trim- and native-AOT-safe.
    /// </summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create(bool drifted)
    {
        var options = new JsonSerializerOptions
        {
            // The facade's one limit of what JSON is (RawJson, JsonShape and the error path parse to the same depth): an
            // answer nested deeper than 64 levels in a member nobody reads is still read. The recursion is bounded by
            // the generated types' own nesting, not the JSON's (deeper values are skipped iteratively), so a hostile
            // answer cannot exhaust the stack; beyond 256 levels it is not JSON.
            MaxDepth = 256,
            Converters =
            {
                drifted ? new TolerantFeedAnswerConverter() : new Contracts.Clients.NativeV2.FeedAnswerConverter(),
                // The specs' one timestamp rule, as the strict clients read it.
                new Contracts.Clients.VendorDateTimeOffsetConverter(),
            },
            // The generated types' source-generated metadata (no reflection: trim- and native-AOT-safe), and the few
            // types only the facade reads or writes (WireJson), with the same modifiers in the same order.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(Contracts.Clients.ContractsJson.TypeInfoResolver, WireJson.Default)
                .WithAddedModifier(drifted ? MakeTolerant : MakeOptional)
                .WithAddedModifier(drifted ? TaskData.TolerantModifier : TaskData.Modifier)
                // The native page's explicit nulls, as the strict client writes them.
                .WithAddedModifier(Contracts.Clients.NativeV2.GenerateRequestNulls.Modifier),
        };
        options.MakeReadOnly();
        return options;
    }

    private static bool IsGeneratedObject(JsonTypeInfo info) =>
        info.Kind == JsonTypeInfoKind.Object && info.Type.Namespace?.StartsWith(GeneratedNamespace, StringComparison.Ordinal) == true;

    private static void MakeOptional(JsonTypeInfo info)
    {
        if (!ReadOnlyWhatTheFacadeMaps(info))
            return;
        foreach (var property in info.Properties)
            property.IsRequired = false;
    }

    /// <summary>
    /// For a generated type: skips the members the facade never reads (below), and reports every member the spec does
    /// not declare as <see cref="MusicDriftKind.UnknownMember"/> instead of collecting it; false for any other type.
    /// </summary>
    private static bool ReadOnlyWhatTheFacadeMaps(JsonTypeInfo info)
    {
        if (!IsGeneratedObject(info))
            return false;
        var mapped = ClipMembersTheFacadeMaps(info.Type);
        foreach (var property in info.Properties)
        {
            if (property.IsExtensionData)
            {
                // Members the spec does not declare arrive here. The sink reports each one to the drift log of the read
                // in progress and keeps nothing, so an answer without unknown members allocates nothing for them.
                var sink = new UnknownMemberSink(info.Type.Name);
                property.Get = _ => sink;
                // Never called (the getter never returns null), but System.Text.Json reads extension data only into a settable member.
                property.Set = static (_, _) => { };
            }
            else if (mapped is not null && property.AttributeProvider is System.Reflection.MemberInfo member && !mapped.Contains(member.Name))
            {
                // Declared, but not a member the facade maps: without a setter its value is skipped, not read (Raw has it).
                property.Set = null;
            }
        }
        return true;
    }

    /// <summary>
    /// The Suno clip types (<see cref="Contracts.Clients.ISunoClip"/> and its parts) carry some 35 members; the facade
    /// maps the ones its interfaces name, so only those are read into the generated objects and the rest are skipped
    /// (Raw still has them all). A typed clip then costs little more than skipping it. Members the spec does not declare
    /// are not collected into AdditionalProperties (the facade never reads them there, and collecting them costs an
    /// allocation each): they are reported as drift. Null for types that are not clip parts.
    /// </summary>
    private static HashSet<string>? ClipMembersTheFacadeMaps(Type type)
    {
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        // The three interfaces are named here, so the trimmer keeps their properties (no reflection over an unknown type).
        if (typeof(Contracts.Clients.ISunoClip).IsAssignableFrom(type))
            mapped.UnionWith(PropertyNames(typeof(Contracts.Clients.ISunoClip)));
        if (typeof(Contracts.Clients.ISunoClipMetadata).IsAssignableFrom(type))
            mapped.UnionWith(PropertyNames(typeof(Contracts.Clients.ISunoClipMetadata)));
        if (typeof(Contracts.Clients.ISunoClipHistoryEntry).IsAssignableFrom(type))
            mapped.UnionWith(PropertyNames(typeof(Contracts.Clients.ISunoClipHistoryEntry)));
        return mapped.Count == 0 ? null : mapped;
    }

    private static IEnumerable<string> PropertyNames([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type contract) =>
        contract.GetProperties().Select(p => p.Name);

    private static void MakeTolerant(JsonTypeInfo info)
    {
        if (!ReadOnlyWhatTheFacadeMaps(info))
            return;
        foreach (var property in info.Properties)
        {
            property.IsRequired = false;
            if (property.CustomConverter is null && property.Set is not null)
                property.CustomConverter = ConverterFor(property.PropertyType, $"{info.Type.Name}.{property.Name}");
        }
    }

    /// <summary>The tolerant converter for a member of <paramref name="type"/>; null where the default one cannot fail.</summary>
    internal static JsonConverter? ConverterFor(Type type, string member)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(System.Text.Json.Nodes.JsonNode)) return TolerantNode.Instance;
        if (underlying == typeof(string)) return new TolerantString(member);
        if (underlying == typeof(int)) return Scalar<int>(type, member);
        if (underlying == typeof(long)) return Scalar<long>(type, member);
        if (underlying == typeof(double)) return Scalar<double>(type, member);
        if (underlying == typeof(bool)) return Scalar<bool>(type, member);
        if (underlying == typeof(DateTimeOffset)) return Scalar<DateTimeOffset>(type, member);
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            var arguments = type.GetGenericArguments();
            if ((definition == typeof(ICollection<>) || definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>)) && IsReadable(arguments[0]))
                return (JsonConverter)Activator.CreateInstance(typeof(TolerantList<>).MakeGenericType(arguments[0]), member)!;
            if ((definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)) && arguments[0] == typeof(string) && IsReadable(arguments[1]))
                return (JsonConverter)Activator.CreateInstance(typeof(TolerantMap<>).MakeGenericType(arguments[1]), member)!;
            return null;
        }
        if (IsGenerated(type))
            return (JsonConverter)Activator.CreateInstance(typeof(TolerantObject<>).MakeGenericType(type), member)!;
        return null;
    }

    private static bool IsGenerated(Type type) =>
        type.IsClass && type.Namespace?.StartsWith(GeneratedNamespace, StringComparison.Ordinal) == true && !typeof(System.Collections.IEnumerable).IsAssignableFrom(type);

    private static bool IsReadable(Type item) => item == typeof(string) || IsGenerated(item);

    private static JsonConverter Scalar<T>(Type declared, string member) where T : struct =>
        Nullable.GetUnderlyingType(declared) is null ? new TolerantValue<T>(member) : new TolerantNullable<T>(member);
}
