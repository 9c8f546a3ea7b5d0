using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Contracts.Benchmarks.Infrastructure;
using Contracts.Music;
using Contracts.Validation;

namespace Contracts.Benchmarks;

/// <summary>
/// The validator, per dialect (one category each): <see cref="ContractValidator.ValidateAsync(string, ValidationTarget, CancellationToken)"/>
/// of the dialect's sample against its read operation's 200 response, against the baseline <see cref="JsonDocument.Parse(string, JsonDocumentOptions)"/>
/// of the same string. One validator for the whole run, its specs loaded in setup (as an application keeps it).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ValidatorBenchmarks
{
    private ContractValidator _validator = null!;
    private DialectSample _goAmzV35 = null!, _goAmzV30 = null!, _task = null!, _nativeV2 = null!;
    private ValidationTarget _goAmzV35Target = null!, _goAmzV30Target = null!, _taskTarget = null!, _nativeV2Target = null!;

    /// <summary>Creates the validator over the repository's specs and validates each sample once (loading each spec; each must be valid).</summary>
    [GlobalSetup]
    public async Task SetupAsync()
    {
        _validator = new ContractValidator(new ContractValidatorOptions { SpecsDirectory = Repository.SpecsDirectory });
        (_goAmzV35, _goAmzV35Target) = Target(MusicDialect.GoAmzV35);
        (_goAmzV30, _goAmzV30Target) = Target(MusicDialect.GoAmzV30);
        (_task, _taskTarget) = Target(MusicDialect.Task);
        (_nativeV2, _nativeV2Target) = Target(MusicDialect.NativeV2);

        foreach (var result in new[] { await GoAmzV35_Validate().ConfigureAwait(false), await GoAmzV30_Validate().ConfigureAwait(false),
                                       await Task_Validate().ConfigureAwait(false), await NativeV2_Validate().ConfigureAwait(false) })
        {
            if (!result.IsValid)
                throw new InvalidOperationException($"A benchmark sample is not valid against its spec: {result}");
        }
    }

    /// <summary>GoAmz v3.5: JsonDocument.Parse.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("goamz-v3.5")]
    public JsonValueKind GoAmzV35_Parse() => Parse(_goAmzV35.Json);

    /// <summary>GoAmz v3.5: ContractValidator.ValidateAsync against getMusic 200.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.5")]
    public Task<ValidationResult> GoAmzV35_Validate() => _validator.ValidateAsync(_goAmzV35.Json, _goAmzV35Target);

    /// <summary>GoAmz v3.0: JsonDocument.Parse.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("goamz-v3.0")]
    public JsonValueKind GoAmzV30_Parse() => Parse(_goAmzV30.Json);

    /// <summary>GoAmz v3.0: ContractValidator.ValidateAsync against getMusic 200.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.0")]
    public Task<ValidationResult> GoAmzV30_Validate() => _validator.ValidateAsync(_goAmzV30.Json, _goAmzV30Target);

    /// <summary>Task: JsonDocument.Parse.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("task")]
    public JsonValueKind Task_Parse() => Parse(_task.Json);

    /// <summary>Task: ContractValidator.ValidateAsync against fetchTask 200.</summary>
    [Benchmark, BenchmarkCategory("task")]
    public Task<ValidationResult> Task_Validate() => _validator.ValidateAsync(_task.Json, _taskTarget);

    /// <summary>Native v2: JsonDocument.Parse.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("native-v2")]
    public JsonValueKind NativeV2_Parse() => Parse(_nativeV2.Json);

    /// <summary>Native v2: ContractValidator.ValidateAsync against getFeed 200.</summary>
    [Benchmark, BenchmarkCategory("native-v2")]
    public Task<ValidationResult> NativeV2_Validate() => _validator.ValidateAsync(_nativeV2.Json, _nativeV2Target);

    private static JsonValueKind Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind;
    }

    private static (DialectSample Sample, ValidationTarget Target) Target(MusicDialect dialect)
    {
        var sample = BenchmarkSamples.For(dialect);
        return (sample, ValidationTarget.Response(sample.Name, sample.Operation, 200));
    }
}
