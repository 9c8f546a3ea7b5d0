using System.Diagnostics;
using System.Text;

namespace Contracts.Cli.Tests;

/// <summary>
/// The tool as a real child process (the built <c>contracts.dll</c> next to the tests), with its output captured line
/// by line: for what only a process has, its signals, and everything it writes anywhere.
/// </summary>
internal sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _err = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> _watches = [];
    private readonly TaskCompletionSource _outClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Starts <c>contracts</c> with <paramref name="args"/> in <paramref name="workingDirectory"/>.</summary>
    /// <param name="workingDirectory">Its working folder (for the files it writes).</param>
    /// <param name="args">Its arguments.</param>
    /// <param name="environment">Variables to set (null removes one); CONTRACTS_API_KEY is removed unless given here.</param>
    public static CliProcess Start(string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "contracts.dll");
        Assert.True(File.Exists(tool), $"The tool is not built next to the tests: {tool}");
        var info = new ProcessStartInfo(DotNetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        // "dotnet exec" runs the tool in the dotnet process itself: the pid is the tool's, for the signals.
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(tool);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment.Remove("CONTRACTS_API_KEY");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
                info.Environment.Remove(name);
            else
                info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Received(e.Data, cli._out, cli._outClosed);
        process.ErrorDataReceived += (_, e) => cli.Received(e.Data, cli._err, cli._errClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>The process id, for signals.</summary>
    public int Id => _process.Id;

    /// <summary>Everything it wrote to stdout so far.</summary>
    public string Out
    {
        get { lock (_gate) return _out.ToString(); }
    }

    /// <summary>Everything it wrote to stderr so far.</summary>
    public string Err
    {
        get { lock (_gate) return _err.ToString(); }
    }

    /// <summary>Waits for a line of stdout or stderr that <paramref name="matches"/> (one already written counts).</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, TimeSpan limit)
    {
        TaskCompletionSource<string> seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var earlier = (_out + "\n" + _err).Split('\n').FirstOrDefault(matches);
            if (earlier is not null)
                return earlier;
            _watches.Add((matches, seen));
        }
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(seen.Task, exited, Task.Delay(limit));
        if (first == seen.Task)
            return await seen.Task;
        throw new Xunit.Sdk.XunitException(first == exited
            ? $"The tool exited ({_process.ExitCode}) before the line expected.\nstdout:\n{Out}\nstderr:\n{Err}"
            : $"No line expected within {limit.TotalSeconds:0} s.\nstdout:\n{Out}\nstderr:\n{Err}");
    }

    /// <summary>Sends a signal (INT, TERM) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
        {
            UseShellExecute = false,
        })!;
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {Id} failed ({kill.ExitCode}).");
    }

    /// <summary>Waits for the process to end and returns its exit code; null when it has not ended within <paramref name="limit"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        // The output is complete only once both pipes have closed.
        await Task.WhenAll(_outClosed.Task, _errClosed.Task).WaitAsync(TimeSpan.FromSeconds(10));
        return _process.ExitCode;
    }

    /// <summary>Runs to the end: the exit code and all the output.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string workingDirectory, IEnumerable<string> args,
        IReadOnlyDictionary<string, string?>? environment = null, TimeSpan? limit = null)
    {
        await using var cli = Start(workingDirectory, args, environment);
        var code = await cli.WaitForExitAsync(limit ?? TimeSpan.FromSeconds(90));
        Assert.True(code is not null, $"The tool did not end.\nstdout:\n{cli.Out}\nstderr:\n{cli.Err}");
        return (code!.Value, cli.Out, cli.Err);
    }

    /// <summary>On Linux, whether the process ignores <paramref name="signal"/> (inherited SIG_IGN, as in a background job
    /// of a non-interactive shell): then no handler can see it. Null where /proc does not tell.</summary>
    public bool? Ignores(int signal)
    {
        var status = $"/proc/{Id}/status";
        if (!File.Exists(status))
            return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        if (line is null)
            return null;
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }

    private void Received(string? line, StringBuilder into, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }
        lock (_gate)
        {
            into.Append(line).Append('\n');
            foreach (var watch in _watches.Where(w => w.Matches(line)).ToList())
            {
                watch.Seen.TrySetResult(line);
                _watches.Remove(watch);
            }
        }
    }

    /// <summary>The dotnet host that runs these tests (or the one on the PATH).</summary>
    private static string DotNetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            return current;
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidate = root is null ? null : Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        return candidate is not null && File.Exists(candidate) ? candidate : "dotnet";
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
            }
        }
        _process.Dispose();
    }
}
