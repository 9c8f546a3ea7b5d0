using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Contracts.Benchmarks.Infrastructure;
using Contracts.Music;

namespace Contracts.Benchmarks;

/// <summary>
/// Parse + normalize, per dialect (one category each): the facade's <see cref="MusicClient.ReadPayload"/> against the
/// baseline <c>JsonSerializer.Deserialize</c> of the same string into the generated client's response type for that
/// operation (<see cref="GeneratedReads.ResponseType"/>), with the generated client's own serializer options.
/// Goal: Ratio &lt;= 1.3, Alloc Ratio &lt;= 1.5.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParseBenchmarks
{
    private Read _goAmzV35 = null!, _goAmzV30 = null!, _task = null!, _nativeV2 = null!;

    /// <summary>Reads the samples, finds each generated response type and its options; checks both sides read every sample.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _goAmzV35 = Read.For(MusicDialect.GoAmzV35);
        _goAmzV30 = Read.For(MusicDialect.GoAmzV30);
        _task = Read.For(MusicDialect.Task);
        _nativeV2 = Read.For(MusicDialect.NativeV2);

        foreach (var (dto, facade, read) in new[]
                 {
                     (GoAmzV35_Dto(), GoAmzV35_Facade(), _goAmzV35), (GoAmzV30_Dto(), GoAmzV30_Facade(), _goAmzV30),
                     (Task_Dto(), Task_Facade(), _task), (NativeV2_Dto(), NativeV2_Facade(), _nativeV2),
                 })
        {
            if (dto?.GetType().IsAssignableTo(read.Type) != true || facade is not [{ Clips.Count: > 0 }])
                throw new InvalidOperationException($"{read.Name}: the sample did not read as expected on both sides.");
        }
    }

    /// <summary>GoAmz v3.5 getMusic: the generated DTO.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("goamz-v3.5")]
    public object? GoAmzV35_Dto() => JsonSerializer.Deserialize(_goAmzV35.Json, _goAmzV35.Type, _goAmzV35.Options);

    /// <summary>GoAmz v3.5 getMusic: the facade.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.5")]
    public IReadOnlyList<MusicTask> GoAmzV35_Facade() => MusicClient.ReadPayload(MusicDialect.GoAmzV35, _goAmzV35.Json);

    /// <summary>GoAmz v3.0 getMusic: the generated DTO.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("goamz-v3.0")]
    public object? GoAmzV30_Dto() => JsonSerializer.Deserialize(_goAmzV30.Json, _goAmzV30.Type, _goAmzV30.Options);

    /// <summary>GoAmz v3.0 getMusic: the facade.</summary>
    [Benchmark, BenchmarkCategory("goamz-v3.0")]
    public IReadOnlyList<MusicTask> GoAmzV30_Facade() => MusicClient.ReadPayload(MusicDialect.GoAmzV30, _goAmzV30.Json);

    /// <summary>Task fetchTask: the generated DTO.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("task")]
    public object? Task_Dto() => JsonSerializer.Deserialize(_task.Json, _task.Type, _task.Options);

    /// <summary>Task fetchTask: the facade.</summary>
    [Benchmark, BenchmarkCategory("task")]
    public IReadOnlyList<MusicTask> Task_Facade() => MusicClient.ReadPayload(MusicDialect.Task, _task.Json);

    /// <summary>Native v2 getFeed: the generated DTO (the client's feed converter reads the page object).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("native-v2")]
    public object? NativeV2_Dto() => JsonSerializer.Deserialize(_nativeV2.Json, _nativeV2.Type, _nativeV2.Options);

    /// <summary>Native v2 getFeed: the facade.</summary>
    [Benchmark, BenchmarkCategory("native-v2")]
    public IReadOnlyList<MusicTask> NativeV2_Facade() => MusicClient.ReadPayload(MusicDialect.NativeV2, _nativeV2.Json);

    private sealed record Read(string Name, string Json, Type Type, JsonSerializerOptions Options)
    {
        public static Read For(MusicDialect dialect)
        {
            var sample = BenchmarkSamples.For(dialect);
            return new Read(sample.Name, sample.Json, GeneratedReads.ResponseType(dialect), GeneratedReads.SerializerOptions(dialect));
        }
    }
}
