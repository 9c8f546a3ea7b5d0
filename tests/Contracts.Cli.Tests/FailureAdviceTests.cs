using Contracts.Cli.Output;
using Contracts.Cli.Target;
using Contracts.Music;

namespace Contracts.Cli.Tests;

/// <summary>
/// What a failure tells the user to do when money may be involved: a paid call whose outcome is unknown never reads as
/// "try again", and a task id that outlives a failure is printed with the command that reads it.
/// </summary>
public sealed class FailureAdviceTests
{
    private static readonly Uri Relay = new("https://relay.example.com/");

    private static TaskFollowUp CustomVendor(bool lyrics = false, bool keyOnCommandLine = true) =>
        new(["--base-url", Relay.ToString(), "--dialect", "task"], keyOnCommandLine, lyrics);

    private static MusicApiException Failure(MusicApiErrorKind kind, string operation = "submitMusic", MusicDialect dialect = MusicDialect.Task,
        int status = 0, string? taskId = null, bool outcomeUnknown = false) =>
        new(new MusicApiError("relay.example.com", dialect, operation, kind) { Status = status, TaskId = taskId, OutcomeUnknown = outcomeUnknown });

    public static TheoryData<MusicApiErrorKind, string> UnknownOutcomes() => new()
    {
        { MusicApiErrorKind.Timeout, "submitMusic" },
        { MusicApiErrorKind.NetworkError, "submitMusic" },
        { MusicApiErrorKind.InvalidResponse, "submitMusic" },
        { MusicApiErrorKind.Timeout, "submitLyrics" },
        { MusicApiErrorKind.Timeout, "concat" },
    };

