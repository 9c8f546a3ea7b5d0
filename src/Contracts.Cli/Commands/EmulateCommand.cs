using System.CommandLine;
using Contracts.Cli.Target;
using Contracts.Emulator;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts emulate</c>: run the vendor emulator in the foreground until Ctrl+C.</summary>
internal static class EmulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p") { Description = "The port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var key = new Option<string>("--api-key") { Description = "The bearer token the emulator accepts.", DefaultValueFactory = _ => "emulator-key" };
        var step = new Option<int>("--step") { Description = "Milliseconds per task state.", DefaultValueFactory = _ => 1500 };
        var command = new Command("emulate", $"Run the vendor emulator (every dialect: {DialectNames.Listing}) in the foreground on 127.0.0.1 until Ctrl+C.") { port, key, step };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions
                {
                    Port = parse.GetValue(port), ApiKey = parse.GetValue(key)!, StepDuration = TimeSpan.FromMilliseconds(Math.Max(1, parse.GetValue(step))),
                }, cancellationToken);
                await output.WriteLineAsync($"Emulator listening on {emulator.BaseAddress} (every dialect; bearer token: the --api-key you gave). Ctrl+C stops it.");
                await output.WriteLineAsync($"Try: contracts generate \"a calm song\" --base-url {emulator.BaseAddress} --dialect task --api-key <key>");
                await emulator.RunAsync(cancellationToken);
                return ExitCodes.Success;
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
}
