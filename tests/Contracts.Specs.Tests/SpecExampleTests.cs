using Contracts.Specs.Tests.Infrastructure;
using Contracts.Validation;

namespace Contracts.Specs.Tests;

/// <summary>
/// Every example in the specs is valid against what it illustrates, checked with Contracts.Validation (NJsonSchema),
/// the engine the validator package ships, beside Redocly's example rules (Ajv) that the lint runs. There are no
/// exceptions: the task page's example bodies without `make_instrumental` are valid since the spec follows what the
/// relays accept.
/// </summary>
public sealed class SpecExampleTests
{
    private static readonly ContractValidator Validator = new(new ContractValidatorOptions { SpecsDirectory = Repository.Specs });

    public static TheoryData<string> Specs() => new(Repository.SpecNames);

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Every_example_is_valid_against_its_schema(string dialect)
    {
        var examples = SpecExample.All(dialect, YamlJson.LoadFile(Path.Combine(Repository.Specs, dialect + ".yaml"))).ToList();
        Assert.NotEmpty(examples);

        var problems = new List<string>();
        foreach (var example in examples)
        {
            var result = await Validator.ValidateAsync(example.Json, example.Target, TestCancellation.Token);
            if (!result.IsValid)
                problems.Add($"{dialect} {example.Where}: " + string.Join("; ", result.Violations.Select(v => $"{v.Pointer} [{v.Rule}]")));
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }
}
