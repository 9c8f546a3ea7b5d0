return await Contracts.Cli.CliApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None, handleSignals: true);
