using System.CommandLine;
using Contracts.Emulator;
using Contracts.Music;

namespace Contracts.Cli.Target;

/// <summary>
/// The options that choose whom a command talks to: a built-in vendor (<c>--vendor</c>), a custom one
/// (<c>--base-url</c> + <c>--dialect</c>), or, with neither, the embedded emulator started in-process.
/// </summary>
internal sealed class TargetOptions(Interruption interruption)
{
    /// <summary>The environment variable read when <c>--api-key</c> is not given.</summary>
    public const string ApiKeyVariable = "CONTRACTS_API_KEY";

    public Option<string?> Vendor { get; } = new("--vendor") { Description = "A built-in vendor: openai-core, hichat, openai-hub, global-agent (see 'contracts vendors')." };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "A vendor's base URL (with --dialect for a custom vendor, or to give a built-in vendor its host)." };

    public Option<string?> Dialect { get; } = new("--dialect", "-d") { Description = $"The dialect: {DialectNames.Listing} (also picks the embedded emulator's dialect)." };

    public Option<string?> PathPrefix { get; } = new("--path-prefix") { Description = "The vendor's path prefix when it differs from the dialect's (e.g. suno/v1/mv-3.5)." };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = $"The API key (default: the {ApiKeyVariable} environment variable). Never printed." };

    public Option<int> EmulatorStep { get; } = new("--emulator-step") { Description = "Embedded emulator only: milliseconds per task state.", DefaultValueFactory = _ => 500 };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Print full exception details on failure." };

    public Option<FileInfo?> State { get; } = StateOption();

    /// <summary>The environment variable that moves the embedded emulator's default state file.</summary>
    public const string StateVariable = "CONTRACTS_STATE";

    /// <summary><c>--state</c>: the embedded emulator's state file (also taken by <c>emulate</c>).</summary>
    public static Option<FileInfo?> StateOption() => new("--state")
    {
        Description = $"The emulator's state file, which keeps its tasks and clips between commands (embedded emulator and emulate only; default: ${StateVariable}, or {DefaultStateDescription}).",
    };

    private const string DefaultStateDescription = "contracts/emulator-state.json in the user's local data folder";

    /// <summary>The state file: <paramref name="given"/>, else $CONTRACTS_STATE, else
    /// <c>&lt;LocalApplicationData&gt;/contracts/emulator-state.json</c> (the temporary folder where there is none).</summary>
    public static string StatePath(FileInfo? given)
    {
        if (given is not null)
            return given.FullName;
        if (Environment.GetEnvironmentVariable(StateVariable) is { Length: > 0 } fromEnvironment)
            return Path.GetFullPath(fromEnvironment);
        var data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(data))
            data = Path.GetTempPath();
        return Path.Combine(data, "contracts", "emulator-state.json");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Vendor);
        command.Options.Add(BaseUrl);
        command.Options.Add(Dialect);
        command.Options.Add(PathPrefix);
        command.Options.Add(ApiKey);
        command.Options.Add(EmulatorStep);
        command.Options.Add(Verbose);
        command.Options.Add(State);
    }

    /// <summary>Connects to the chosen vendor, or starts the embedded emulator and says so in one line on
    /// <paramref name="notices"/> (stderr, so that stdout holds only the command's result).</summary>
    /// <param name="parse">The command's options.</param>
    /// <param name="notices">Where the embedded emulator's line goes.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="embeddedDialect">Embedded emulator without <c>--dialect</c>: the dialect to speak, or null for the
    /// task dialect (concat needs GoAmz v3.0; fetch speaks the dialect that made the task).</param>
    public async Task<MusicSession> ConnectAsync(ParseResult parse, TextWriter notices, CancellationToken cancellationToken,
        Func<VendorEmulator, MusicDialect?>? embeddedDialect = null)
    {
        var vendor = parse.GetValue(Vendor);
        var baseUrl = parse.GetValue(BaseUrl) is { } text
            ? Uri.TryCreate(text, UriKind.Absolute, out var parsed) ? parsed : throw new CliUsageException($"--base-url '{text}' is not an absolute URL, e.g. https://api.example.com/.")
            : null;
        var dialect = parse.GetValue(Dialect) is { } name ? DialectNames.Parse(name) : (MusicDialect?)null;
        if (vendor is null && baseUrl is null)
        {
            var step = parse.GetValue(EmulatorStep);
            var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions
            {
                StepDuration = TimeSpan.FromMilliseconds(Math.Max(1, step)), StatePath = StatePath(parse.GetValue(State)),
            }, cancellationToken);
            // The emulator's host has just registered its console lifetime for SIGINT and SIGTERM, which cancels the signal
            // and stops only the emulator: make our handlers the newest, so the command is cancelled (see Interruption).
            interruption.Reclaim();
            var chosen = dialect ?? embeddedDialect?.Invoke(emulator) ?? MusicDialect.Task;
            await notices.WriteLineAsync($"No --vendor or --base-url: using the embedded emulator at {emulator.BaseAddress} ({DialectNames.Format(chosen)} dialect, state in {StatePath(parse.GetValue(State))}).");
            var client = new MusicClient(new MusicClientOptions { BaseUrl = emulator.BaseAddress, Dialect = chosen, ApiKey = emulator.ApiKey, VendorName = "emulator" });
            return new MusicSession(client, emulator, TimeSpan.FromMilliseconds(Math.Clamp(step / 2, 10, 1000)));
        }

        var key = parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
            throw new CliUsageException($"No API key: pass --api-key or set {ApiKeyVariable}.");
        var options = new MusicClientOptions { Vendor = vendor, BaseUrl = baseUrl, Dialect = dialect, PathPrefix = parse.GetValue(PathPrefix), ApiKey = key };
        try
        {
            return new MusicSession(new MusicClient(options), null, TimeSpan.FromSeconds(2));
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException(InCliTerms(e));
        }
    }

    /// <summary>
    /// What to tell the user about a task id that outlives a failed or interrupted command: the <c>contracts fetch</c>
    /// command line that reads it from the same target. The key is never part of it: a placeholder when it was given
    /// with --api-key, nothing when it comes from the environment.
    /// </summary>
    /// <param name="parse">The command's options.</param>
    /// <param name="lyrics">The ids are lyrics ids (the lyrics command).</param>
    public TaskFollowUp FollowUp(ParseResult parse, bool lyrics = false)
    {
        var vendor = parse.GetValue(Vendor);
        var baseUrl = parse.GetValue(BaseUrl);
        var options = new List<string>();
        if (vendor is null && baseUrl is null)
        {
            // The embedded emulator keeps its tasks in its state file: a later command reads them from the same file.
            if (parse.GetValue(State) is { } state) options.AddRange(["--state", state.FullName]);
            return new TaskFollowUp(options, apiKeyOnCommandLine: false, lyrics, embedded: true);
        }
        if (vendor is not null) options.AddRange(["--vendor", vendor]);
        if (baseUrl is not null) options.AddRange(["--base-url", baseUrl]);
        if (parse.GetValue(Dialect) is { } dialect) options.AddRange(["--dialect", dialect]);
        if (parse.GetValue(PathPrefix) is { } prefix) options.AddRange(["--path-prefix", prefix]);
        return new TaskFollowUp(options, apiKeyOnCommandLine: parse.GetValue(ApiKey) is not null, lyrics);
    }

    /// <summary>The facade's option problem, worded with this tool's option names.</summary>
    private static string InCliTerms(ArgumentException e)
    {
        var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal);
        foreach (var (property, option) in s_optionNames)
            message = message.Replace("MusicClientOptions." + property, option, StringComparison.Ordinal);
        return message;
    }

    private static readonly (string Property, string Option)[] s_optionNames =
    [
        ("Vendor", "--vendor"), ("BaseUrl", "--base-url"), ("Dialect", "--dialect"), ("PathPrefix", "--path-prefix"), ("ApiKey", "--api-key"),
    ];
}

