using Contracts.Specs.Tests.Infrastructure;
using Contracts.Validation;

namespace Contracts.Specs.Tests;

/// <summary>
/// Every example in the specs is valid against what it illustrates, checked with Contracts.Validation (NJsonSchema).
/// This stands in for Redocly's example rules, which redocly.yaml turns off: their Ajv refuses the specs' untyped
/// nullable fields ("nullable cannot be used without type") and so cannot check those examples at all.
/// </summary>
public sealed class SpecExampleTests
{
    /// <summary>
    /// Examples that are invalid on purpose: the task page's three example bodies, kept verbatim in the spec, omit
    /// `make_instrumental`, which the page's own table marks required (see the spec's description of SubmitMusicRequest).
    /// </summary>
    private static readonly Dictionary<string, string> KnownInvalid = new()
    {
        ["task POST /suno/submit/music (submitMusic) request example 'inspiration'"] = "/make_instrumental [required]",
        ["task POST /suno/submit/music (submitMusic) request example 'custom'"] = "/make_instrumental [required]",
        ["task POST /suno/submit/music (submitMusic) request example 'continuation'"] = "/make_instrumental [required]",
    };

    private static readonly ContractValidator Validator = new(new ContractValidatorOptions { SpecsDirectory = Repository.Specs });

    public static TheoryData<string> Specs() => new(Repository.SpecNames);

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Every_example_is_valid_against_its_schema_or_a_known_vendor_contradiction(string dialect)
    {
        var examples = SpecExample.All(dialect, YamlJson.LoadFile(Path.Combine(Repository.Specs, dialect + ".yaml"))).ToList();
        Assert.NotEmpty(examples);

        var problems = new List<string>();
        foreach (var example in examples)
        {
            var result = await Validator.ValidateAsync(example.Json, example.Target, TestCancellation.Token);
            var key = $"{dialect} {example.Where}";
            var verdict = result.IsValid ? "valid" : string.Join("; ", result.Violations.Select(v => $"{v.Pointer} [{v.Rule}]"));
            var expected = KnownInvalid.GetValueOrDefault(key, "valid");
            if (verdict != expected) problems.Add($"{key}: expected {expected}, got {verdict}");
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_known_invalid_example_still_exists()
    {
        var all = Repository.SpecNames
            .SelectMany(dialect => SpecExample.All(dialect, YamlJson.LoadFile(Path.Combine(Repository.Specs, dialect + ".yaml")))
                .Select(example => $"{dialect} {example.Where}"))
            .ToHashSet();

        Assert.All(KnownInvalid.Keys, key => Assert.Contains(key, all));
    }
}
