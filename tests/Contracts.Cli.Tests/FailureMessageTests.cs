using Contracts.Emulator;

namespace Contracts.Cli.Tests;

/// <summary>Every failure is one clear message with a non-zero exit code; a stack trace only with --verbose.</summary>
public sealed class FailureMessageTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    [Fact]
    public async Task A_wrong_key_is_one_message_with_what_to_do_and_exit_3()
    {
        await using var emulator = await VendorEmulator.StartAsync(cancellationToken: Ct);
        using var cli = new CliRun();
        string[] args = ["fetch", "t1", "--base-url", emulator.BaseAddress.ToString(), "--dialect", "task", "--api-key", "sk-wrong-key-123456"];

        var (code, _, error) = await cli.RunAsync(args);
        var (verboseCode, _, verbose) = await cli.RunAsync([.. args, "--verbose"]);

        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith("error: ", error);
        Assert.Contains("fetchTask failed: HTTP 401", error);
        Assert.Contains("what to do: check the API key", error);
        Assert.DoesNotContain("   at ", error);
        Assert.DoesNotContain("sk-wrong-key-123456", error);
        Assert.Equal(ExitCodes.Failed, verboseCode);
        Assert.Contains("   at ", verbose);
        Assert.DoesNotContain("sk-wrong-key-123456", verbose);
    }

    [SkippableTheory]
    [InlineData(new[] { "fetch", "t1", "--vendor", "openai-core" }, "No API key: pass --api-key or set CONTRACTS_API_KEY.")]
    [InlineData(new[] { "fetch", "t1", "--vendor", "hichat", "--api-key", "k" }, "Vendor 'hichat' publishes no host (\"大模型接入文档\" (large-model integration docs), the Suno v3.0 page; the page gives no host): set --base-url.")]
    [InlineData(new[] { "fetch", "t1", "--vendor", "nope", "--api-key", "k" }, "--vendor 'nope' is not a built-in profile (openai-core, hichat, openai-hub, global-agent).")]
    [InlineData(new[] { "generate", "x", "--dialect", "klingon" }, "Unknown dialect 'klingon'")]
    [InlineData(new[] { "generate" }, "Give a description")]
    [InlineData(new[] { "generate", "x", "--at", "10" }, "--at goes with --continue")]
    [InlineData(new[] { "concat", "clip-1", "--dialect", "task", "--emulator-step", "20" }, "speaks the Task dialect, which has no concat")]
    public async Task Usage_mistakes_exit_2_with_one_line(string[] args, string message)
    {
        Skip.If(Environment.GetEnvironmentVariable("CONTRACTS_API_KEY") is not null && args.Contains("openai-core"),
            "CONTRACTS_API_KEY is set in this environment.");
        using var cli = new CliRun();

        var (code, _, error) = await cli.RunAsync(args);

        Assert.Equal(ExitCodes.UsageOrInput, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public async Task An_unreachable_vendor_is_a_network_error_with_advice()
    {
        using var cli = new CliRun();

        var (code, _, error) = await cli.RunAsync("fetch", "t1", "--base-url", "http://127.0.0.1:9/", "--dialect", "task", "--api-key", "k");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("NetworkError", error);
        Assert.Contains("what to do: check --base-url", error);
    }
}
