using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Clients.Tests.Infrastructure;

/// <summary>
/// Finds JSON members that a generated type did not know (they land in its AdditionalProperties), to prove that every
/// field a vendor page shows is in the spec.
/// </summary>
internal static class UnknownFields
{
    /// <summary>The JSON paths of members that landed in an AdditionalProperties bag anywhere in <paramref name="value"/>.</summary>
    public static List<string> In(object? value)
    {
        var found = new List<string>();
        Walk(value, "$", found);
        return found;
    }

    /// <summary>
    /// The client's settings, but with required members optional: a coverage check must read the pages' own examples
    /// even where they leave out a field the page's table marks required.
    /// </summary>
    public static JsonSerializerOptions Lenient(JsonSerializerOptions clientSettings)
    {
        var options = new JsonSerializerOptions(clientSettings)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver
            {
                Modifiers = { info => { foreach (var property in info.Properties) property.IsRequired = false; } },
            },
        };
        return options;
    }

    private static void Walk(object? value, string path, List<string> found)
    {
        switch (value)
        {
            case null or string or JsonElement or System.Text.Json.Nodes.JsonNode:
                return;
            case IDictionary dictionary:
                foreach (DictionaryEntry entry in dictionary) Walk(entry.Value, $"{path}.{entry.Key}", found);
                return;
            case IEnumerable sequence:
                var index = 0;
                foreach (var item in sequence) Walk(item, $"{path}[{index++}]", found);
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsValueType) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var propertyValue = property.GetValue(value);
            if (property.Name == "AdditionalProperties" && propertyValue is IDictionary<string, object> extra)
            {
                found.AddRange(extra.Keys.Select(key => $"{path}.{key}"));
                continue;
            }
            var jsonName = property.GetCustomAttribute<System.Text.Json.Serialization.JsonPropertyNameAttribute>()?.Name ?? property.Name;
            Walk(propertyValue, $"{path}.{jsonName}", found);
        }
    }
}
