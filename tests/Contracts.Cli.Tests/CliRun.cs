namespace Contracts.Cli.Tests;

/// <summary>Runs the tool in-process with captured output, in a temporary working folder for the files it writes.</summary>
internal sealed class CliRun : IDisposable
{
    public CliRun()
    {
        Folder = Directory.CreateTempSubdirectory("contracts-cli-").FullName;
    }

    public string Folder { get; }

    public string Out => Path.Combine(Folder, "out");

    public async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, TestCancellation.Token);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
