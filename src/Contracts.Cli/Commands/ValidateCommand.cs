using System.CommandLine;
using Contracts.Cli.Target;
using Contracts.Validation;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts validate</c>: one payload against an operation or schema, or the whole sample manifest.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<FileInfo?>("file") { Description = "The JSON payload to check.", Arity = ArgumentArity.ZeroOrOne };
        var dialect = new Option<string?>("--dialect", "-d") { Description = $"The dialect: {DialectNames.Listing} (a spec file name in the specs folder, without .yaml)." };
        var operation = new Option<string?>("--operation", "-o") { Description = "The operationId whose request body or response the payload is." };
        var status = new Option<int>("--status") { Description = "The HTTP status of the response.", DefaultValueFactory = _ => 200 };
        var request = new Option<bool>("--request") { Description = "Check the operation's request body instead of its response." };
        var schema = new Option<string?>("--schema") { Description = "Check against a named component schema (e.g. Clip) instead of an operation." };
        var samples = new Option<bool>("--samples") { Description = "Validate every sample of specs/samples/manifest.json against its expected verdict." };
        var specs = new Option<DirectoryInfo?>("--specs") { Description = "The specs folder (default: the repository's specs/, found from the current directory)." };

        var command = new Command("validate", "Check a JSON payload against a dialect's contract; exit 0 valid, 1 invalid, 2 usage or unreadable input.")
        {
            file, dialect, operation, status, request, schema, samples, specs,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var validator = new ContractValidator(new ContractValidatorOptions { SpecsDirectory = parse.GetValue(specs)?.FullName });
                if (parse.GetValue(samples))
                {
                    return await RunSamplesAsync(validator, output, cancellationToken);
                }
                var (payload, dialectName, operationId, schemaName, isRequest) =
                    (parse.GetValue(file), parse.GetValue(dialect), parse.GetValue(operation), parse.GetValue(schema), parse.GetValue(request));
                var usage = Usage(payload, dialectName, operationId, schemaName, isRequest, statusGiven: parse.GetResult(status) is { Implicit: false });
                if (usage is not null)
                {
                    await error.WriteLineAsync(usage + " Run 'contracts validate --help' for usage.");
                    return ExitCodes.UsageOrInput;
                }
                var target = schemaName is not null ? ValidationTarget.Schema(dialectName!, schemaName)
                    : isRequest ? ValidationTarget.Request(dialectName!, operationId!)
                    : ValidationTarget.Response(dialectName!, operationId!, parse.GetValue(status));
                return await RunOneAsync(validator, payload!, target, output, error, cancellationToken);
            }
            catch (ContractValidationException exception)
            {
                await error.WriteLineAsync(exception.Message);
                return ExitCodes.UsageOrInput;
            }
        });
        return command;
    }

    private static string? Usage(FileInfo? file, string? dialect, string? operation, string? schema, bool request, bool statusGiven)
    {
        if (file is null) return "Give the payload file to check (or --samples).";
        if (dialect is null) return $"Give the dialect with --dialect ({DialectNames.Listing}).";
        if ((operation is null) == (schema is null)) return "Give exactly one of --operation <operationId> or --schema <Component>.";
        if (schema is not null && (request || statusGiven)) return "--request and --status go with --operation, not --schema.";
        if (request && statusGiven) return "--status is for responses; leave it out with --request.";
        return null;
    }

    private static async Task<int> RunOneAsync(ContractValidator validator, FileInfo file, ValidationTarget target, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        Stream stream;
        try
        {
            stream = file.OpenRead();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read {file.FullName}: {exception.Message}");
            return ExitCodes.UsageOrInput;
        }
        ValidationResult result;
        await using (stream)
        {
            result = await validator.ValidateAsync(stream, target, cancellationToken);
        }
        switch (result.Outcome)
        {
            case ValidationOutcome.Valid:
                await output.WriteLineAsync("valid");
                return ExitCodes.Valid;
            case ValidationOutcome.Malformed:
                await output.WriteLineAsync($"{file.Name}({result.Malformed!.Line},{result.Malformed.Column}): not JSON: {result.Malformed.Message}");
                return ExitCodes.Invalid;
            case ValidationOutcome.TooLarge:
                await output.WriteLineAsync($"{file.Name}: refused: {result.Refusal}");
                return ExitCodes.Invalid;
            default:
                await output.WriteLineAsync($"invalid against {target}: {result.Violations.Count} violation(s)");
                foreach (var violation in result.Violations)
                {
                    await output.WriteLineAsync($"  {(violation.Pointer.Length == 0 ? "/" : violation.Pointer)}  [{violation.Rule}] {violation.Message}");
                }
                return ExitCodes.Invalid;
        }
    }

    private static async Task<int> RunSamplesAsync(ContractValidator validator, TextWriter output, CancellationToken cancellationToken)
    {
        var manifest = await SampleManifest.LoadAsync(Path.Combine(validator.SpecsDirectory, "samples"), cancellationToken);
        var checks = await manifest.CheckAllAsync(validator, cancellationToken);
        var fileWidth = Math.Max(6, checks.Max(c => c.Sample.File.Length));
        var targetWidth = Math.Max(6, checks.Max(c => c.Sample.Target.ToString().Length));
        await output.WriteLineAsync($"{"sample".PadRight(fileWidth)}  {"target".PadRight(targetWidth)}  {"origin",-6}  {"ok",-4}  verdict");
        foreach (var check in checks)
        {
            await output.WriteLineAsync(
                $"{check.Sample.File.PadRight(fileWidth)}  {check.Sample.Target.ToString().PadRight(targetWidth)}  {check.Sample.Origin,-6}  {(check.Matches ? "yes" : "NO"),-4}  {check.Got}");
        }
        var mismatches = checks.Count(c => !c.Matches);
        await output.WriteLineAsync($"{checks.Count} samples, {checks.Count - mismatches} got their expected verdict, {mismatches} did not.");
        return mismatches == 0 ? ExitCodes.Valid : ExitCodes.Invalid;
    }
}
