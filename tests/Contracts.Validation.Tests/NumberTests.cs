namespace Contracts.Validation.Tests;

/// <summary>
/// Numbers as NJsonSchema needs them: an integer beyond Int64 is a result, checked exactly against the number rules
/// (NJsonSchema 11.6.2 threw InvalidCastException for one), and a fraction is compared as sent (as a double it reached
/// the comparison rounded to 15 digits). The bounds live in a spec of their own, written for these tests.
/// </summary>
public sealed class NumberTests : IDisposable
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: numbers
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Numbers:
              type: object
              additionalProperties: false
              properties:
                anyInteger:
                  type: integer
                atMost100:
                  type: number
                  maximum: 100
                atMost1e20:
                  type: integer
                  maximum: 100000000000000000000
                aboveMinus1e20:
                  type: integer
                  minimum: -100000000000000000000
                  exclusiveMinimum: true
                even:
                  type: integer
                  multipleOf: 2
                halves:
                  type: number
                  multipleOf: 0.5
                text:
                  type: string
                bigChoice:
                  type: integer
                  enum: [123456789012345678901234567890]
        """;

    private const string Big = "123456789012345678901234567890";
    private readonly string _folder = Directory.CreateTempSubdirectory("contracts-numbers-").FullName;
    private readonly ContractValidator _validator;
    private static readonly ValidationTarget Numbers = ValidationTarget.Schema("numbers", "Numbers");

    public NumberTests()
    {
        File.WriteAllText(Path.Combine(_folder, "numbers.yaml"), Spec);
        _validator = new ContractValidator(new ContractValidatorOptions { SpecsDirectory = _folder });
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<string> Verdict(string json) => SampleManifest.Describe(await _validator.ValidateAsync(json, Numbers, TestCancellation.Token));

    [Theory]
    [InlineData($$"""{"anyInteger": {{Big}}}""", "valid")]
    [InlineData($$"""{"anyInteger": -{{Big}}}""", "valid")]
    [InlineData("""{"anyInteger": 9223372036854775808}""", "valid")]
    [InlineData($$"""{"text": {{Big}}}""", "invalid: /text type")]
    [InlineData($$"""{"atMost100": {{Big}}}""", "invalid: /atMost100 range")]
    [InlineData("""{"atMost1e20": 99999999999999999999}""", "valid")]
    [InlineData("""{"atMost1e20": 100000000000000000000}""", "valid")]
    [InlineData("""{"atMost1e20": 100000000000000000001}""", "invalid: /atMost1e20 range")]
    [InlineData("""{"aboveMinus1e20": -99999999999999999999}""", "valid")]
    [InlineData("""{"aboveMinus1e20": -100000000000000000000}""", "invalid: /aboveMinus1e20 range")]
    [InlineData("""{"even": 123456789012345678901234567892}""", "valid")]
    [InlineData("""{"even": 123456789012345678901234567891}""", "invalid: /even numberNotMultipleOf")]
    [InlineData("""{"halves": 123456789012345678901234567891}""", "valid")]
    [InlineData($$"""{"bigChoice": {{Big}}}""", "valid")]
    [InlineData("""{"bigChoice": 123456789012345678901234567891}""", "invalid: /bigChoice enum")]
    public async Task An_integer_beyond_Int64_is_checked_exactly(string json, string expected)
    {
        Assert.Equal(expected, await Verdict(json));
    }

    [Fact]
    public async Task An_integer_beyond_Int64_is_shown_as_sent()
    {
        var result = await _validator.ValidateAsync($$"""{"text": {{Big}}}""", Numbers, TestCancellation.Token);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("integer", violation.Actual);
        Assert.Contains($"found an integer ({Big})", violation.Message);
    }

    [Fact]
    public async Task An_integer_beyond_Int64_in_a_vendor_payload_is_a_violation_not_an_exception()
    {
        // getMusic's code is an integer that must be exactly 200.
        var json = File.ReadAllText(Path.Combine(Repository.Samples, "goamz-v3.5/getMusic.response.json"))
            .Replace("\"code\": 200", $"\"code\": {Big}", StringComparison.Ordinal);

        var result = await Repository.Validator.ValidateAsync(json, ValidationTarget.Response("goamz-v3.5", "getMusic"), TestCancellation.Token);

        Assert.Equal("invalid: /code range", SampleManifest.Describe(result));
    }

    [Theory]
    [InlineData("""{"atMost100": 100}""", "valid")]
    [InlineData("""{"atMost100": 100.0000000000000000000000001}""", "invalid: /atMost100 range")]
    [InlineData("""{"atMost100": 100.00000000000001}""", "invalid: /atMost100 range")]
    [InlineData("""{"atMost100": 1e2}""", "valid")]
    [InlineData("""{"atMost100": 1e400}""", "invalid: /atMost100 range")]
    [InlineData("""{"atMost100": -1e400}""", "valid")]
    [InlineData("""{"halves": 2.5}""", "valid")]
    [InlineData("""{"halves": 2.25}""", "invalid: /halves numberNotMultipleOf")]
    [InlineData("""{"anyInteger": 1.0}""", "invalid: /anyInteger type")]
    public async Task A_fraction_is_compared_as_sent(string json, string expected)
    {
        Assert.Equal(expected, await Verdict(json));
    }
}
