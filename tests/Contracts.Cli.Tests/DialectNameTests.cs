using Contracts.Clients;
using Contracts.Music;

namespace Contracts.Cli.Tests;

/// <summary>The tool names dialects as <see cref="DialectCatalog"/> does: it takes every descriptor's name (and the
/// facade's enum name), lists the catalog's names when it does not know one, and shows profiles by those names.</summary>
public sealed class DialectNameTests
{
    private static string Root => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    public static TheoryData<string> Names() => new(DialectCatalog.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Every_descriptor_name_and_its_facade_enum_name_is_accepted(string name)
    {
        using var cli = new CliRun();
        var descriptor = DialectCatalog.Find(name)!;
        var sample = Directory.GetFiles(Path.Combine(Root, "specs", "samples", name), "*.response.json").Order(StringComparer.Ordinal).First();

        foreach (var spelling in new[] { name, name.ToUpperInvariant(), descriptor.ToMusicDialect().ToString() })
        {
            var (code, _, error) = await cli.RunAsync("inspect", sample, "--dialect", spelling);

            Assert.NotEqual(ExitCodes.UsageOrInput, code);
            Assert.DoesNotContain("Unknown dialect", error);
        }
    }

    [Fact]
    public async Task An_unknown_dialect_is_answered_with_every_descriptor_name()
    {
        using var cli = new CliRun();

        var (code, _, error) = await cli.RunAsync("generate", "x", "--dialect", "klingon");

        Assert.Equal(ExitCodes.UsageOrInput, code);
        Assert.Contains($"Unknown dialect 'klingon': use {DialectCatalog.ListNames("or")}.", error);
        Assert.All(DialectCatalog.All, d => Assert.Contains(d.Name, error));
    }

    [Fact]
    public async Task Vendors_shows_each_profile_with_its_dialects_name()
    {
        using var cli = new CliRun();

        var (code, output, _) = await cli.RunAsync("vendors");

        Assert.Equal(0, code);
        Assert.All(MusicVendors.All, v => Assert.Contains(v.Dialect.Descriptor().Name, output));
    }
}
