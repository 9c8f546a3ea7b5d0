using System.Text.Json;

namespace Contracts.Cli.Tests;

/// <summary>
/// The API key never reaches the tool's output, even from a vendor that echoes it back in its errors (plainly, JSON-
/// escaped, URL-encoded, cut by the body excerpt), with --verbose: the tool runs as a child process, so everything it
/// writes anywhere is checked.
/// </summary>
public sealed class SecretLeakTests
{
    /// <summary>A key with the characters JSON and URLs escape ('+', '/', '='), longer than 20 characters.</summary>
    private const string Canary = "sk-canary-7Qx+Zp/9=Lm2+Tq8v/Wc=Rk1+Yb4";

    /// <summary>What the vendor echoes the key back in: a function of the key and the request, by name.</summary>
    private static readonly Dictionary<string, Func<string, LoopbackRequest, LoopbackResponse>> s_echoes = new()
    {
        ["401 JSON, plain"] = (key, _) => Json(401, $$"""{"code":"unauthorized","message":"invalid token {{key}}","data":null}"""),
        ["400 JSON, escaped by System.Text.Json (\\u002B)"] = (key, _) =>
            Json(400, JsonSerializer.Serialize(new { code = "bad_request", message = $"invalid token {key}", data = (string?)null })),
        ["400 JSON, every character escaped, lowercase hex"] = (key, _) => Json(400, $$"""{"code":"bad_request","message":"invalid token {{EscapeAll(key)}}"}"""),
        ["400 JSON, slashes escaped (\\/)"] = (key, _) => Json(400, $$"""{"code":"bad_request","message":"invalid token {{key.Replace("/", "\\/", StringComparison.Ordinal)}}"}"""),
        ["403 JSON, plain key across the 300-character excerpt cut"] = (key, _) => Json(403, AcrossTheCut(key)),
        ["403 JSON, escaped key across the 300-character excerpt cut"] = (key, _) => Json(403, AcrossTheCut(JsonEscaped(key))),
        ["400 HTML page"] = (key, _) => new LoopbackResponse(400, $"<html><body><h1>Bad Request</h1><p>Key {key} is not valid.</p></body></html>", "text/html"),
        ["200 error envelope"] = (key, _) => Json(200, $$"""{"code":"error","message":"token {{key}} has no quota left","data":null}"""),
        ["400 JSON, URL-encoded in a link"] = (key, _) =>
            Json(400, $$"""{"code":"bad_request","message":"see https://relay.example.invalid/keys?key={{Uri.EscapeDataString(key)}}"}"""),
        ["401 with the key in a header too"] = (key, _) => Json(401, $$"""{"code":"unauthorized","message":"bad key {{key}}"}""") with
        {
            Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer error=\"invalid_token\", error_description=\"{key}\"" },
        },
        ["submit accepted, then every read echoes it"] = (key, request) => request.Method == "POST" && request.Path.Contains("/submit/", StringComparison.Ordinal)
            ? Json(200, """{"code":"success","message":"","data":"task_canary_1"}""")
            : Json(401, $$"""{"code":"unauthorized","message":"invalid token {{JsonEscaped(key)}} for {{key}}","data":null}"""),
    };

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var command in new[] { "generate", "fetch", "lyrics" })
            foreach (var echo in s_echoes.Keys)
                cases.Add(command, echo);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_key_never_appears_in_the_output_when_the_vendor_echoes_it(string command, string echo)
    {
        await using var server = new LoopbackServer(request => s_echoes[echo](Canary, request));
        using var folder = new CliRun();

        var (code, output, error) = await CliProcess.RunAsync(folder.Folder, [.. Command(command), "--base-url", server.BaseAddress.ToString(), "--dialect", "task",
            "--api-key", Canary, "--verbose"]);

        Assert.True(code == ExitCodes.Failed, $"exit code {code}.\nstdout:\n{output}\nstderr:\n{error}");
        Assert.Contains(server.Requests, r => r.Headers.TryGetValue("Authorization", out var value) && value == $"Bearer {Canary}");
        AssertNoKey(output, error);
    }

    [Fact]
    public async Task The_key_from_the_environment_never_appears_either()
    {
        await using var server = new LoopbackServer(request => s_echoes["401 JSON, plain"](Canary, request));
        using var folder = new CliRun();

        var (code, output, error) = await CliProcess.RunAsync(folder.Folder, ["fetch", "t1", "--base-url", server.BaseAddress.ToString(), "--dialect", "task", "--verbose"],
            new Dictionary<string, string?> { ["CONTRACTS_API_KEY"] = Canary });

        Assert.True(code == ExitCodes.Failed, $"exit code {code}.\nstdout:\n{output}\nstderr:\n{error}");
        AssertNoKey(output, error);
    }

    private static string[] Command(string command) => command switch
    {
        "generate" => ["generate", "a calm song", "--out", "out"],
        "fetch" => ["fetch", "task_canary_1"],
        "lyrics" => ["lyrics", "the northern lights"],
        _ => throw new ArgumentOutOfRangeException(nameof(command)),
    };

    /// <summary>Fails naming the form of the key found and where, with the whole output.</summary>
    private static void AssertNoKey(string output, string error)
    {
        foreach (var (stream, text) in new[] { ("stdout", output), ("stderr", error) })
        {
            foreach (var (form, secret) in Forms(Canary))
            {
                var at = text.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    var context = text[Math.Max(0, at - 120)..Math.Min(text.Length, at + secret.Length + 40)];
                    Assert.Fail($"The key leaked to {stream} ({form}: \"{secret}\") here:\n…{context}…\n\nstdout:\n{output}\nstderr:\n{error}");
                }
            }
        }
    }

    /// <summary>Every form the key may take in the output, and the first 20 characters of each.</summary>
    private static IEnumerable<(string Form, string Text)> Forms(string key)
    {
        (string, string)[] whole =
        [
            ("plain", key),
            ("JSON-escaped", JsonEscaped(key)),
            ("slashes escaped", key.Replace("/", "\\/", StringComparison.Ordinal)),
            ("every character escaped", EscapeAll(key)),
            ("URL-encoded", Uri.EscapeDataString(key)),
        ];
        foreach (var (form, text) in whole)
        {
            yield return (form, text);
            yield return (form + ", first 20 characters", text[..20]);
        }
    }

    private static string JsonEscaped(string text) => JsonSerializer.Serialize(text)[1..^1];

    private static string EscapeAll(string text) => string.Concat(text.Select(c => $"\\u{(int)c:x4}"));

    /// <summary>A JSON body in which <paramref name="key"/> starts 20 characters before the 300th: an excerpt cut at 300 keeps its first 20.</summary>
    private static string AcrossTheCut(string key)
    {
        const string head = """{"code":"forbidden","message":" """;
        var padding = new string('x', 280 - head.Length);
        var body = head + padding + key + """ is not allowed here"}""";
        Assert.Equal(280, body.IndexOf(key, StringComparison.Ordinal));
        return body;
    }

    private static LoopbackResponse Json(int status, string body) => new(status, body);
}
