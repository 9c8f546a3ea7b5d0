using System.Text;

namespace Contracts.Validation.Tests;

/// <summary>
/// How a payload is read: once, strictly, the same way from a string and from a stream, and always to a result, never
/// an exception: a byte order mark is skipped, text that is not UTF-8 or not Unicode is malformed, nesting beyond 64
/// levels is malformed.
/// </summary>
public sealed class PayloadReadingTests
{
    private static CancellationToken Ct => TestCancellation.Token;
    private static readonly ValidationTarget GetMusic35 = ValidationTarget.Response("goamz-v3.5", "getMusic");
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static string Sample(string relative) => File.ReadAllText(Path.Combine(Repository.Samples, relative));

    private static Task<ValidationResult> FromStream(byte[] bytes, ValidationTarget? target = null) =>
        Repository.Validator.ValidateAsync(new MemoryStream(bytes), target ?? GetMusic35, Ct);

    /// <summary>Everything a result says, to compare two results in full.</summary>
    private static string Full(ValidationResult result) =>
        $"{result.Outcome} {result.Malformed} {result.Refusal} " + string.Join(" | ", result.Violations);

    [Theory]
    [InlineData(65)]
    [InlineData(100)]
    [InlineData(256)]
    [InlineData(10_000)]
    public async Task Nesting_deeper_than_64_levels_is_malformed_not_an_exception(int depth)
    {
        var arrays = new string('[', depth) + new string(']', depth);
        var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

        foreach (var (json, column) in new[] { (arrays, 65), (objects, 64 * 5 + 1) })
        {
            var result = await Repository.Validator.ValidateAsync(json, GetMusic35, Ct);

            Assert.Equal(ValidationOutcome.Malformed, result.Outcome);
            Assert.Equal(1, result.Malformed!.Line);
            Assert.Equal(column, result.Malformed.Column);
            Assert.Contains("nesting too deep", result.Malformed.Message);
            Assert.Contains("64 levels", result.Malformed.Message);
        }
    }

