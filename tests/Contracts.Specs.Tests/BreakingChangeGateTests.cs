using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>
/// build/specs/check-breaking-changes.mjs (openapi-diff) fed a spec and a deliberately edited copy of it: a breaking
/// edit fails the gate unless the major version was raised; a compatible edit passes.
/// </summary>
public sealed class BreakingChangeGateTests : IDisposable
{
    private const string Gate = "build/specs/check-breaking-changes.mjs";
    private static readonly string Spec = Path.Combine(Repository.Specs, "task.yaml");

    // The edits below start from task.yaml as it is; the gate's messages quote its version and the ones set here.
    private static readonly (int Major, int Minor, string Text) Current = VersionOf(Spec);
    private static readonly string NextMinor = $"{Current.Major}.{Current.Minor + 1}.0";
    private static readonly string NextMajor = $"{Current.Major + 1}.0.0";
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("contracts-gate-");

    private static CancellationToken Ct => TestCancellation.Token;

    public void Dispose() => _temp.Delete(recursive: true);

    public static TheoryData<string> Specs() => new(Repository.SpecNames);

    [SkippableTheory]
    [MemberData(nameof(Specs))]
    public async Task An_unchanged_spec_passes_even_after_a_yaml_round_trip(string name)
    {
        var spec = Path.Combine(Repository.Specs, name + ".yaml");
        var copy = new SpecCopy(spec).SaveTo(TempFile(name + ".yaml"));

        var version = VersionOf(spec).Text;

        var result = await ProcessRunner.NodeAsync(Gate, [spec, copy], Ct);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"OK, no breaking change ({version} -> {version}, 0 non-breaking)", result.StandardOutput);
    }

    [SkippableFact]
    public async Task Removing_a_response_field_fails_and_names_the_affected_operations()
    {
        var edited = new SpecCopy(Spec).RemoveProperty("SubmitResponse", "message").SaveTo(TempFile("task.yaml"));

        var result = await ProcessRunner.NodeAsync(Gate, [Spec, edited], Ct);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains($"task.yaml: FAIL: 2 breaking change(s) but the major version was not raised ({Current.Text} -> {Current.Text})", result.StandardError);
        Assert.Contains("BREAKING: response.body.scope.add at POST /suno/submit/music", result.StandardError);
        Assert.Contains("BREAKING: response.body.scope.add at POST /suno/submit/lyrics", result.StandardError);
        Assert.Contains($"raise info.version to {NextMajor}", result.StandardError);
    }

    [SkippableFact]
    public async Task Adding_a_required_request_field_fails()
    {
        var edited = new SpecCopy(Spec)
            .AddProperty("SubmitMusicRequest", "seed", "integer", "Random seed.", required: true)
            .SaveTo(TempFile("task.yaml"));

        var result = await ProcessRunner.NodeAsync(Gate, [Spec, edited], Ct);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("BREAKING: request.body.scope.remove at POST /suno/submit/music", result.StandardError);
    }

    [SkippableFact]
    public async Task Adding_an_optional_response_field_passes_as_non_breaking()
    {
        var edited = new SpecCopy(Spec)
            .AddProperty("SubmitResponse", "queue_position", "integer", "Place in the relay's queue.", required: false)
            .SetVersion(NextMinor)
            .SaveTo(TempFile("task.yaml"));

        var result = await ProcessRunner.NodeAsync(Gate, [Spec, edited], Ct);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"task.yaml: OK, no breaking change ({Current.Text} -> {NextMinor}, 2 non-breaking)", result.StandardOutput);
        Assert.Contains("non-breaking: response.body.scope.remove at POST /suno/submit/music", result.StandardOutput);
    }

    [SkippableFact]
    public async Task A_non_breaking_change_without_a_version_bump_passes_with_a_reminder()
    {
        var edited = new SpecCopy(Spec)
            .AddProperty("SubmitResponse", "queue_position", "integer", "Place in the relay's queue.", required: false)
            .SaveTo(TempFile("task.yaml"));

        var result = await ProcessRunner.NodeAsync(Gate, [Spec, edited], Ct);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("raise the minor version when you publish it", result.StandardOutput);
    }

    [SkippableFact]
    public async Task A_breaking_change_passes_when_the_major_version_was_raised()
    {
        var edited = new SpecCopy(Spec)
            .RemoveProperty("SubmitResponse", "message")
            .AddProperty("SubmitMusicRequest", "seed", "integer", "Random seed.", required: true)
            .SetVersion(NextMajor)
            .SaveTo(TempFile("task.yaml"));

        var result = await ProcessRunner.NodeAsync(Gate, [Spec, edited], Ct);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains($"task.yaml: OK, 3 breaking change(s) with the major version raised ({Current.Text} -> {NextMajor})", result.StandardOutput);
    }

    [SkippableFact]
    public async Task A_new_optional_request_field_counts_as_breaking_because_request_bodies_accept_unknown_fields()
    {
        // openapi-diff compares the sets of accepted bodies: `seed` could be sent as anything before (additional
        // properties are allowed), an integer only now. Documented in README.md; such a change needs a major bump.
        var edited = new SpecCopy(Spec)
            .AddProperty("SubmitMusicRequest", "seed", "integer", "Random seed.", required: false)
            .SaveTo(TempFile("task.yaml"));

        var result = await ProcessRunner.NodeAsync(Gate, [Spec, edited], Ct);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("BREAKING: request.body.scope.remove at POST /suno/submit/music", result.StandardError);
    }

    [SkippableTheory]
    [InlineData("1.0", "is not a semantic version")]
    [InlineData("0.9.0", "info.version went down ({current} -> 0.9.0)")]
    public async Task A_version_that_is_not_semver_or_goes_down_fails(string version, string message)
    {
        var edited = new SpecCopy(Spec).SetVersion(version).SaveTo(TempFile("task.yaml"));

        var result = await ProcessRunner.NodeAsync(Gate, [Spec, edited], Ct);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains(message.Replace("{current}", Current.Text, StringComparison.Ordinal), result.StandardError);
    }

    [SkippableFact]
    public async Task The_repository_specs_pass_against_their_committed_baselines()
    {
        var result = await ProcessRunner.NodeAsync(Gate, [], Ct);

        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var name in Repository.SpecNames)
        {
            Assert.Contains($"{name}: OK", result.StandardOutput);
            Assert.True(File.Exists(Path.Combine(Repository.Specs, "baseline", name + ".yaml")), $"specs/baseline/{name}.yaml is missing");
        }
    }

    private string TempFile(string name) => Path.Combine(_temp.FullName, name);

    /// <summary>A spec's <c>info.version</c>, read from its text (the first two-space-indented <c>version:</c>).</summary>
    private static (int Major, int Minor, string Text) VersionOf(string spec)
    {
        var text = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(spec), @"(?m)^  version: (\S+)$").Groups[1].Value;
        var parts = text.Split('.');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), text);
    }
}
