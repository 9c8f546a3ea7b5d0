using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>
/// Makes a fuzz case from a seed: picks the sample (<c>seed mod samples</c>, so consecutive seeds go round the corpus),
/// then applies one to four mutations drawn from a <see cref="Random"/> seeded with the case's seed. Mutations of the
/// JSON tree come first (type flips, deletions, nulls, huge and non-finite numbers, deep nesting, long strings, escaped
/// lone surrogates, duplicate and re-spelled keys, wrapping, moving values about), then mutations of the text (a BOM,
/// truncation, stray characters, raw lone surrogates, trailing garbage, escapes), then, for the stream APIs only,
/// mutations of the UTF-8 bytes (bit flips, invalid UTF-8, cuts inside a character).
/// </summary>
/// <remarks>
/// What cannot be expressed as a <see cref="JsonNode"/> (numbers beyond double, nesting deeper than the writer allows,
/// duplicate keys, escapes) is written as a placeholder string and replaced by its raw text after serialization.
/// </remarks>
internal static class JsonMutator
{
    private const string Marker = "__fuzz_raw_";

    private static readonly string[] s_strings =
    [
        "", " ", "x", "120", "-1", "3.5", "1e400", "NaN", "Infinity", "-Infinity", "true", "null", "[]", "{}", "50%", "100%", "999999999999%", "-5%",
        "2024-04-18T14:29:31.760Z", "2025-12-09 10:54:16", "9999-12-31T23:59:59.9999999+14:00", "0001-01-01T00:00:00-14:00", "2024-02-30T00:00:00Z",
        "2024-04-18T14:29:31.123456789Z", "http://example.com/a.mp3", "https://cdn1.suno.ai/x.mp4", "//relative/path", "/relative", "not a url", "http://[::1",
        "complete", "error", "streaming", "queued", "SUCCESS", "FAILURE", "IN_PROGRESS", "success", "MUSIC", "LYRICS", "chirp-v3-5", "a,b,,c", " , ",
        "{\"mv\":\"chirp-v4\"}", "{\"input\":{\"mv\":1}}", "{\"mv\":", "[1,2]", "\"quoted\"", "\u0000", "\u4e2d\u6587", "\ud83c\udfb5", "\u202e",
    ];

    private static readonly string[] s_numbers =
    [
        "0", "-0", "-0.0", "1", "-1", "42", "3.5", "0.1", "1E+2", "1e10", "2147483647", "2147483648", "-2147483649", "1713450571", "1713450571000",
        "253402300799", "253402300800", "253402300799999", "253402300800000", "99999999999999999", "1e300", "-1e300", "1e400", "-1e400",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "18446744073709551616", "1e-400", "4.9e-324",
        "1.7976931348623157e308", "922337203685.4775807", "922337203685.477", "922337203685.4775", "-922337203686", "79228162514264337593543950336",
        "0.00000000000000000000000000001", "123456789012345678901234567890.5",
    ];

    private static readonly string[] s_names =
    [
        "code", "message", "data", "task_id", "status", "clips", "id", "title", "audio_url", "video_url", "image_url", "image_large_url", "metadata",
        "duration", "tags", "prompt", "gpt_description_prompt", "error_message", "history", "continue_at", "created_at", "model_name",
        "major_model_version", "progress", "submit_time", "start_time", "finish_time", "fail_reason", "action", "detail", "text", "input", "mv",
        "error", "type", "msg", "", "x",
    ];

    private static readonly string[] s_loneSurrogateStrings =
    [
        "\"\\ud800\"", "\"a\\udfffb\"", "\"\\ud83d\"", "\"\\udc00\\ud800\"", "\"\\ud83d\\ud83d\\ude00\"", "\"x\\uDBFF\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"",
        "\"\\uFFFF\\uFFFE\"",
    ];

    private static readonly string[] s_strayChars =
    [
        "{", "}", "[", "]", ":", ",", "\"", "\\", "/", "0", "1", "-", ".", "e", "E", "n", "t", "f", "a", " ", "\t", "\n", "\r", "\0", "\u001f", "\u00e9",
        "\u4e2d", "\ud83c\udfb5", "\u2028", "\uFEFF",
    ];

    private static readonly string[] s_trailing = [",", "}", "]", " ", "\n", "//c", "/*c*/", "\0", "x", "{}", "[]", "1", "null", "\"s\"", "\uFEFF"];

