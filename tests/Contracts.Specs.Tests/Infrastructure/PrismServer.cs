using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Contracts.Specs.Tests.Infrastructure;

/// <summary>
/// Prism (npm <c>@stoplight/prism-cli</c>, pinned in package.json) mocking one spec on 127.0.0.1: in static mode it
/// answers with the spec's examples, in dynamic mode with bodies it generates from the schemas. What other teams get
/// when they mock our specs; the tests drive the generated clients and the facade against it.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private PrismServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The mock's base address, ending with <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>What Prism printed so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
                return string.Join('\n', _output);
        }
    }

    public static async Task<PrismServer> StartAsync(string specName, bool dynamic, CancellationToken cancellationToken)
    {
        NodeTools.SkipUnlessAvailable();
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "node_modules", "@stoplight", "prism-cli", "dist", "index.js"));
        foreach (var argument in new[] { "mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        if (dynamic)
            start.ArgumentList.Add("--dynamic");
        start.ArgumentList.Add(Path.Combine(Repository.Specs, specName + ".yaml"));
        // Prism's dependency @scarf/scarf reports installs; nothing may leave the machine from a test.
        start.Environment["SCARF_ANALYTICS"] = "false";
        start.Environment["DO_NOT_TRACK"] = "1";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Prism.");
        var server = new PrismServer(process, new Uri($"http://127.0.0.1:{port}/"));
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            lock (server._output) server._output.Add(e.Data);
            if (e.Data.Contains("Prism is listening on", StringComparison.Ordinal)) listening.TrySetResult();
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"Prism exited with code {process.ExitCode}:\n{server.Output}"));

        try
        {
            await listening.Task.WaitAsync(StartTimeout, cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    public HttpClient CreateHttpClient(string apiKey = "prism-key")
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
        return http;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
