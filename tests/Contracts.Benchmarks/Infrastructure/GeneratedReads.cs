using System.Reflection;
using System.Text.Json;
using Contracts.Clients.GoAmzV30;
using Contracts.Clients.GoAmzV35;
using Contracts.Clients.NativeV2;
using Contracts.Clients.TaskApi;
using Contracts.Music;

namespace Contracts.Benchmarks.Infrastructure;

/// <summary>
/// What each dialect's generated client reads its get-task answer into, and with which serializer options: the
/// baselines deserialize exactly that. The response type is taken from the generated method's <c>Task&lt;T&gt;</c>, so
/// a spec change that renames the response schema (and so the DTO) needs no change here.
/// </summary>
public static class GeneratedReads
{
    /// <summary>The generated client's read method for the dialect (its operationId, as in the README's operation table).</summary>
    public static string ReadMethod(MusicDialect dialect) => dialect switch
    {
        MusicDialect.GoAmzV35 or MusicDialect.GoAmzV30 => nameof(GoAmzV35Client.GetMusicAsync),
        MusicDialect.Task => nameof(TaskApiClient.FetchTaskAsync),
        MusicDialect.NativeV2 => nameof(NativeV2Client.GetFeedAsync),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
    };

    /// <summary>The generated response type of the dialect's read (for native v2 the feed's clip collection).</summary>
    public static Type ResponseType(MusicDialect dialect)
    {
        var client = ClientType(dialect);
        var method = client.GetMethod(ReadMethod(dialect), BindingFlags.Public | BindingFlags.Instance, [typeof(string), typeof(CancellationToken)])
            ?? throw new MissingMethodException(client.FullName, ReadMethod(dialect));
        return method.ReturnType is { IsGenericType: true } task && task.GetGenericTypeDefinition() == typeof(Task<>)
            ? task.GetGenericArguments()[0]
            : throw new InvalidOperationException($"{client.Name}.{method.Name} does not return Task<T>.");
    }

    /// <summary>The serializer options the dialect's generated client reads answers with (its <c>JsonSerializerSettings</c>).</summary>
    public static JsonSerializerOptions SerializerOptions(MusicDialect dialect)
    {
        // No request is sent: the options are shared per client type, the HttpClient only satisfies the constructor.
        using var http = new HttpClient();
        return dialect switch
        {
            MusicDialect.GoAmzV35 => new GoAmzV35Client(http).JsonSerializerSettings,
            MusicDialect.GoAmzV30 => new GoAmzV30Client(http).JsonSerializerSettings,
            MusicDialect.Task => new TaskApiClient(http).JsonSerializerSettings,
            MusicDialect.NativeV2 => new NativeV2Client(http).JsonSerializerSettings,
            _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
        };
    }

    private static Type ClientType(MusicDialect dialect) => dialect switch
    {
        MusicDialect.GoAmzV35 => typeof(GoAmzV35Client),
        MusicDialect.GoAmzV30 => typeof(GoAmzV30Client),
        MusicDialect.Task => typeof(TaskApiClient),
        MusicDialect.NativeV2 => typeof(NativeV2Client),
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, null),
    };
}
