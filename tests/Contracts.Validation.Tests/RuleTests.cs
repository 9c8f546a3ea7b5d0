using System.Text.Json.Nodes;

namespace Contracts.Validation.Tests;

/// <summary>Each rule kind, on a real vendor sample with one deliberate change, reports the exact pointer.</summary>
public sealed class RuleTests
{
    private static CancellationToken Ct => TestCancellation.Token;
    private const string Clip = "39a7e046-e873-453c-8741-0c4217dee411";

    private static string Sample(string relative) => File.ReadAllText(Path.Combine(Repository.Samples, relative));

    private static string Edit(string relative, Action<JsonNode> edit)
    {
        var node = JsonNode.Parse(Sample(relative))!;
        edit(node);
        return node.ToJsonString();
    }

    private static readonly ValidationTarget GetMusic35 = ValidationTarget.Response("goamz-v3.5", "getMusic");

    [Fact]
    public async Task The_vendor_sample_as_printed_is_valid()
    {
        var result = await Repository.Validator.ValidateAsync(Sample("goamz-v3.5/getMusic.response.json"), GetMusic35, Ct);
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task Wrong_type_reports_the_pointer_expected_and_actual()
    {
        var json = Edit("goamz-v3.5/getMusic.response.json", n => n["data"]!["clips"]![Clip]!["metadata"]!["duration"] = "long");

        var result = await Repository.Validator.ValidateAsync(json, GetMusic35, Ct);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(ValidationOutcome.Invalid, result.Outcome);
        Assert.Equal($"/data/clips/{Clip}/metadata/duration", violation.Pointer);
        Assert.Equal("type", violation.Rule);
        Assert.Equal("number", violation.Expected);
        Assert.Equal("string", violation.Actual);
        Assert.Contains("expected a number", violation.Message);
    }

    [Fact]
    public async Task Missing_required_reports_the_missing_property()
    {
        var json = Edit("goamz-v3.5/getMusic.response.json", n => n["data"]!.AsObject().Remove("task_id"));

        var result = await Repository.Validator.ValidateAsync(json, GetMusic35, Ct);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("/data/task_id", violation.Pointer);
        Assert.Equal("required", violation.Rule);
        Assert.Equal("missing", violation.Actual);
    }

    [Fact]
    public async Task Null_where_not_nullable_is_its_own_rule()
    {
        var json = Edit("goamz-v3.5/getMusic.response.json", n => n["data"]!["status"] = null);

        var result = await Repository.Validator.ValidateAsync(json, GetMusic35, Ct);

        var violation = Assert.Single(result.Violations);
        Assert.Equal("/data/status", violation.Pointer);
        Assert.Equal("null", violation.Rule);
        Assert.Equal("string", violation.Expected);
    }

    [Fact]
    public async Task Null_where_the_spec_says_nullable_is_valid()
    {
        // metadata.duration is `nullable: true` in native v2 (the page shows null while generating).
        var result = await Repository.Validator.ValidateAsync(Sample("native-v2/generateMusic.response.json"), ValidationTarget.Response("native-v2", "generateMusic"), Ct);
        Assert.True(result.IsValid, result.ToString());
    }

    [Theory]
    [InlineData("yesterday", "format")]
    // A date alone is not a date-time (RFC 3339); NJsonSchema 11.6.2's own date-time check accepts it, ours does not.
    [InlineData("2024-04-18", "format")]
    [InlineData("18.04.2024 14:29:31", "format")]
    // The right shape but no such day.
    [InlineData("2024-13-45T10:00:00Z", "format")]
    public async Task Bad_format_reports_the_format(string createdAt, string rules)
    {
        var json = Edit("native-v2/generateMusic.response.json", n => n["clips"]![1]!["created_at"] = createdAt);

        var result = await Repository.Validator.ValidateAsync(json, ValidationTarget.Response("native-v2", "generateMusic"), Ct);

        Assert.All(result.Violations, v => Assert.Equal("/clips/1/created_at", v.Pointer));
        Assert.Equal(rules, string.Join(' ', result.Violations.Select(v => v.Rule).Order(StringComparer.Ordinal)));
        Assert.Equal("date-time", result.Violations.Single(v => v.Rule == "format").Expected);
    }

    [Theory]
    // The forms relays really send pass the specs' one timestamp rule (specs/README.md, "Timestamps").
    [InlineData("2024-04-18T14:29:31.760Z")]
    [InlineData("2025-12-09 10:54:16")]
    [InlineData("2025-12-09T10:54:16")]
    [InlineData("2025-12-09T10:54:16.123456789+08:00")]
    public async Task Timestamps_that_relays_send_are_valid(string createdAt)
    {
        var json = Edit("native-v2/generateMusic.response.json", n => n["clips"]![1]!["created_at"] = createdAt);

        var result = await Repository.Validator.ValidateAsync(json, ValidationTarget.Response("native-v2", "generateMusic"), Ct);

        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public async Task Every_violation_is_listed()
    {
        var json = Edit("native-v2/generateMusic.response.json", n =>
        {
            n["batch_size"] = 1.5;
            n["clips"]![0]!.AsObject().Remove("title");
            n["clips"]![1]!["metadata"]!["stream"] = "yes";
        });

        var result = await Repository.Validator.ValidateAsync(json, ValidationTarget.Response("native-v2", "generateMusic"), Ct);

        Assert.Equal(
            ["/batch_size type", "/clips/0/title required", "/clips/1/metadata/stream type"],
            result.Violations.Select(v => $"{v.Pointer} {v.Rule}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_named_component_schema_can_be_the_target()
    {
        var clip = JsonNode.Parse(Sample("native-v2/generateMusic.response.json"))!["clips"]![0]!.ToJsonString();

        Assert.True((await Repository.Validator.ValidateAsync(clip, ValidationTarget.Schema("native-v2", "Clip"), Ct)).IsValid);
        Assert.False((await Repository.Validator.ValidateAsync("{}", ValidationTarget.Schema("native-v2", "Clip"), Ct)).IsValid);
    }

    [Fact]
    public async Task Malformed_json_is_a_result_with_line_column_and_what_was_expected()
    {
        var result = await Repository.Validator.ValidateAsync("{\n  \"code\": 200,\n  \"data\": }", GetMusic35, Ct);

        Assert.Equal(ValidationOutcome.Malformed, result.Outcome);
        Assert.Equal(3, result.Malformed!.Line);
        Assert.Equal(11, result.Malformed.Column);
        Assert.Contains("invalid start of a value", result.Malformed.Message);
    }

    [Fact]
    public async Task A_payload_over_the_limit_is_refused_unparsed()
    {
        var validator = new ContractValidator(new ContractValidatorOptions { SpecsDirectory = Repository.Specs, MaxPayloadBytes = 100 });
        var big = "{\"code\":200," + new string(' ', 200) + "not even json";

        var fromString = await validator.ValidateAsync(big, GetMusic35, Ct);
        var fromStream = await validator.ValidateAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(big)), GetMusic35, Ct);

        Assert.Equal(ValidationOutcome.TooLarge, fromString.Outcome);
        Assert.Equal(ValidationOutcome.TooLarge, fromStream.Outcome);
        Assert.Contains("limit of 100 bytes", fromString.Refusal);
    }

    [Fact]
    public async Task Specs_are_parsed_once_however_many_payloads()
    {
        var validator = new ContractValidator(new ContractValidatorOptions { SpecsDirectory = Repository.Specs });
        var json = Sample("goamz-v3.5/getMusic.response.json");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => validator.ValidateAsync(json, GetMusic35, Ct)));
        await validator.ValidateAsync("{}", ValidationTarget.Schema("goamz-v3.5", "Clip"), Ct);

        Assert.Equal(1, validator.SpecLoadCount);
    }

    [Fact]
    public async Task Unknown_targets_fail_with_what_exists()
    {
        var noDialect = await Assert.ThrowsAsync<ContractValidationException>(() => Repository.Validator.ValidateAsync("{}", ValidationTarget.Response("goamz-v9", "getMusic"), Ct));
        var noOperation = await Assert.ThrowsAsync<ContractValidationException>(() => Repository.Validator.ValidateAsync("{}", ValidationTarget.Response("task", "getMusic"), Ct));
        var noStatus = await Assert.ThrowsAsync<ContractValidationException>(() => Repository.Validator.ValidateAsync("{}", ValidationTarget.Response("task", "fetchTask", 418), Ct));

        Assert.Contains("Known dialects: goamz-v3.0, goamz-v3.5, native-v2, task.", noDialect.Message);
        Assert.Contains("task.yaml has no operation 'getMusic'. Operations: fetchTask, fetchTasks, submitLyrics, submitMusic.", noOperation.Message);
        Assert.Contains("declares no 418 response", noStatus.Message);
    }

    [Theory]
    [InlineData("goamz-v3.5")]
    [InlineData("goamz-v3.0")]
    [InlineData("task")]
    [InlineData("native-v2")]
    public async Task Every_spec_loads_and_lists_its_operations(string dialect)
    {
        // NSwag.Core.Yaml 13.16.1 failed on characters outside the BMP; 14.8.0 reads them, and native-v2.yaml quotes
        // the vendor page's emoji status labels (🟢200成功), so this guards the reader as much as the specs.
        var operations = await Repository.Validator.GetOperationIdsAsync(dialect, Ct);
        Assert.NotEmpty(operations);
    }
}
