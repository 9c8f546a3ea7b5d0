using System.CommandLine;
using Contracts.Cli.Output;
using Contracts.Cli.Target;
using Contracts.Music;
using Spectre.Console;

namespace Contracts.Cli.Commands;

/// <summary><c>contracts vendors</c>: the built-in vendor profiles.</summary>
internal static class VendorsCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("vendors", "List the built-in vendor profiles (use one with --vendor).");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumns("vendor", "dialect", "base URL", "path prefix", "source");
            foreach (var vendor in MusicVendors.All)
                table.AddRow(vendor.Name, DialectNames.Format(vendor.Dialect), Markup.Escape(vendor.BaseUrl?.ToString() ?? "(none published: pass --base-url)"),
                    vendor.PathPrefix ?? "-", Markup.Escape(vendor.Source));
            Consoles.For(output).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }
}
