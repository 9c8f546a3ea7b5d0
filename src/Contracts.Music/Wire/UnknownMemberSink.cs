using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace Contracts.Music.Wire;

/// <summary>
/// Stands in for a generated type's <c>AdditionalProperties</c> (its JSON extension data) inside the facade: each
/// member the spec does not declare is reported to the drift log of the read in progress as
/// <see cref="MusicDriftKind.UnknownMember"/> (<c>SunoTask.queue_position</c>) and dropped. It holds nothing, so one
/// instance per generated type serves every read.
/// </summary>
internal sealed class UnknownMemberSink(string typeName) : IDictionary<string, object>
{
    public object this[string key]
    {
        get => throw new KeyNotFoundException(key);
        set => Report(key, value);
    }

    public void Add(string key, object value) => Report(key, value);

    public void Add(KeyValuePair<string, object> item) => Report(item.Key, item.Value);

    private void Report(string key, object? value) =>
        DriftLog.Report($"{typeName}.{key}", MusicDriftKind.UnknownMember, value is JsonElement element ? Describe(element) : value is null ? "null" : "a value", "no such member in the spec");

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "array",
        _ => "object",
    };

    // Nothing is kept: the sink is always empty.
    public ICollection<string> Keys => [];

    public ICollection<object> Values => [];

    public int Count => 0;

    public bool IsReadOnly => false;

    public bool ContainsKey(string key) => false;

    public bool Remove(string key) => false;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object value)
    {
        value = null;
        return false;
    }

    public void Clear()
    {
    }

    public bool Contains(KeyValuePair<string, object> item) => false;

    public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex)
    {
    }

    public bool Remove(KeyValuePair<string, object> item) => false;

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, object>>().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
