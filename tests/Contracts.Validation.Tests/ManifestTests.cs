namespace Contracts.Validation.Tests;

/// <summary>Every sample of specs/samples/manifest.json gets exactly its expected verdict.</summary>
public sealed class ManifestTests
{
    private static readonly Lazy<SampleManifest> Manifest = new(() => SampleManifest.LoadAsync(Repository.Samples).GetAwaiter().GetResult());

    public static TheoryData<string> SampleFiles() => new(Manifest.Value.Samples.Select(s => s.File));

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Sample_gets_its_expected_verdict(string file)
    {
        var sample = Manifest.Value.Samples.Single(s => s.File == file);

        var check = await Manifest.Value.CheckAsync(Repository.Validator, sample, TestCancellation.Token);

        Assert.True(check.Matches, $"{file}: expected {sample.Expected.Verdict}, got {check.Got}\n{check.Result}");
    }

    [Fact]
    public void Every_sample_file_is_in_the_manifest_and_every_entry_exists()
    {
        var onDisk = Directory.GetFiles(Repository.Samples, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repository.Samples, f).Replace('\\', '/'))
            .Where(f => f != "manifest.json")
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, Manifest.Value.Samples.Select(s => s.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_operation_of_every_spec_has_a_sample()
    {
        var covered = Manifest.Value.Samples.Select(s => $"{s.Dialect} {s.Operation}").ToHashSet();
        var missing = new List<string>();
        foreach (var dialect in Repository.Validator.Dialects)
        {
            foreach (var operation in await Repository.Validator.GetOperationIdsAsync(dialect, TestCancellation.Token))
            {
                if (!covered.Contains($"{dialect} {operation}")) missing.Add($"{dialect} {operation}");
            }
        }
        Assert.Empty(missing);
    }
}
