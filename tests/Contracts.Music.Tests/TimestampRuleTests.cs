using System.Text.Json.Nodes;
using Contracts.Clients;
using Contracts.Validation;

namespace Contracts.Music.Tests;

/// <summary>
/// The specs' one timestamp rule (specs/README.md, "Timestamps") is applied alike by the validator, the rule itself
/// (<see cref="VendorTime"/>), the strict generated client and the facade, value by value.
/// </summary>
public sealed class TimestampRuleTests
{
    private static readonly ContractValidator Validator = new(new ContractValidatorOptions { SpecsDirectory = Path.Combine(AppContext.BaseDirectory, "specs") });

    [Theory]
    [InlineData("2024-04-18T14:29:31.760Z", true)]
    [InlineData("2024-04-18t14:29:31z", true)]
    [InlineData("2025-12-09 10:54:16", true)]
    [InlineData("2025-12-09T10:54:16", true)]
    [InlineData("2025-12-09T10:54:16.123456789+08:00", true)]
    [InlineData("2025-12-09 10:54:16-05:30", true)]
    [InlineData("2024-04-18", false)]
    [InlineData("yesterday", false)]
    [InlineData("18.04.2024 14:29:31", false)]
    [InlineData("2024-04-18T14:29", false)]
    [InlineData("2024-04-18T14:29:31 +08:00", false)]
    [InlineData("2024-13-45T10:00:00Z", false)]
    [InlineData("2024-04-18T14:29:31+0800", false)]
    public async Task Validator_rule_strict_client_and_facade_agree(string createdAt, bool valid)
    {
        var json = JsonAssert.Edit(Samples.Read("native-v2", "generateMusic.response.json"), root => root["clips"]![0]!["created_at"] = createdAt);

        var validator = (await Validator.ValidateAsync(json, ValidationTarget.Response("native-v2", "generateMusic"), TestCancellation.Token)).IsValid;
        var rule = VendorTime.TryParse(createdAt, out var parsed);
        var strict = Record.Exception(() => System.Text.Json.JsonSerializer.Deserialize<Contracts.Clients.NativeV2.GenerateResponse>(
            json, new Contracts.Clients.NativeV2.NativeV2Client(new HttpClient()).JsonSerializerSettings)) is null;
        var facade = MusicClient.ReadPayload(MusicDialect.NativeV2, json).Single().Clips[0].CreatedAt;

        Assert.Equal(valid, validator);
        Assert.Equal(valid, rule);
        Assert.Equal(valid, strict);
        Assert.Equal(valid ? parsed.ToUniversalTime() : null, facade);
    }

    [Fact]
    public void A_timestamp_without_an_offset_is_UTC()
    {
        Assert.Equal(new DateTimeOffset(2025, 12, 9, 10, 54, 16, TimeSpan.Zero), VendorTime.Parse("2025-12-09 10:54:16"));
        Assert.Equal(TimeSpan.FromHours(8), VendorTime.Parse("2025-12-09T10:54:16.1234567891+08:00").Offset);
        var error = Assert.Throws<FormatException>(() => VendorTime.Parse("2024-04-18"));
        Assert.Contains("'2024-04-18' is not a timestamp", error.Message);
    }

    [Theory]
    // What Prism's dynamic mock sent for an int64 time: beyond the year 9999 even as milliseconds.
    [InlineData("1219091415618229")]
    [InlineData("1e300")]
    [InlineData("-5")]
    public void A_unix_time_no_calendar_holds_is_no_time_not_an_exception(string submitTime)
    {
        var json = JsonAssert.Edit(Samples.Read("task", "fetchTask.response.ours.json"), root => root["data"]!["submit_time"] = JsonNode.Parse(submitTime));

        var task = MusicClient.ReadPayload(MusicDialect.Task, json).Single();

        Assert.Null(task.SubmittedAt);
        Assert.Equal("736a6f88-bd29-4b1e-b110-37132a5325ac", task.Id);
    }
}
