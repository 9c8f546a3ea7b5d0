using System.Runtime.InteropServices;

namespace Contracts.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM for one run of the tool: the first one cancels <see cref="Token"/> (the token every
/// command runs with) and sets the exit code: <see cref="ExitCodes.Interrupted"/> (130) for SIGINT, <see cref="ExitCodes.Terminated"/> (143) for SIGTERM.
/// </summary>
/// <remarks>
/// Without handlers of its own the tool had none at all (System.CommandLine 2.0 registers none unless
/// <c>ProcessTerminationTimeout</c> is set): against a vendor the signal killed the process outright, and with the
/// embedded emulator the emulator's ASP.NET Core host took it: its console lifetime registers SIGINT, SIGQUIT and
/// SIGTERM handlers that cancel the signal and only stop that host, so the command ran on to its end.
/// The .NET 10 runtime calls every handler of a signal; newer runtimes call them newest first and stop at the first that
/// cancels the signal. So whoever starts such a host calls <see cref="Reclaim"/> afterwards, which makes ours the
/// newest: the command is cancelled under either rule.
/// </remarks>
internal sealed class Interruption : IDisposable
{
    /// <summary>How long a cancelled command may take to wind up (close connections, stop the embedded emulator) before
    /// the tool returns anyway.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _cancellation;
    private readonly TaskCompletionSource<int> _signalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private PosixSignalRegistration? _sigInt;
    private PosixSignalRegistration? _sigTerm;
    private readonly bool _listening;
    private bool _disposed;

    /// <summary>Starts listening for the signals, when <paramref name="listen"/>.</summary>
    /// <param name="cancellationToken">The caller's token; cancelling it cancels <see cref="Token"/> too (no exit code).</param>
    /// <param name="listen">Handle SIGINT and SIGTERM: for the tool's own process, not for a host that runs it in-process
    /// (a test host must stay killable).</param>
    public Interruption(CancellationToken cancellationToken, bool listen)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Token = _cancellation.Token;
        _listening = listen;
        Reclaim();
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM (or by the caller's token).</summary>
    public CancellationToken Token { get; }

    /// <summary>130 or 143 once a signal arrived, otherwise null.</summary>
    public int? ExitCode => _signalled.Task.IsCompleted ? _signalled.Task.Result : null;

    /// <summary>Completes with the exit code <see cref="GracePeriod"/> after the first signal: the time a command has to stop.</summary>
    public async Task<int> GraceExpiredAsync()
    {
        var code = await _signalled.Task.ConfigureAwait(false);
        await Task.Delay(GracePeriod).ConfigureAwait(false);
        return code;
    }

    /// <summary>Registers the handlers again, as the newest: call it after starting anything that registers its own
    /// (a generic host's console lifetime), so that the signals reach the command.</summary>
    public void Reclaim()
    {
        if (!_listening || OperatingSystem.IsBrowser() || OperatingSystem.IsAndroid() || OperatingSystem.IsIOS() || OperatingSystem.IsTvOS())
            return;
        lock (_gate)
        {
            if (_disposed)
                return;
            // The new registrations first, then the old ones go: the signals are never without a handler of ours.
            var (oldInt, oldTerm) = (_sigInt, _sigTerm);
            _sigInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            _sigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            oldInt?.Dispose();
            oldTerm?.Dispose();
        }
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Handled here: the process does not die at once; the command is cancelled and ends with the signal's code.
        context.Cancel = true;
        _signalled.TrySetResult(context.Signal == PosixSignal.SIGINT ? ExitCodes.Interrupted : ExitCodes.Terminated);
        lock (_gate)
        {
            if (_disposed)
                return;
            // Callbacks run on the thread pool, not on this signal thread.
            _ = _cancellation.CancelAsync();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _sigInt?.Dispose();
            _sigTerm?.Dispose();
        }
        // After a signal the cancellation may still be running its callbacks (a command past its grace period): the
        // source is left to the process's end rather than disposed under them.
        if (ExitCode is null)
            _cancellation.Dispose();
    }
}