    [Fact]
    public async Task Nesting_of_64_levels_is_read()
    {
        var result = await Repository.Validator.ValidateAsync(new string('[', 64) + new string(']', 64), GetMusic35, Ct);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("", "type", "array"), (violation.Pointer, violation.Rule, violation.Actual));
    }

    [Fact]
    public async Task A_byte_order_mark_is_skipped_from_a_string_and_from_a_stream_alike()
    {
        var json = Sample("goamz-v3.5/getMusic.response.json");

        var fromString = await Repository.Validator.ValidateAsync("\uFEFF" + json, GetMusic35, Ct);
        var fromStream = await FromStream([.. Bom, .. Encoding.UTF8.GetBytes(json)]);

        Assert.True(fromString.IsValid, fromString.ToString());
        Assert.True(fromStream.IsValid, fromStream.ToString());
    }

    [Fact]
    public async Task After_a_byte_order_mark_a_syntax_error_has_the_same_place_from_a_string_and_from_a_stream()
    {
        const string json = "{\n  \"code\": 200,\n  \"data\": }";

        var fromString = await Repository.Validator.ValidateAsync("\uFEFF" + json, GetMusic35, Ct);
        var fromStream = await FromStream([.. Bom, .. Encoding.UTF8.GetBytes(json)]);

        // The mark is not a character a person sees: the place is the one without it.
        Assert.Equal(new MalformedJson(3, 11, "'}' is an invalid start of a value."), fromString.Malformed);
        Assert.Equal(fromString.Malformed, fromStream.Malformed);
    }

    [Fact]
    public async Task Bytes_that_are_not_UTF_8_are_malformed_where_they_are()
    {
        var json = Sample("goamz-v3.5/getMusic.response.json");
        var bytes = Encoding.UTF8.GetBytes(json);
        // A Latin-1 "é" (0xE9 alone) inside the task's status string, on line 5.
        var status = Encoding.UTF8.GetBytes("\"completed\"");
        var at = bytes.AsSpan().IndexOf(status) + 1;
        bytes[at] = 0xE9;

        var result = await FromStream(bytes);

        Assert.Equal(ValidationOutcome.Malformed, result.Outcome);
        Assert.Equal(6, result.Malformed!.Line);
        Assert.Equal(20, result.Malformed.Column);
        Assert.Contains("invalid UTF-8", result.Malformed.Message);
        Assert.Contains("0xE9", result.Malformed.Message);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'{', (byte)'"', 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}' }, 3)] // in a property name
    [InlineData(new byte[] { (byte)'[', (byte)'"', (byte)'a', 0xC3, (byte)'"', (byte)']' }, 4)]            // a character cut short
    [InlineData(new byte[] { (byte)'"', 0xED, 0xA0, 0xBD, (byte)'"' }, 2)]                                   // a surrogate encoded as UTF-8
    [InlineData(new byte[] { 0xFF, (byte)'1' }, 1)]                                                          // outside any string
    public async Task Any_byte_that_is_not_UTF_8_is_malformed(byte[] bytes, int column)
    {
        var result = await FromStream(bytes);

        Assert.Equal(ValidationOutcome.Malformed, result.Outcome);
        Assert.Equal(column, result.Malformed!.Column);
    }

    // A lone surrogate cannot be written in [InlineData]: attribute strings are stored as UTF-8, which turns it into U+FFFD.
    // So the cases put one (its code as a number) where the text has '#'.
    [Theory]
    [InlineData("{\"code\": \"#\"}", 0xD83D, 1, 11)]
    [InlineData("{\n\"title\": \"sea #\"}", 0xDE00, 2, 15)]
    [InlineData("#", 0xD83D, 1, 1)]
    [InlineData("\uFEFF[#]", 0xDFFF, 1, 2)]
    public async Task A_lone_surrogate_in_a_string_is_malformed_with_a_clear_message(string template, int surrogate, int line, int column)
    {
        var json = template.Replace("#", ((char)surrogate).ToString(), StringComparison.Ordinal);

        var result = await Repository.Validator.ValidateAsync(json, GetMusic35, Ct);

        Assert.Equal(ValidationOutcome.Malformed, result.Outcome);
        Assert.Equal((line, column), (result.Malformed!.Line, result.Malformed.Column));
        Assert.Contains($"lone surrogate U+{surrogate:X4}", result.Malformed.Message);
    }

    [Theory]
    [InlineData("sea \\ud83d", "sea \uFFFD")]
    [InlineData("\\ude00\\ud83d!", "\uFFFD\uFFFD!")]
    [InlineData("\\ud83d\\ud83d\\ude00", "\uFFFD\U0001F600")]
    public async Task An_escaped_lone_surrogate_is_JSON_read_as_the_replacement_character(string escaped, string read)
    {
        // JSON allows "\ud83d" (RFC 8259, 8.2); JavaScript writes it for a string cut inside an emoji. Newtonsoft, which
        // read payloads before, made U+FFFD of it, and so does the validator: a string like any other, here where a number belongs.
        const string clip = "39a7e046-e873-453c-8741-0c4217dee411";
        var node = System.Text.Json.Nodes.JsonNode.Parse(Sample("goamz-v3.5/getMusic.response.json"))!;
        node["data"]!["clips"]![clip]!["metadata"]!["duration"] = "PLACE";
        var json = node.ToJsonString().Replace("PLACE", escaped, StringComparison.Ordinal);

        var result = await Repository.Validator.ValidateAsync(json, GetMusic35, Ct);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(($"/data/clips/{clip}/metadata/duration", "type"), (violation.Pointer, violation.Rule));
        Assert.Contains($"the string \"{read}\"", violation.Message);
    }

    [Fact]
    public async Task A_repeated_property_keeps_its_last_value_as_Newtonsoft_did()
    {
        var json = Sample("goamz-v3.5/getMusic.response.json").Replace("\"code\": 200,", "\"code\": \"first\", \"code\": 200,", StringComparison.Ordinal);

        var result = await Repository.Validator.ValidateAsync(json, GetMusic35, Ct);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task Every_sample_gets_the_same_result_from_a_string_and_from_a_stream()
    {
        var manifest = await SampleManifest.LoadAsync(Repository.Samples, Ct);
        foreach (var sample in manifest.Samples)
        {
            var bytes = File.ReadAllBytes(Path.Combine(Repository.Samples, sample.File));

            var fromString = await Repository.Validator.ValidateAsync(Encoding.UTF8.GetString(bytes), sample.Target, Ct);
            var fromStream = await FromStream(bytes, sample.Target);

            Assert.Equal(Full(fromString), Full(fromStream));
        }
    }

    [Fact]
    public async Task Concurrent_validations_sharing_one_schema_validator_agree_with_one_at_a_time()
    {
        var manifest = await SampleManifest.LoadAsync(Repository.Samples, Ct);
        var samples = manifest.Samples.Select(s => (s.Target, Json: File.ReadAllText(Path.Combine(Repository.Samples, s.File)))).ToArray();
        var expected = new List<string>();
        foreach (var (target, json) in samples)
        {
            expected.Add(Full(await Repository.Validator.ValidateAsync(json, target, Ct)));
        }

        var rounds = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            var got = new List<string>();
            foreach (var (target, json) in samples)
            {
                got.Add(Full(await Repository.Validator.ValidateAsync(json, target, Ct)));
            }
            return got;
        })));

        Assert.All(rounds, round => Assert.Equal(expected, round));
    }

    [Fact]
    public async Task A_stream_is_read_no_further_than_one_byte_over_the_limit()
    {
        var validator = new ContractValidator(new ContractValidatorOptions { SpecsDirectory = Repository.Specs, MaxPayloadBytes = 100 });
        var stream = new CountingStream(new MemoryStream(new byte[1_000_000]));

        var result = await validator.ValidateAsync(stream, GetMusic35, Ct);

        Assert.Equal(ValidationOutcome.TooLarge, result.Outcome);
        Assert.Equal(101, stream.BytesRead);
        Assert.Contains("over the limit of 100 bytes", result.Refusal);
    }

    /// <summary>A read-only, non-seekable stream that counts what is read from it.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