/// <summary>A connected facade client, and the embedded emulator behind it when there is one.</summary>
internal sealed class MusicSession(MusicClient client, VendorEmulator? emulator, TimeSpan pollInterval) : IAsyncDisposable
{
    public MusicClient Client { get; } = client;

    /// <summary>The embedded emulator, or null on a vendor.</summary>
    public VendorEmulator? Emulator { get; } = emulator;

    /// <summary>On the embedded emulator, a clip it does not have is a usage mistake, said before anything is submitted.</summary>
    public void RequireClip(string clipId, string statePath)
    {
        if (Emulator is { } emulator && !emulator.HasClip(clipId))
            throw new CliUsageException($"The embedded emulator has no clip {clipId} in its state file {statePath}. "
                + "Give a clip id a generate printed with the same --state file, or --vendor/--base-url for a clip of a vendor.");
    }

    /// <summary>How to wait on this target: fast polls on the emulator, the facade's pace on a vendor.</summary>
    public MusicWaitOptions WaitOptions(TimeSpan timeout) =>
        new() { PollInterval = pollInterval, MaxPollInterval = pollInterval * 4, Timeout = timeout };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (Emulator is not null)
            await Emulator.DisposeAsync();
    }
}

/// <summary>A mistake in how the tool was called: printed as one line, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>How to read again a task that outlives a failed or interrupted command (see <see cref="TargetOptions.FollowUp"/>).</summary>
internal sealed class TaskFollowUp
{
    private readonly IReadOnlyList<string> _targetOptions;
    private readonly bool _apiKeyOnCommandLine;
    private readonly bool _lyrics;
    private readonly bool _embedded;

