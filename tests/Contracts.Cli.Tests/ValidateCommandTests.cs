using Xunit;

namespace Contracts.Cli.Tests;

/// <summary><c>contracts validate</c> in-process, against the repository's specs and samples.</summary>
public sealed class ValidateCommandTests
{
    private static readonly string Root = FindRoot();

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync([.. args, "--specs", Path.Combine(Root, "specs")], output, error, TestCancellation.Token);
        return (code, output.ToString(), error.ToString());
    }

    private static string Sample(string relative) => Path.Combine(Root, "specs", "samples", relative);

    [Fact]
    public async Task A_valid_payload_prints_valid_and_exits_0()
    {
        var (code, output, _) = await RunAsync("validate", Sample("goamz-v3.5/getMusic.response.json"), "--dialect", "goamz-v3.5", "--operation", "getMusic");
        Assert.Equal(0, code);
        Assert.Equal("valid", output.Trim());
    }

    [Fact]
    public async Task An_invalid_payload_prints_each_pointer_and_rule_and_exits_1()
    {
        // A real relay's answer in another task format (integer code, no action or progress): kept as an example the spec rejects.
        var (code, output, _) = await RunAsync("validate", Sample("task/fetchTask.response.other-crazyrouter-processing-code-int.real.json"), "-d", "task", "-o", "fetchTask");
        Assert.Equal(1, code);
        Assert.Contains("/code  [type]", output);
        Assert.Contains("/data/action  [required]", output);
        Assert.Contains("/data/progress  [required]", output);
    }

    [Fact]
    public async Task Malformed_json_prints_line_and_column_and_exits_1()
    {
        var (code, output, _) = await RunAsync("validate", Sample("task/submitMusic.request.continuation.page.txt"), "-d", "task", "-o", "submitMusic", "--request");
        Assert.Equal(1, code);
        Assert.Contains("(7,5): not JSON", output);
    }

    [Fact]
    public async Task A_schema_target_works_and_a_wrong_root_kind_is_one_violation()
    {
        var (code, output, _) = await RunAsync("validate", Sample("native-v2/getFeed.response.ours.json"), "-d", "native-v2", "--schema", "Clip");
        Assert.Equal(1, code);
        Assert.Contains("1 violation(s)", output);
        Assert.Contains("/  [type] expected an object, found an array", output);
    }

    [Theory]
    [InlineData("validate", "missing.json", "-d", "task", "-o", "submitMusic")]
    [InlineData("validate", "specs/samples/task/submitMusic.response.json", "-d", "task")]
    [InlineData("validate", "specs/samples/task/submitMusic.response.json", "-d", "task", "-o", "nope")]
    [InlineData("validate", "specs/samples/task/submitMusic.response.json", "-d", "suno-v9", "-o", "submitMusic")]
    [InlineData("validate", "specs/samples/task/submitMusic.response.json", "-d", "task", "--schema", "Clip", "--request")]
    [InlineData("validate", "--status", "abc")]
    public async Task Usage_and_input_errors_exit_2_with_a_message(params string[] args)
    {
        var resolved = args.Select(a => a.StartsWith("specs/", StringComparison.Ordinal) ? Path.Combine(Root, a) : a).ToArray();
        var (code, _, error) = await RunAsync(resolved);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task Samples_prints_a_table_and_exits_0_when_every_verdict_matches()
    {
        var (code, output, _) = await RunAsync("validate", "--samples");
        Assert.Equal(0, code);
        Assert.Contains("task/submitMusic.request.page.txt", output);
        Assert.Matches(@"(\d+) samples, \1 got their expected verdict, 0 did not\.", output);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Contracts.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Contracts.sln not found");
    }
}