    private static readonly byte[][] s_invalidUtf8 =
    [
        [0xFF], [0xFE], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE4, 0xB8],
        [0xF0, 0x9F, 0x8E], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xC2], [0xEF, 0xBB],
    ];

    private enum Stage
    {
        Tree,
        Text,
        Bytes,
    }

    /// <summary>The case of <paramref name="seed"/>.</summary>
    /// <param name="seed">The case's seed.</param>
    /// <param name="samples">The samples to start from; the case's is <c>samples[seed mod count]</c>.</param>
    /// <param name="mutateBytes">Whether byte mutations may be drawn (the stream APIs); otherwise the text stands for the bytes.</param>
    /// <param name="switchReader">Whether a mutation may send the case through another reader (another dialect's, or the callback reader).</param>
    public static FuzzCase Create(int seed, IReadOnlyList<FuzzSample> samples, bool mutateBytes, bool switchReader)
    {
        var sample = samples[(int)(((long)seed % samples.Count + samples.Count) % samples.Count)];
        var random = new Random(seed);
        var mutations = new List<string>();
        var entry = sample.Entry;
        if (switchReader && entry is not null && random.Next(10) == 0)
        {
            var dialects = Enum.GetValues<MusicDialect>();
            entry = random.Next(5) == 0 ? new ReaderEntry(MusicDialect.Task, IsCallback: true) : new ReaderEntry(dialects[random.Next(dialects.Length)], IsCallback: false);
            mutations.Add($"reader: {entry} instead of {sample.Entry}");
        }
        var target = sample.Target;
        if (target is not null && random.Next(10) == 0)
        {
            // Another sample's target: the payload against a schema it was not written for.
            target = samples[random.Next(samples.Count)].Target ?? target;
            mutations.Add($"target: {target} instead of {sample.Target}");
        }

        var stages = new List<Stage>();
        var count = 1 + random.Next(4);
        for (var i = 0; i < count; i++)
        {
            // Most mutations keep the payload JSON, so that most cases get past the parse into the reading.
            var roll = random.Next(100);
            stages.Add(mutateBytes
                ? roll < 60 ? Stage.Tree : roll < 80 ? Stage.Text : Stage.Bytes
                : roll < 75 ? Stage.Tree : Stage.Text);
        }
        stages.Sort();

        var text = sample.Text;
        var tree = stages.Contains(Stage.Tree) ? TryParse(text) : null;
        if (tree is not null)
        {
            var state = new TreeState(tree, random);
            foreach (var _ in stages.Where(s => s == Stage.Tree))
                mutations.Add(state.Mutate());
            text = state.Serialize();
        }
        else if (stages.Contains(Stage.Tree))
        {
            // Not JSON (a page's text): its tree mutations become text mutations.
            for (var i = 0; i < stages.Count; i++)
                if (stages[i] == Stage.Tree) stages[i] = Stage.Text;
        }

        foreach (var _ in stages.Where(s => s == Stage.Text))
            text = MutateText(text, random, mutations);

        byte[]? bytes = null;
        if (stages.Contains(Stage.Bytes))
        {
            bytes = Encoding.UTF8.GetBytes(text);
            foreach (var _ in stages.Where(s => s == Stage.Bytes))
                bytes = MutateBytes(bytes, random, mutations);
        }

        return bytes is null
            ? new FuzzCase { Seed = seed, Sample = sample, Entry = entry, Target = target, Mutations = mutations, Text = text }
            : new FuzzCase { Seed = seed, Sample = sample, Entry = entry, Target = target, Mutations = mutations, Text = text, Bytes = bytes, BytesMutated = true };
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            // A holder array, so that the root is a slot like any other.
            var holder = new JsonArray(JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 256 }));
            // Materializes every object now (a repeated name throws here, not in the middle of a mutation).
            _ = holder.DeepClone();
            return holder;
        }
        catch (Exception error) when (error is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string MutateText(string text, Random random, List<string> mutations)
    {
        var at = text.Length == 0 ? 0 : random.Next(text.Length + 1);
        switch (random.Next(12))
        {
            case 0:
                var boms = random.Next(4) == 0 ? 2 : 1;
                mutations.Add($"text: {boms} byte order mark(s) before the text");
                return new string('\uFEFF', boms) + text;
            case 1:
                mutations.Add($"text: truncated to {at} of {text.Length} chars");
                return text[..at];
            case 2:
                var stray = Pick(random, s_strayChars);
                mutations.Add($"text: {Show(stray)} inserted at char {at}");
                return text.Insert(at, stray);
            case 3 when text.Length > 0:
                var index = random.Next(text.Length);
                mutations.Add($"text: char {index} ({Show(text[index].ToString())}) deleted");
                return text.Remove(index, 1);
            case 4 when text.Length > 0:
                var replaced = random.Next(text.Length);
                var by = Pick(random, s_strayChars);
                mutations.Add($"text: char {replaced} ({Show(text[replaced].ToString())}) replaced by {Show(by)}");
                return text.Remove(replaced, 1).Insert(replaced, by);
            case 5:
                // A raw lone surrogate: the string APIs' counterpart of invalid UTF-8. Inside a string when a quote is found.
                var quote = text.IndexOf('"', at);
                var position = quote < 0 ? at : quote + 1;
                var surrogate = random.Next(3) switch { 0 => "\ud800", 1 => "\udfff", _ => "\udc00\ud83d" };
                mutations.Add($"text: raw lone surrogate {Show(surrogate)} inserted at char {position}");
                return text.Insert(position, surrogate);
            case 6:
                var trailing = Pick(random, s_trailing);
                mutations.Add($"text: {Show(trailing)} appended");
                return text + trailing;
            case 7:
                // Escaping a letter that only occurs inside strings keeps the JSON's meaning and spells names and values differently.
                var letter = Pick(random, ["d", "c", "i", "o", "p", "m", "k", "/", "_"]);
                mutations.Add($"text: every '{letter}' written as \\u{(int)letter[0]:x4}");
                return text.Replace(letter, $"\\u{(int)letter[0]:x4}", StringComparison.Ordinal);
            case 8:
                var root = random.Next(8);
                mutations.Add(root switch
                {
                    0 => "text: replaced by nothing",
                    1 => "text: replaced by whitespace",
                    2 => "text: replaced by null",
                    3 => "text: replaced by 0",
                    4 => "text: wrapped in an array",
                    5 => "text: twice in a row",
                    6 => "text: wrapped as {\"data\": text}",
                    _ => "text: replaced by a string",
                });
                return root switch
                {
                    0 => "",
                    1 => " \r\n\t",
                    2 => "null",
                    3 => "0",
                    4 => "[" + text + "]",
                    5 => text + text,
                    6 => "{\"data\":" + text + "}",
                    _ => "\"" + text.Length + "\"",
                };
            case 9:
                mutations.Add("text: line ends as \\r\\n and tabs for indentation");
                return text.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("  ", "\t", StringComparison.Ordinal);
            case 10:
                var nul = random.Next(2) == 0 ? "\0" : "\u0007";
                mutations.Add($"text: control char {Show(nul)} inside the first string");
                var firstQuote = text.IndexOf('"');
                return firstQuote < 0 ? text + nul : text.Insert(firstQuote + 1, nul);
            default:
                var cut = random.Next(2) == 0 ? "," : ":";
                var found = text.IndexOf(cut, at, StringComparison.Ordinal);
                if (found < 0)
                {
                    mutations.Add($"text: no '{cut}' after char {at} to delete");
                    return text;
                }
                mutations.Add($"text: '{cut}' at char {found} deleted");
                return text.Remove(found, 1);
        }
    }

    private static byte[] MutateBytes(byte[] bytes, Random random, List<string> mutations)
    {
        var at = bytes.Length == 0 ? 0 : random.Next(bytes.Length + 1);
        switch (random.Next(5))
        {
            case 0 when bytes.Length > 0:
                var index = random.Next(bytes.Length);
                var mask = random.Next(3) == 0 ? (byte)random.Next(1, 256) : (byte)(1 << random.Next(8));
                mutations.Add($"bytes: byte {index} (0x{bytes[index]:X2}) xor 0x{mask:X2}");
                var flipped = (byte[])bytes.Clone();
                flipped[index] ^= mask;
                return flipped;
            case 1:
                var invalid = Pick(random, s_invalidUtf8);
                // Inside a string when a quote is found.
                var quote = Array.IndexOf(bytes, (byte)'"', Math.Min(at, bytes.Length));
                var position = quote < 0 ? at : quote + 1;
                mutations.Add($"bytes: {Convert.ToHexString(invalid)} (not UTF-8) inserted at byte {position}");
                return [.. bytes.AsSpan(0, position), .. invalid, .. bytes.AsSpan(position)];
            case 2:
                // Inside a multi-byte character when there is one.
                var multi = Array.FindIndex(bytes, Math.Min(at, bytes.Length), b => b >= 0xC0);
                var cut = multi < 0 ? at : multi + 1;
                mutations.Add($"bytes: cut at byte {cut} of {bytes.Length}{(multi < 0 ? "" : " (inside a character)")}");
                return bytes[..cut];
            case 3:
                var partial = random.Next(2) == 0;
                mutations.Add(partial ? "bytes: half a byte order mark (EF BB) before the text" : "bytes: a byte order mark (EF BB BF) before the text");
                return partial ? [0xEF, 0xBB, .. bytes] : [0xEF, 0xBB, 0xBF, .. bytes];
            default:
                // A character written in a longer form than UTF-8 allows (an overlong encoding of an ASCII byte).
                var ascii = Array.FindIndex(bytes, Math.Min(at, bytes.Length), b => b is >= 0x20 and < 0x7F);
                if (ascii < 0)
                {
                    mutations.Add("bytes: no ASCII byte to write overlong");
                    return bytes;
                }
                mutations.Add($"bytes: byte {ascii} ('{(char)bytes[ascii]}') written overlong as C{(bytes[ascii] >> 6):X1}{0x80 | (bytes[ascii] & 0x3F):X2}");
                return [.. bytes.AsSpan(0, ascii), (byte)(0xC0 | (bytes[ascii] >> 6)), (byte)(0x80 | (bytes[ascii] & 0x3F)), .. bytes.AsSpan(ascii + 1)];
        }
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Show(string text) => "\"" + FuzzCase.Excerpt(text, 60) + "\"";

    /// <summary>The JSON tree being mutated, with the raw texts its placeholders stand for.</summary>
    private sealed class TreeState(JsonNode holder, Random random)
    {
        private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 1000 };
        private static readonly JsonSerializerOptions s_indented = new(s_compact) { WriteIndented = true };
        private readonly List<string> _raw = [];

        public string Serialize()
        {
            var text = holder.AsArray()[0] is { } root ? root.ToJsonString(random.Next(3) == 0 ? s_indented : s_compact) : "null";
            // Later raw texts may hold earlier placeholders (a duplicate-key object written from the tree), so last first.
            for (var i = _raw.Count - 1; i >= 0; i--)
                text = text.Replace(Quote(Marker + i + "__"), _raw[i], StringComparison.Ordinal);
            return text;
        }

        public string Mutate()
        {
            var slots = new List<Slot>();
            Collect(holder, slots);
            var slot = slots[random.Next(slots.Count)];
            var current = slot.Get();
            var path = slot.Path;
            switch (random.Next(16))
            {
                case 0 or 1:
                    var (replacement, kind) = Flip(current);
                    slot.Set(replacement);
                    return $"flip {path}: {Kind(current)} -> {kind}";
                case 2 or 3 when slot.Parent is not JsonArray { Parent: null } || slot.Index != 0:
                    slot.Remove();
                    return $"delete {path}";
                case 4:
                    slot.Set(null);
                    return $"null {path} (was {Kind(current)})";
                case 5:
                    var number = random.Next(15) == 0 ? "1" + new string('0', random.Next(2) == 0 ? 400 : 20_000) : Pick(random, s_numbers);
                    slot.Set(Raw(number));
                    return $"number {path}: {Show(number)}";
                case 6:
                    var nonFinite = random.Next(4);
                    if (nonFinite == 0)
                    {
                        var literal = Pick(random, ["NaN", "Infinity", "-Infinity"]);
                        slot.Set(Raw(literal));
                        return $"non-finite {path}: bare {literal} (not JSON)";
                    }
                    var named = Pick(random, ["NaN", "Infinity", "-Infinity", "-NaN", "1e999"]);
                    slot.Set(JsonValue.Create(named));
                    return $"non-finite {path}: string \"{named}\"";
                case 7:
                    return Nest(slot, current);
                case 8 when random.Next(3) == 0:
                    return LongString(slot);
                case 9:
                    var escaped = Pick(random, s_loneSurrogateStrings);
                    slot.Set(Raw(escaped));
                    return $"escape {path}: {escaped}";
                case 10 when FindObject(slots) is { } obj:
                    return DuplicateKey(obj);
                case 11 when FindObject(slots) is { } obj:
                    return Respell(obj);
                case 12:
                    var wrapped = random.Next(2) == 0 ? (JsonNode)new JsonArray(current?.DeepClone()) : new JsonObject { [Pick(random, s_names)] = current?.DeepClone() };
                    slot.Set(wrapped);
                    return $"wrap {path} in {(wrapped is JsonArray ? "an array" : "an object")}";
                case 13:
                    var other = slots[random.Next(slots.Count)];
                    var copied = $"copy {other.Path} ({Kind(other.Get())}) over {path}";
                    slot.Set(other.Get()?.DeepClone());
                    return copied;
                case 14 when FindContainer(slots) is { } container:
                    var value = Flip(null).Node;
                    if (container.Get() is JsonObject target)
                    {
                        var name = Pick(random, s_names);
                        target[name] = value;
                        return $"add {container.Path}/{name} = {Kind(value)}";
                    }
                    var array = container.Get()!.AsArray();
                    var at = random.Next(array.Count + 1);
                    array.Insert(at, value);
                    return $"insert {container.Path}/{at} = {Kind(value)}";
                default:
                    var status = Pick(random, ["complete", "error", "SUCCESS", "FAILURE", "running", "weird", "", "Complete", "NOT_START", "streaming"]);
                    slot.Set(JsonValue.Create(status));
                    return $"string {path}: \"{status}\" (was {Kind(current)})";
            }
        }

        private (JsonNode? Node, string Kind) Flip(JsonNode? current)
        {
            var kinds = new[] { "string", "number", "boolean", "object", "array", "null" }.Where(k => k != Kind(current)).ToArray();
            var kind = Pick(random, kinds);
            return kind switch
            {
                "string" => (JsonValue.Create(random.Next(3) == 0 && current is JsonValue scalar ? scalar.ToJsonString().Trim('"') : Pick(random, s_strings)), kind),
                "number" => (Raw(Pick(random, s_numbers)), kind),
                "boolean" => (JsonValue.Create(random.Next(2) == 0), kind),
                "object" => (random.Next(2) == 0 ? new JsonObject() : new JsonObject { [Pick(random, s_names)] = Pick(random, s_strings) }, kind),
                "array" => (random.Next(2) == 0 ? new JsonArray() : new JsonArray(1, "a", null, new JsonObject()), kind),
                _ => (null, kind),
            };
        }

        private string Nest(Slot slot, JsonNode? current)
        {
            int[] depths = [32, 63, 64, 65, 100, 255, 256, 257, 1000, 10_000];
            var depth = Pick(random, depths);
            var arrays = random.Next(2) == 0;
            var inner = random.Next(2) == 0 || current is null ? "1" : current.ToJsonString(s_compact);
            var raw = arrays
                ? new string('[', depth) + inner + new string(']', depth)
                : new StringBuilder().Insert(0, "{\"a\":", depth).Append(inner).Append('}', depth).ToString();
            slot.Set(Raw(raw));
            return $"nest {slot.Path}: {depth} levels of {(arrays ? "[" : "{\"a\":")} around {(inner == "1" ? "1" : "the value")}";
        }

        private string LongString(Slot slot)
        {
            int[] lengths = [1 << 12, 1 << 16, (1 << 20) - 4096, 1 << 20];
            var length = Pick(random, lengths);
            var unit = Pick(random, ["a", "\u00e9", "\u4e2d", "\ud83c\udfb5", "\\\"", "\n", "ab\u0000"]);
            var text = new StringBuilder(length + unit.Length);
            while (text.Length < length) text.Append(unit);
            slot.Set(JsonValue.Create(text.ToString()));
            return $"long string {slot.Path}: {text.Length:N0} chars of {Show(unit)}";
        }

        private string DuplicateKey(Slot slot)
        {
            var obj = slot.Get()!.AsObject();
            var members = obj.Select(m => (Name: m.Key, Value: m.Value?.ToJsonString(s_compact) ?? "null")).ToList();
            var name = members.Count == 0 ? Pick(random, s_names) : members[random.Next(members.Count)].Name;
            var existing = members.FirstOrDefault(m => m.Name == name).Value;
            var (value, what) = random.Next(4) switch
            {
                0 => ("null", "null"),
                1 when existing is not null => (existing, "the same value"),
                2 => (Flip(null).Node?.ToJsonString(s_compact) ?? "null", "another type"),
                _ => (Pick(random, s_numbers), "a number"),
            };
            var first = random.Next(2) == 0;
            var entry = (Name: name, Value: value);
            if (first) members.Insert(0, entry);
            else members.Add(entry);
            slot.Set(Raw(Write(members)));
            return $"duplicate key {slot.Path}/{name}: {what} written {(first ? "before" : "after")} the original";
        }

        private string Respell(Slot slot)
        {
            var obj = slot.Get()!.AsObject();
            if (obj.Count == 0)
                return DuplicateKey(slot);
            var members = obj.Select(m => (Name: m.Key, Value: m.Value?.ToJsonString(s_compact) ?? "null")).ToList();
            var index = random.Next(members.Count);
            var name = members[index].Name;
            var (spelled, how) = random.Next(4) switch
            {
                0 => (name.Length == 0 ? "\\u0041" : $"\\u{(int)name[0]:x4}" + Escape(name[1..]), "first char as a \\u escape (same name)"),
                1 => ("\\ud800" + Escape(name), "an escaped lone surrogate before it"),
                2 => (Escape(name.ToUpperInvariant()), "upper case"),
                _ => (Escape(name) + "\\u0000", "an escaped NUL after it"),
            };
            var raw = new StringBuilder("{");
            for (var i = 0; i < members.Count; i++)
            {
                if (i > 0) raw.Append(',');
                raw.Append(i == index ? "\"" + spelled + "\"" : Quote(members[i].Name)).Append(':').Append(members[i].Value);
            }
            slot.Set(Raw(raw.Append('}').ToString()));
            return $"respell key {slot.Path}/{name}: {how}";
        }

        private static string Write(IEnumerable<(string Name, string Value)> members) =>
            "{" + string.Join(",", members.Select(m => Quote(m.Name) + ":" + m.Value)) + "}";

        private static string Quote(string text) => JsonSerializer.Serialize(text, s_compact);

        private static string Escape(string text) => Quote(text)[1..^1];

        private Slot? FindObject(List<Slot> slots)
        {
            var objects = slots.Where(s => s.Get() is JsonObject).ToList();
            return objects.Count == 0 ? null : objects[random.Next(objects.Count)];
        }

        private Slot? FindContainer(List<Slot> slots)
        {
            var containers = slots.Where(s => s.Get() is JsonObject or JsonArray).ToList();
            return containers.Count == 0 ? null : containers[random.Next(containers.Count)];
        }

        /// <summary>A placeholder for raw text, replaced when the tree is serialized.</summary>
        private JsonNode Raw(string text)
        {
            _raw.Add(text);
            return JsonValue.Create(Marker + (_raw.Count - 1) + "__");
        }

        private static string Kind(JsonNode? node) => node switch
        {
            null => "null",
            JsonObject => "object",
            JsonArray => "array",
            JsonValue value => value.GetValueKind() switch
            {
                JsonValueKind.String when value.GetValue<string>().StartsWith(Marker, StringComparison.Ordinal) => "raw",
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                var other => other.ToString().ToLowerInvariant(),
            },
            _ => "?",
        };

        private static void Collect(JsonNode node, List<Slot> slots)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, value) in obj.ToList())
                    {
                        slots.Add(new Slot(obj, name, -1));
                        if (value is not null) Collect(value, slots);
                    }
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        slots.Add(new Slot(array, null, i));
                        if (array[i] is { } item) Collect(item, slots);
                    }
                    break;
            }
        }
    }

    /// <summary>A place in the tree: a member of an object or an item of an array.</summary>
    private sealed record Slot(JsonNode Parent, string? Name, int Index)
    {
        public string Path
        {
            get
            {
                // The holder array is not part of the payload: its item 0 is the root, "".
                var own = Name is not null ? "/" + Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) : "/" + Index.ToString(CultureInfo.InvariantCulture);
                if (Parent.Parent is null && Parent is JsonArray) return "(root)";
                return Pointer(Parent) + own;
            }
        }

        public JsonNode? Get() => Name is not null ? Parent.AsObject()[Name] : Parent.AsArray()[Index];

        public void Set(JsonNode? value)
        {
            if (Name is not null) Parent.AsObject()[Name] = value;
            else Parent.AsArray()[Index] = value;
        }

        public void Remove()
        {
            if (Name is not null) Parent.AsObject().Remove(Name);
            else Parent.AsArray().RemoveAt(Index);
        }

        // JsonNode.GetPath() gives $.a['b'][0]; a pointer is easier to read next to the validator's.
        private static string Pointer(JsonNode node)
        {
            var parts = new List<string>();
            for (var current = node; current.Parent is { } parent; current = parent)
            {
                if (parent.Parent is null && parent is JsonArray) break;
                parts.Add(parent switch
                {
                    JsonObject obj => obj.First(m => ReferenceEquals(m.Value, current)).Key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal),
                    _ => parent.AsArray().IndexOf(current).ToString(CultureInfo.InvariantCulture),
                });
            }
            parts.Reverse();
            return string.Concat(parts.Select(p => "/" + p));
        }
    }
}
