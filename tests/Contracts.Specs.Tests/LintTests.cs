using Contracts.Specs.Tests.Infrastructure;

namespace Contracts.Specs.Tests;

/// <summary>`npm run lint:specs` (Redocly with redocly.yaml): the specs pass, and the ruleset really bites.</summary>
public sealed class LintTests : IDisposable
{
    private const string Lint = "build/specs/lint.mjs";
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("contracts-lint-");

    private static CancellationToken Ct => TestCancellation.Token;

    public void Dispose() => _temp.Delete(recursive: true);

    [SkippableFact]
    public async Task Every_published_spec_passes_with_no_error_and_no_warning()
    {
        var result = await ProcessRunner.NodeAsync(Lint, [], Ct);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Your API descriptions are valid", result.Output);
        // Stylish format: one `line:column  severity  rule  message` row per problem.
        Assert.DoesNotMatch(@"\d+:\d+\s+(error|warning)\s", result.Output);
        foreach (var name in Repository.SpecNames) Assert.Contains($"specs/{name}.yaml: validated", result.Output);
    }

    [SkippableFact]
    public async Task A_spec_without_a_license_fails_the_ruleset()
    {
        var copy = new SpecCopy(Path.Combine(Repository.Specs, "task.yaml"));
        copy.RemoveInfoField("license");
        var edited = copy.SaveTo(Path.Combine(_temp.FullName, "task.yaml"));

        var result = await ProcessRunner.NodeAsync(Lint, [edited], Ct);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("info-license", result.Output);
    }
}