    [Theory]
    [MemberData(nameof(UnknownOutcomes))]
    public void A_paid_call_without_an_answer_says_it_may_be_billed_and_to_look_for_the_task_first(MusicApiErrorKind kind, string operation)
    {
        var (message, code) = Failures.Describe(Failure(kind, operation, outcomeUnknown: true), CustomVendor());

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("what to do: do not simply run the command again", message);
        Assert.Contains("the vendor may have accepted it and billed it", message);
        Assert.Contains("Look for the task first (the vendor's console or task list for relay.example.com)", message);
        Assert.DoesNotContain("try again later", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("the vendor is slow", message);
        // No id came back, so there is nothing to fetch.
        Assert.DoesNotContain("contracts fetch", message);
    }

    [Fact]
    public void A_read_that_timed_out_may_simply_be_tried_again()
    {
        var (message, _) = Failures.Describe(Failure(MusicApiErrorKind.Timeout, "fetchTask"), null);

        Assert.Contains("what to do: the vendor is slow; try again later.", message);
    }

    [Theory]
    [InlineData(500, MusicApiErrorKind.HttpError)]
    [InlineData(401, MusicApiErrorKind.HttpError)]
    [InlineData(200, MusicApiErrorKind.InvalidResponse)]
    [InlineData(0, MusicApiErrorKind.Timeout)]
    public void A_task_id_that_outlives_the_failure_is_printed_with_the_fetch_command_for_the_same_target(int status, MusicApiErrorKind kind)
    {
        var (message, code) = Failures.Describe(Failure(kind, status: status, taskId: "task_42"), CustomVendor());

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("\ntask: task_42 (the vendor returned it before the failure); read it with: contracts fetch task_42 --base-url https://relay.example.com/ --dialect task --api-key <your key>", message);
        Assert.DoesNotContain("try again later", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_fetch_command_names_a_built_in_vendor_and_no_key_when_the_key_comes_from_the_environment()
    {
        var followUp = new TaskFollowUp(["--vendor", "openai-hub"], apiKeyOnCommandLine: false, lyrics: false);

        var (message, _) = Failures.Describe(Failure(MusicApiErrorKind.HttpError, status: 502, taskId: "9f1c"), followUp);

        Assert.Contains("read it with: contracts fetch 9f1c --vendor openai-hub\n", message + "\n");
        Assert.DoesNotContain("--api-key", message);
    }

    [Fact]
    public void An_id_that_is_not_a_plain_word_is_quoted_for_the_shell()
    {
        var (message, _) = Failures.Describe(Failure(MusicApiErrorKind.HttpError, status: 500, taskId: "it's 1"), CustomVendor(keyOnCommandLine: false));

        Assert.Contains("contracts fetch 'it'\\''s 1' --base-url", message);
    }

    [Fact]
    public void A_lyrics_id_outside_the_task_dialect_is_printed_without_a_fetch_command_this_tool_cannot_run()
    {
        var (message, _) = Failures.Describe(Failure(MusicApiErrorKind.HttpError, "getLyrics", MusicDialect.GoAmzV30, status: 500, taskId: "lyr-7"),
            new TaskFollowUp(["--base-url", Relay.ToString(), "--dialect", "goamz-v3.0"], true, lyrics: true));
        var (taskDialect, _) = Failures.Describe(Failure(MusicApiErrorKind.HttpError, "fetchTask", status: 500, taskId: "lyr-8"), CustomVendor(lyrics: true));

        Assert.Contains("task: lyr-7 (the vendor returned it before the failure); look for it in the vendor's console", message);
        Assert.DoesNotContain("contracts fetch", message);
        Assert.Contains("read it with: contracts fetch lyr-8 --base-url", taskDialect);
    }

    [Fact]
    public void On_the_embedded_emulator_the_id_is_printed_with_the_fetch_that_reads_it_from_the_state_file()
    {
        var (message, _) = Failures.Describe(Failure(MusicApiErrorKind.HttpError, status: 500, taskId: "task_1"), TaskFollowUp.Embedded);
        var (withState, _) = Failures.Describe(Failure(MusicApiErrorKind.HttpError, status: 500, taskId: "task_2"),
            new TaskFollowUp(["--state", "/tmp/my state.json"], apiKeyOnCommandLine: false, lyrics: false, embedded: true));

        Assert.Contains("task: task_1 (the vendor returned it before the failure); read it with: contracts fetch task_1", message);
        Assert.DoesNotContain("--api-key", message);
        Assert.Contains("read it with: contracts fetch task_2 --state '/tmp/my state.json'", withState);
    }

    [Fact]
    public void A_wait_that_ran_out_names_each_unfinished_task_with_its_fetch_command_and_no_resubmit()
    {
        var timeout = new MusicWaitTimeoutException("relay.example.com (Task) task t1 is still running after 600 s", ["t1"]);

        var (message, code) = Failures.Describe(timeout, CustomVendor());

        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith("error: relay.example.com (Task) task t1 is still running", message);
        Assert.Contains("do not submit it again", message);
        Assert.Contains("\ntask: t1 (not finished yet); read it with: contracts fetch t1 --base-url https://relay.example.com/ --dialect task --api-key <your key>", message);
    }

    [Fact]
    public void Fetch_itself_gets_no_task_line_but_keeps_the_advice_naming_the_id()
    {
        var (message, _) = Failures.Describe(Failure(MusicApiErrorKind.HttpError, "fetchTask", status: 500, taskId: "task_9"), followUp: null);

        Assert.Contains("what to do: the vendor returned task task_9: it may exist and be billed", message);
        Assert.DoesNotContain("\ntask: ", message);
    }

    [Fact]
    public async Task Generate_lyrics_and_concat_print_the_task_id_a_failed_submit_returned_with_the_fetch_command()
    {
        // A vendor that fails every call with HTTP 500 but names the task it created, in each dialect's envelope.
        await using var server = new LoopbackServer(request => request.Path.Contains("/concat", StringComparison.Ordinal)
            ? new LoopbackResponse(500, """{"code":500,"message":"upstream busy","data":{"task_id":"t-concat-1"}}""")
            : new LoopbackResponse(500, """{"code":"error","message":"upstream busy","data":"task_e2e_1"}"""));
        using var cli = new CliRun();
        var baseUrl = server.BaseAddress.ToString();

        var (generate, _, generateError) = await cli.RunAsync("generate", "a song", "--base-url", baseUrl, "--dialect", "task", "--api-key", "sk-test-1", "--out", cli.Out);
        var (lyrics, _, lyricsError) = await cli.RunAsync("lyrics", "the sea", "--base-url", baseUrl, "--dialect", "task", "--api-key", "sk-test-1");
        var (concat, _, concatError) = await cli.RunAsync("concat", "clip-1", "--base-url", baseUrl, "--dialect", "goamz-v3.0", "--api-key", "sk-test-1", "--out", cli.Out);

        Assert.Equal(ExitCodes.Failed, generate);
        Assert.Contains($"read it with: contracts fetch task_e2e_1 --base-url {baseUrl} --dialect task --api-key <your key>", generateError);
        Assert.Equal(ExitCodes.Failed, lyrics);
        Assert.Contains($"read it with: contracts fetch task_e2e_1 --base-url {baseUrl} --dialect task --api-key <your key>", lyricsError);
        Assert.Equal(ExitCodes.Failed, concat);
        Assert.Contains($"read it with: contracts fetch t-concat-1 --base-url {baseUrl} --dialect goamz-v3.0 --api-key <your key>", concatError);
        Assert.All(new[] { generateError, lyricsError, concatError }, e => Assert.DoesNotContain("try again later", e, StringComparison.OrdinalIgnoreCase));
        Assert.All(new[] { generateError, lyricsError, concatError }, e => Assert.DoesNotContain("sk-test-1", e));
    }
}
