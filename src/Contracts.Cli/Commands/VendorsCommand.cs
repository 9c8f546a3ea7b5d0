using System.CommandLine;
using System.Text.Json.Nodes;
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
        var json = new Option<bool>("--json") { Description = "Print the profiles as one JSON document (\"vendors\": [...]) instead of the table." };
        var command = new Command("vendors", "List the built-in vendor profiles (use one with --vendor).") { json };
        command.SetAction(async (parse, _) =>
        {
            if (parse.GetValue(json))
            {
                await JsonView.WriteAsync(output, new JsonObject { ["vendors"] = new JsonArray(MusicVendors.All.Select(v => (JsonNode)JsonView.Vendor(v)).ToArray()) });
                return ExitCodes.Success;
            }
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
