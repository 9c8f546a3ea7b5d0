using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Music.Wire;

/// <summary>
/// The one tolerant reading of vendor JSON, for every dialect: the generated clients deserialize with these options
/// inside the facade. Every member of a generated type gets a converter that reads what the spec says is there and, for
/// anything else (a string where a number is, NaN, a number out of range, an object where a string is), leaves the
/// member null and reports <see cref="MusicDrift"/> instead of failing the whole answer. Required members may be
/// missing. The generated clients stay strict for their direct users.
/// </summary>
internal static class TolerantJson
{
    private const string GeneratedNamespace = "Contracts.Clients.";

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            // Deep enough for any real answer, shallow enough that a hostile one cannot exhaust the stack.
            MaxDepth = 64,
            Converters = { new TolerantFeedAnswerConverter() },
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers =
                {
                    MakeTolerant,
                    TaskData.Modifier,
                    // The native page's explicit nulls, as the strict client writes them.
                    Contracts.Clients.NativeV2.GenerateRequestNulls.Modifier,
                },
            },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void MakeTolerant(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith(GeneratedNamespace, StringComparison.Ordinal) != true)
            return;
        foreach (var property in info.Properties)
        {
            property.IsRequired = false;
            if (property.CustomConverter is null && property.Set is not null)
                property.CustomConverter = ConverterFor(property.PropertyType, $"{info.Type.Name}.{property.Name}");
        }
    }

    /// <summary>The tolerant converter for a member of <paramref name="type"/>; null where anything goes (raw JSON members).</summary>
    internal static JsonConverter? ConverterFor(Type type, string member)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
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
