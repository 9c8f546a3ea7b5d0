using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Contracts.Music.Tests.Fuzz;

/// <summary>
/// What the facade's saved-payload readers may do with any text (their documentation): return tasks, each with an id,
/// clips and drift, whose every public member (Raw and every URL included) can be read; or throw
/// <see cref="MusicApiException"/>; or throw <see cref="JsonException"/> when the text is not JSON. JSON here is what
/// the facade itself parses as JSON: its UTF-8 (a lone surrogate as U+FFFD, as the reader encodes it) after one byte
/// order mark, at most 256 levels deep. Anything else (another exception, a null, a member that throws) is a finding.
/// </summary>
internal static class ReaderOracle
{
    private const int MaxDepth = 256;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> s_properties = new();

    public static CaseResult Check(FuzzCase fuzz)
    {
        var entry = fuzz.Entry ?? throw new InvalidOperationException($"{fuzz.Sample} has no reader.");
        IReadOnlyList<MusicTask?>? tasks;
        try
        {
            tasks = entry.IsCallback ? [MusicClient.ReadCallback(entry.Dialect, fuzz.Text)] : MusicClient.ReadPayload(entry.Dialect, fuzz.Text);
        }
        catch (MusicApiException error)
        {
            return Touch(fuzz, error) ?? new CaseResult(fuzz.Seed, $"MusicApiException {error.Kind}");
        }
        catch (JsonException error)
        {
            return IsJson(fuzz.Text)
                ? CaseResult.Broke(fuzz, $"JsonException for a payload that is JSON: {CaseResult.Where(error)}", error)
                : new CaseResult(fuzz.Seed, "JsonException (not JSON)");
        }
        catch (Exception error)
        {
            return CaseResult.Broke(fuzz, $"{CaseResult.Where(error)} (not a documented exception)", error);
        }

        if (tasks is null)
            return CaseResult.Broke(fuzz, "the reader returned null");
        foreach (var task in tasks)
        {
            if (Touch(fuzz, task) is { } broke)
                return broke;
        }
        // Reading what is not JSON is no finding (the reader documents a JsonException for it, and reads each payload
        // once, as far as it needs): tallied apart, to see how often it happens.
        var outcome = tasks.Count == 0 ? "no task" : entry.IsCallback ? "a callback task" : tasks.Count == 1 ? "1 task" : "tasks";
        return new CaseResult(fuzz.Seed, IsJson(fuzz.Text) ? outcome : outcome + " (from a payload that is not JSON)");
    }

    /// <summary>The facade's own idea of JSON (<c>RawJson</c>, <c>NotAnAnswer</c>): its UTF-8, one byte order mark skipped, 256 levels.</summary>
    public static bool IsJson(string text)
    {
        ReadOnlyMemory<byte> utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Span.StartsWith("\uFEFF"u8))
            utf8 = utf8[3..];
        try
        {
            using var _ = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return !utf8.Span.StartsWith("\uFEFF"u8);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static CaseResult? Touch(FuzzCase fuzz, MusicTask? task)
    {
        if (task is null)
            return CaseResult.Broke(fuzz, "the reader returned a null task");
        if (task.Id is null || task.Clips is null || task.Drift is null)
            return CaseResult.Broke(fuzz, $"a task without {(task.Id is null ? "an id" : task.Clips is null ? "clips" : "drift")}");
        if (task.Clips.Any(c => c is null || c.Id is null))
            return CaseResult.Broke(fuzz, "a clip that is null or has no id");
        if (task.Lyrics is { } lyrics && (lyrics.TaskId is null || lyrics.Drift is null))
            return CaseResult.Broke(fuzz, "lyrics without a task id or drift");
        if (task.Drift.Concat(task.Lyrics?.Drift ?? []).Any(d => d is null || d.Member is null || d.Found is null || d.Expected is null))
            return CaseResult.Broke(fuzz, "a drift item with a null member");
        return Touch(fuzz, (object)task);
    }

    private static CaseResult? Touch(FuzzCase fuzz, object value)
    {
        var path = new Stack<string>();
        try
        {
            Visit(value, path, 0);
            return null;
        }
        catch (Exception error)
        {
            var member = string.Join(".", path.Reverse());
            return CaseResult.Broke(fuzz, $"reading {member} threw {CaseResult.Where(error)}", error);
        }
    }

    /// <summary>Reads every public instance property of our types, recursively (into clips, lyrics, drift), and the leaves' text.</summary>
    private static void Visit(object? value, Stack<string> path, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                _ = text.Length;
                return;
            case JsonElement element:
                if (element.ValueKind != JsonValueKind.Undefined)
                    _ = element.GetRawText();
                return;
            case Uri uri:
                _ = uri.AbsoluteUri;
                _ = uri.ToString();
                return;
            case Exception error when value is not MusicApiException:
                _ = error.Message;
                return;
            case IEnumerable items:
                var index = 0;
                foreach (var item in items)
                {
                    path.Push($"[{index++}]");
                    Visit(item, path, depth + 1);
                    path.Pop();
                }
                return;
        }
        var type = value.GetType();
        _ = value.ToString();
        if (depth > 8 || type.Namespace?.StartsWith("Contracts.Music", StringComparison.Ordinal) != true)
            return;
        foreach (var property in s_properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0 && p.DeclaringType != typeof(Exception)).ToArray()))
        {
            path.Push($"{type.Name}.{property.Name}");
            object? member;
            try
            {
                member = property.GetValue(value);
            }
            catch (TargetInvocationException error) when (error.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error.InnerException).Throw();
                throw;
            }
            Visit(member, path, depth + 1);
            path.Pop();
        }
    }
}
