using System.CodeDom.Compiler;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Contracts.Clients.Tests;

/// <summary>
/// The generated clients serialize through source-generated metadata (src/Contracts.Clients/Json), never reflection, so
/// they run trimmed and in native AOT: every type NSwag generates has its metadata there, each client's default
/// settings resolve through it, and a type a spec adds without its line in the context fails here.
/// </summary>
public sealed class ContractsJsonTests
{
    public static TheoryData<Type> GeneratedTypes() => new(Generated());

    private static IEnumerable<Type> Generated() => typeof(ContractsJson).Assembly.GetTypes()
        .Where(t => t.IsPublic && t.IsClass && t.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool == "NJsonSchema")
        .OrderBy(t => t.FullName, StringComparer.Ordinal);

    [Fact]
    public void Every_dialect_has_generated_types()
    {
        var namespaces = Generated().Select(t => t.Namespace).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(
            ["Contracts.Clients.GoAmzV30", "Contracts.Clients.GoAmzV35", "Contracts.Clients.NativeV2", "Contracts.Clients.TaskApi"],
            namespaces);
    }

    [Theory]
    [MemberData(nameof(GeneratedTypes))]
    public void Every_generated_type_has_source_generated_metadata(Type type)
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = ContractsJson.TypeInfoResolver };

        var info = ContractsJson.TypeInfoResolver.GetTypeInfo(type, options);

        Assert.NotNull(info);
        Assert.Equal(type, info.Type);
    }

    [Fact]
    public void The_clients_default_settings_use_the_source_generated_metadata()
    {
        using var http = new HttpClient();
        JsonSerializerOptions[] settings =
        [
            new GoAmzV35.GoAmzV35Client(http).JsonSerializerSettings,
            new GoAmzV30.GoAmzV30Client(http).JsonSerializerSettings,
            new TaskApi.TaskApiClient(http).JsonSerializerSettings,
            new NativeV2.NativeV2Client(http).JsonSerializerSettings,
        ];

        foreach (var options in settings)
        {
            Assert.NotNull(options.TypeInfoResolver);
            Assert.IsNotType<DefaultJsonTypeInfoResolver>(options.TypeInfoResolver);
            Assert.NotNull(options.TypeInfoResolver.GetTypeInfo(typeof(Dictionary<string, string>), options));
        }
    }

    [Fact]
    public void MinItems_and_MaxItems_count_without_reflection()
    {
        Assert.True(new MinItemsAttribute(1).IsValid(null));
        Assert.False(new MinItemsAttribute(1).IsValid(new List<string>()));
        Assert.True(new MinItemsAttribute(1).IsValid(new System.Collections.ObjectModel.Collection<int> { 1 }));
        Assert.True(new MinItemsAttribute(2).IsValid(Enumerable.Range(0, 2).Select(i => i)));
        Assert.False(new MaxItemsAttribute(1).IsValid(new[] { "a", "b" }));
        Assert.True(new MaxItemsAttribute(2).IsValid("ab"));
    }
}