    /// <param name="targetOptions">The options that chose the target, as given (never the key).</param>
    /// <param name="apiKeyOnCommandLine">The key was given with --api-key, so the fetch needs it too.</param>
    /// <param name="lyrics">The ids are lyrics ids.</param>
    /// <param name="embedded">The target is the embedded emulator.</param>
    public TaskFollowUp(IReadOnlyList<string> targetOptions, bool apiKeyOnCommandLine, bool lyrics, bool embedded = false)
    {
        _targetOptions = targetOptions;
        _apiKeyOnCommandLine = apiKeyOnCommandLine;
        _lyrics = lyrics;
        _embedded = embedded;
    }

    /// <summary>The embedded emulator with its default state file.</summary>
    public static TaskFollowUp Embedded => new([], false, false, embedded: true);

    /// <summary>True for the embedded emulator.</summary>
    public bool IsEmbedded => _embedded;

    /// <summary>The target's dialect, once the command has connected (a built-in vendor's comes from its profile).</summary>
    public MusicDialect? Dialect { get; set; }

    /// <summary>
    /// The command that reads <paramref name="taskId"/>, or null where this tool cannot: lyrics ids outside the task
    /// dialect (the others keep lyrics apart from tasks). On the embedded emulator it reads the same state file.
    /// </summary>
    /// <param name="taskId">The id.</param>
    /// <param name="dialect">The dialect when the failure names it; otherwise <see cref="Dialect"/>.</param>
    public string? FetchCommand(string taskId, MusicDialect? dialect = null)
    {
        if (_lyrics && (dialect ?? Dialect) != MusicDialect.Task)
            return null;
        var command = string.Join(' ', new[] { "contracts", "fetch", taskId }.Concat(_targetOptions).Select(Quote));
        return _apiKeyOnCommandLine ? command + " --api-key <your key>" : command;
    }

    /// <summary>A word as a POSIX shell reads it back: as it is when it is plain, otherwise in single quotes.</summary>
    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or ',' or '+')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
