using System.Text;
using Newtonsoft.Json.Linq;
using NJsonSchema.Validation;

namespace Contracts.Validation;

/// <summary>Turns NJsonSchema's nested errors (dotted paths) into flat violations with JSON Pointers and rule names.</summary>
internal static class ViolationMapper
{
    public static IReadOnlyList<ValidationViolation> Map(IEnumerable<ValidationError> errors, JToken root)
    {
        var violations = new List<ValidationViolation>();
        foreach (var error in Flatten(errors))
        {
            var violation = ToViolation(error, root);
            if (!violations.Contains(violation))
            {
                violations.Add(violation);
            }
        }
        // A value of the wrong kind also "misses" every required property of the kind it should have been; those
        // follow from the first violation and would bury it.
        var wrongKind = violations.Where(v => v.Rule is "type" or "null").Select(v => v.Pointer).ToHashSet(StringComparer.Ordinal);
        violations.RemoveAll(v => v.Rule == "required" && wrongKind.Contains(v.Pointer[..v.Pointer.LastIndexOf('/')]));
        return violations;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child && child.Errors.Values.Any(e => e.Count > 0))
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static ValidationViolation ToViolation(ValidationError error, JToken root)
    {
        var (token, rest) = Locate(root, error.Path);
        var pointer = PointerOf(token);
        var actual = KindOf(token);
        var kind = error.Kind;

        if (kind == ValidationErrorKind.PropertyRequired)
        {
            // The path names the missing property itself, so the walk stops at its parent object with the name left
            // over; should the property exist (reached to the end), its parent object is one level up.
            var parentPointer = rest.Length > 0 ? pointer : PointerOf(token?.Parent is JProperty p ? p.Parent : token?.Parent);
            return new ValidationViolation($"{parentPointer}/{Escape(error.Property ?? rest)}", "required", "present", "missing",
                $"required property '{error.Property}' is missing");
        }
        if (ExpectedKind(kind) is { } expectedKind)
        {
            return token?.Type == JTokenType.Null
                ? new ValidationViolation(pointer, "null", expectedKind, "null", $"null is not allowed here; expected {Article(expectedKind)}")
                : new ValidationViolation(pointer, "type", expectedKind, actual, $"expected {Article(expectedKind)}, found {Describe(token)}");
        }
        if (ExpectedFormat(kind) is { } format)
        {
            return new ValidationViolation(pointer, "format", format, actual, $"expected a {format} string, found {Describe(token)}");
        }
        var (rule, message) = kind switch
        {
            ValidationErrorKind.NoAdditionalPropertiesAllowed => ("additionalProperties", $"property '{error.Property}' is not allowed here"),
            ValidationErrorKind.NotInEnumeration => ("enum", $"{Describe(token)} is not one of the allowed values"),
            ValidationErrorKind.PatternMismatch => ("pattern", $"{Describe(token)} does not match the pattern {error.Schema?.Pattern}"),
            ValidationErrorKind.StringTooShort or ValidationErrorKind.StringTooLong => ("length", $"the length of {Describe(token)} is out of range"),
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig => ("range", $"{Describe(token)} is out of range"),
            ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems => ("items", "the array has too few or too many items"),
            _ => (char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..], $"{kind} at {Describe(token)}"),
        };
        return new ValidationViolation(pointer, rule, error.Schema?.Type.ToString().ToLowerInvariant() ?? "", actual, message);
    }

    private static string? ExpectedKind(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "string",
        ValidationErrorKind.NumberExpected => "number",
        ValidationErrorKind.IntegerExpected => "integer",
        ValidationErrorKind.BooleanExpected => "boolean",
        ValidationErrorKind.ObjectExpected => "object",
        ValidationErrorKind.ArrayExpected => "array",
        ValidationErrorKind.NullExpected => "null",
        _ => null,
    };

    private static string? ExpectedFormat(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.DateTimeExpected => "date-time",
        ValidationErrorKind.DateExpected => "date",
        ValidationErrorKind.TimeExpected => "time",
        ValidationErrorKind.TimeSpanExpected => "duration",
        ValidationErrorKind.UriExpected => "uri",
        ValidationErrorKind.GuidExpected or ValidationErrorKind.UuidExpected => "uuid",
        ValidationErrorKind.EmailExpected => "email",
        ValidationErrorKind.HostnameExpected => "hostname",
        ValidationErrorKind.IpV4Expected => "ipv4",
        ValidationErrorKind.IpV6Expected => "ipv6",
        ValidationErrorKind.Base64Expected => "byte",
        _ => null,
    };

    /// <summary>
    /// Follows NJsonSchema's dotted path (<c>#/data.clips.39a7-...metadata.duration</c>, <c>#/clips[0].id</c>) through the
    /// payload itself, so that property names holding dots or brackets resolve exactly: at each object the longest
    /// property name that the path continues with wins. Returns the deepest token reached and what of the path is left.
    /// </summary>
    private static (JToken? Token, string Remainder) Locate(JToken root, string? path)
    {
        var rest = path ?? "";
        if (rest.StartsWith("#/", StringComparison.Ordinal)) rest = rest[2..];
        else if (rest.StartsWith('#')) rest = rest[1..];
        var current = root;
        while (rest.Length > 0)
        {
            if (rest[0] == '[' && current is JArray array && rest.IndexOf(']') is var close and > 0
                && int.TryParse(rest.AsSpan(1, close - 1), out var index) && index < array.Count)
            {
                current = array[index];
                rest = rest[(close + 1)..].TrimStart('.');
                continue;
            }
            if (current is not JObject obj) break;
            var match = obj.Properties()
                .Where(p => rest == p.Name || rest.StartsWith(p.Name + ".", StringComparison.Ordinal) || rest.StartsWith(p.Name + "[", StringComparison.Ordinal))
                .MaxBy(p => p.Name.Length);
            if (match is null) break;
            current = match.Value;
            rest = rest[match.Name.Length..].TrimStart('.');
        }
        return (current, rest);
    }

    /// <summary>The JSON Pointer of <paramref name="token"/>, built from its ancestry (exact for any property name).</summary>
    private static string PointerOf(JToken? token)
    {
        var segments = new Stack<string>();
        for (var current = token; current?.Parent is { } parent; current = parent)
        {
            switch (parent)
            {
                case JProperty property:
                    segments.Push(Escape(property.Name));
                    break;
                case JArray array:
                    segments.Push(array.IndexOf(current).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        var pointer = new StringBuilder();
        foreach (var segment in segments) pointer.Append('/').Append(segment);
        return pointer.ToString();
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string KindOf(JToken? token) => token?.Type switch
    {
        JTokenType.Object => "object",
        JTokenType.Array => "array",
        JTokenType.Integer => "integer",
        JTokenType.Float => "number",
        JTokenType.String => "string",
        JTokenType.Boolean => "boolean",
        JTokenType.Null or null => "null",
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    private static string Describe(JToken? token) => token?.Type switch
    {
        JTokenType.String => Quote(token.Value<string>() ?? ""),
        JTokenType.Object => "an object",
        JTokenType.Array => "an array",
        JTokenType.Null or null => "null",
        _ => $"{Article(KindOf(token))} ({token.ToString(Newtonsoft.Json.Formatting.None)})",
    };

    private static string Quote(string value) => "the string \"" + (value.Length > 60 ? value[..60] + "…" : value) + "\"";

    private static string Article(string kind) => kind is "integer" or "object" or "array" ? "an " + kind : "a " + kind;
}
