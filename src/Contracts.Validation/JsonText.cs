using System.Text;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Contracts.Validation;

/// <summary>Reading payload text: a strict syntax check that says where and what, then the token tree NJsonSchema validates.</summary>
internal static class JsonText
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 };

    /// <summary>Null when <paramref name="json"/> is one well-formed JSON value; otherwise where and why it is not.</summary>
    public static MalformedJson? FindSyntaxError(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json, Strict);
            return null;
        }
        catch (System.Text.Json.JsonException exception)
        {
            var line = (int)(exception.LineNumber ?? 0);
            var bytesInLine = (int)(exception.BytePositionInLine ?? 0);
            return new MalformedJson(line + 1, ColumnOf(json, line, bytesInLine), Describe(exception.Message));
        }
    }

    /// <summary>The token tree for NJsonSchema; dates stay strings so that <c>format</c> is checked on the text as sent.</summary>
    public static JToken ToToken(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
        return JToken.ReadFrom(reader);
    }

    // System.Text.Json reports a byte offset within the line; people count characters.
    private static int ColumnOf(string json, int lineIndex, int bytesInLine)
    {
        var start = 0;
        for (var i = 0; i < lineIndex && start < json.Length; i++)
        {
            var next = json.IndexOf('\n', start);
            if (next < 0) break;
            start = next + 1;
        }
        var end = json.IndexOf('\n', start);
        var line = json[start..(end < 0 ? json.Length : end)];
        var bytes = Encoding.UTF8.GetBytes(line);
        var prefix = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytesInLine, bytes.Length));
        return prefix.Length + 1;
    }

    // "'c' is an invalid start of a value. LineNumber: 0 | BytePositionInLine: 0." -> the first part, which says what was expected.
    private static string Describe(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut < 0 ? message : message[..cut];
        var path = text.IndexOf(" Path: ", StringComparison.Ordinal);
        return (path < 0 ? text : text[..path]).Trim();
    }
}
