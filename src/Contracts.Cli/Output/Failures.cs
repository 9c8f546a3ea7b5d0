using Contracts.Music;

namespace Contracts.Cli.Output;

/// <summary>Turns any failure of a command into one clear message (what, where, what to do) and an exit code.</summary>
internal static class Failures
{
    public static async Task<int> RunAsync(TextWriter error, bool verbose, Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var (message, code) = Describe(exception);
            await error.WriteLineAsync(message);
            if (verbose)
                await error.WriteLineAsync(exception.ToString());
            return code;
        }
    }

    private static (string Message, int Code) Describe(Exception exception) => exception switch
    {
        Target.CliUsageException usage => ($"error: {usage.Message}", ExitCodes.UsageOrInput),
        MusicApiException api => ($"error: {api.Message}\nwhat to do: {Advice(api)}", ExitCodes.Failed),
        NotSupportedException unsupported => ($"error: {unsupported.Message}", ExitCodes.UsageOrInput),
        TimeoutException timeout => ($"error: {timeout.Message}", ExitCodes.Failed),
        FileNotFoundException missing => ($"error: file not found: {missing.FileName}", ExitCodes.UsageOrInput),
        System.Text.Json.JsonException json => ($"error: the file is not JSON: {json.Message}", ExitCodes.UsageOrInput),
        ArgumentException argument => ($"error: {argument.Message}", ExitCodes.UsageOrInput),
        IOException io => ($"error: {io.Message}", ExitCodes.Failed),
        _ => ($"error: {exception.GetType().Name}: {exception.Message} (run with --verbose for details)", ExitCodes.Failed),
    };

    private static string Advice(MusicApiException e) => e switch
    {
        { Status: 401 or 403 } => $"check the API key (--api-key or {Target.TargetOptions.ApiKeyVariable}) and that it is valid for {e.Vendor}.",
        { Status: 404 } => "check the id: it must come from this vendor, and tasks expire.",
        { Status: 429 } => $"the vendor is rate-limiting; wait{(e.RetryAfter is { } w ? $" {w.TotalSeconds:0} s" : "")} and try again.",
        { TaskId: not null } => $"the vendor returned task {e.TaskId}: check it with 'contracts fetch {e.TaskId}' before submitting again (a submit costs credits).",
        { Kind: MusicApiErrorKind.NetworkError } => "check --base-url and the network; the vendor did not answer.",
        { Kind: MusicApiErrorKind.Timeout } => "the vendor is slow; try again later.",
        { Kind: MusicApiErrorKind.InvalidResponse } => "the vendor answered with something that is not its documented JSON; check --dialect, or try again later.",
        _ => "try again later; if it persists, the vendor's status page or support may know more.",
    };
}
