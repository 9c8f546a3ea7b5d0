using Contracts.Emulator.Hosting;
using Contracts.Emulator.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Contracts.Emulator;

/// <summary>
/// A Suno relay emulator on 127.0.0.1 that speaks every operation of the four dialect specs at once (GoAmz v3.5,
/// GoAmz v3.0, task, native v2; their paths do not collide). Tasks live in memory and move through their dialect's
/// states on a clock; clip URLs serve synthesized WAV audio and PNG covers; faults can be switched on per request or
/// by rule. Start it with <see cref="StartAsync"/>, point clients at <see cref="BaseAddress"/> with
/// <see cref="ApiKey"/> as bearer token, and dispose it when done.
/// </summary>
public sealed class VendorEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorRuntime _runtime;
    private int _stopped;

    private VendorEmulator(WebApplication app, EmulatorRuntime runtime, Uri baseAddress, string apiKey)
    {
        _app = app;
        _runtime = runtime;
        BaseAddress = baseAddress;
        ApiKey = apiKey;
    }

    /// <summary>The emulator's root URL (<c>http://127.0.0.1:{port}/</c>), ending with '/': the base address for every
    /// generated client.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The key callers must send as <c>Authorization: Bearer &lt;key&gt;</c>.</summary>
    public string ApiKey { get; }

    /// <summary>The task dialect callbacks owed so far, in submission order: one per task submitted with a
    /// <c>notify_hook</c>, with its state (waiting, sending, delivered, failed, or refused for a hook that is not a
    /// loopback http(s) URL) and the attempts made. A snapshot; read it again to see later progress.</summary>
    public IReadOnlyList<EmulatorCallback> Callbacks => _runtime.Callbacks.Snapshot();

    /// <summary>The name of the dialect (<c>goamz-v3.5</c>, <c>goamz-v3.0</c>, <c>task</c>, <c>native-v2</c>) whose API
    /// created the task or lyrics task <paramref name="taskId"/>, or null when this emulator (or its state file) has
    /// none by that id. Each dialect's API reads only its own tasks.</summary>
    /// <param name="taskId">The id a submit returned.</param>
    public string? FindTaskDialect(string taskId)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return _runtime.Store.FindTask(taskId)?.Dialect.Name;
    }

    /// <summary>Whether this emulator (or its state file) has the clip <paramref name="clipId"/>, of any dialect: one that
    /// can be continued or concatenated.</summary>
    /// <param name="clipId">The clip id.</param>
    public bool HasClip(string clipId)
    {
        ArgumentNullException.ThrowIfNull(clipId);
        return _runtime.Store.FindClip(clipId) is not null;
    }

    /// <summary>An <see cref="HttpClient"/> aimed at <see cref="BaseAddress"/> that sends <see cref="ApiKey"/> as bearer
    /// token: what a generated client needs. The caller disposes it.</summary>
    /// <param name="handler">The handler to send through (for example one that records or checks answers); null for a
    /// default one. It is not disposed with the client.</param>
    public HttpClient CreateHttpClient(HttpMessageHandler? handler = null)
    {
        var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.BaseAddress = BaseAddress;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    /// <param name="options">Settings; null for the defaults (any free port, key <c>emulator-key</c>, 1.5 s per state).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    /// <exception cref="EmulatorStateException">The <see cref="VendorEmulatorOptions.StatePath"/> file cannot be read,
    /// is not a state file, or has another version.</exception>
    public static async Task<VendorEmulator> StartAsync(VendorEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = (options ?? new VendorEmulatorOptions()).Snapshot();
        options.Validate();
        var runtime = new EmulatorRuntime(options);
        var app = EmulatorApplication.Build(runtime);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            runtime.Callbacks.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new VendorEmulator(app, runtime, new Uri(address.TrimEnd('/') + "/"), options.ApiKey);
    }

    /// <summary>Serves in the foreground until <paramref name="cancellationToken"/> is cancelled (or the emulator is
    /// stopped), then stops. For stand-alone use such as a command-line <c>emulate</c> command.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => stopping.TrySetResult()))
        using (_app.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult()))
        {
            await stopping.Task.ConfigureAwait(false);
        }
        await StopAsync().ConfigureAwait(false);
    }

    /// <summary>Stops accepting requests and closes the port. Safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _app.StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the emulator (see <see cref="StopAsync"/>) and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _runtime.Callbacks.Dispose();
    }
}
