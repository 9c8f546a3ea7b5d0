using System.CommandLine;
using Contracts.Cli.Target;
using Contracts.Emulator;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts emulate</c>: run the vendor emulator in the foreground until Ctrl+C, or clear its state file.</summary>
internal static class EmulateCommand
{
    /// <summary>The key the emulator accepts when <c>--api-key</c> is not given.</summary>
    public const string DefaultKey = "emulator-key";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p") { Description = "The port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var key = new Option<string?>("--api-key") { Description = $"The bearer token the emulator accepts (default: {DefaultKey})." };
        var step = new Option<int>("--step") { Description = "Milliseconds per task state.", DefaultValueFactory = _ => 1500 };
        var state = TargetOptions.StateOption();
        var memory = new Option<bool>("--in-memory") { Description = "Keep tasks in memory only (no state file): they end with the emulator." };
        var reset = new Option<bool>("--reset") { Description = "Clear the state file (every task and clip the emulator kept) and exit." };
        var command = new Command("emulate", $"Run the vendor emulator (every dialect: {DialectNames.Listing}) in the foreground on 127.0.0.1 until Ctrl+C.")
        {
            port, key, step, state, memory, reset,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var statePath = TargetOptions.StatePath(parse.GetValue(state));
            if (parse.GetValue(reset))
                return await ResetAsync(statePath, output, error);
            var givenKey = parse.GetValue(key);
            var inMemory = parse.GetValue(memory);
            try
            {
                await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions
                {
                    Port = parse.GetValue(port),
                    ApiKey = givenKey ?? DefaultKey,
                    StepDuration = TimeSpan.FromMilliseconds(Math.Max(1, parse.GetValue(step))),
                    StatePath = inMemory ? null : statePath,
                }, cancellationToken);
                var token = givenKey is null ? $"{DefaultKey} (the default; --api-key sets another)" : "the one given with --api-key";
                var kept = inMemory ? "in memory only" : $"in {statePath}, shared with the embedded emulator";
                await output.WriteLineAsync($"Emulator listening on {emulator.BaseAddress} (every dialect; bearer token: {token}; tasks kept {kept}). Ctrl+C stops it.");
                await output.WriteLineAsync($"Try: contracts generate \"a calm song\" --base-url {emulator.BaseAddress} --dialect task --api-key {(givenKey is null ? DefaultKey : "<your key>")}");
                await emulator.RunAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (EmulatorStateException e)
            {
                await error.WriteLineAsync($"error: {e.Message}\nwhat to do: run 'contracts emulate --reset{(parse.GetValue(state) is null ? "" : " --state " + e.StatePath)}' to clear it, or pass --in-memory.");
                return ExitCodes.UsageOrInput;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"error: cannot listen on port {parse.GetValue(port)}: {e.Message} Pick another with --port.");
                return ExitCodes.UsageOrInput;
            }
            catch (ArgumentException e)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    private static async Task<int> ResetAsync(string statePath, TextWriter output, TextWriter error)
    {
        try
        {
            if (!File.Exists(statePath))
            {
                await output.WriteLineAsync($"No emulator state to clear: {statePath} does not exist.");
                return ExitCodes.Success;
            }
            File.Delete(statePath);
            await output.WriteLineAsync($"Cleared the emulator state: deleted {statePath} (every task and clip it kept is forgotten).");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: cannot delete the emulator state file {statePath}: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
