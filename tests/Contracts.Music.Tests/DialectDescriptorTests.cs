using Contracts.Clients;

namespace Contracts.Music.Tests;

/// <summary>The facade's dialects are the descriptors of <see cref="DialectCatalog"/>: every <see cref="MusicDialect"/>
/// has one and every descriptor has a <see cref="MusicDialect"/>, and capabilities, path prefixes, status tables and
/// vendor profiles come from them.</summary>
public sealed class DialectDescriptorTests
{
    [Theory]
    [MemberData(nameof(AllDialects.Data), MemberType = typeof(AllDialects))]
    public void Every_dialect_has_a_descriptor_that_leads_back_to_it(MusicDialect dialect)
    {
        var descriptor = dialect.Descriptor();

        Assert.Contains(descriptor, DialectCatalog.All);
        Assert.Equal(dialect, descriptor.ToMusicDialect());
        Assert.True(MusicDialectDescriptors.TryGetMusicDialect(descriptor, out var back));
        Assert.Equal(dialect, back);
    }

    [Fact]
    public void The_facade_speaks_every_dialect_of_the_catalog()
    {
        Assert.Equal(Enum.GetValues<MusicDialect>().Order(), DialectCatalog.All.Select(d => d.ToMusicDialect()).Order());
    }

    [Fact]
    public void An_undefined_dialect_value_is_refused_as_before()
    {
        Assert.Throws<ArgumentOutOfRangeException>("dialect", () => ((MusicDialect)99).Descriptor());
        Assert.Throws<ArgumentOutOfRangeException>("dialect", () => MusicCapabilities.For((MusicDialect)99));
        Assert.Throws<ArgumentOutOfRangeException>("dialect", () => MusicVendor.DefaultPathPrefix((MusicDialect)99));
    }

    [Theory]
    [MemberData(nameof(AllDialects.Data), MemberType = typeof(AllDialects))]
    public void Capabilities_and_path_prefix_are_the_descriptors(MusicDialect dialect)
    {
        var descriptor = dialect.Descriptor();
        var capabilities = MusicCapabilities.For(dialect);

        Assert.Equal(descriptor.Has(DialectCapabilities.Lyrics), capabilities.Lyrics);
        Assert.Equal(descriptor.Has(DialectCapabilities.Concat), capabilities.Concat);
        Assert.Equal(descriptor.Has(DialectCapabilities.BatchQuery), capabilities.BatchQuery);
        Assert.Equal(descriptor.Has(DialectCapabilities.Upload), capabilities.Upload);
        Assert.Equal(descriptor.Has(DialectCapabilities.Callback), capabilities.Callback);
        Assert.Equal(descriptor.Has(DialectCapabilities.Infill), capabilities.Infill);
        Assert.Equal(descriptor.Has(DialectCapabilities.Continuation), capabilities.Continuation);
        Assert.Equal(descriptor.DefaultPathPrefix, MusicVendor.DefaultPathPrefix(dialect));
    }

    [Fact]
    public void Capabilities_per_dialect_are_unchanged()
    {
        // The values MusicCapabilities.For had before the descriptors held them.
        static string Flags(MusicCapabilities c) => string.Join(",", new[]
        {
            c.Lyrics ? "lyrics" : null, c.Concat ? "concat" : null, c.BatchQuery ? "batch" : null, c.Upload ? "upload" : null,
            c.Callback ? "callback" : null, c.Infill ? "infill" : null, c.Continuation ? "continuation" : null,
        }.Where(f => f is not null));

        Assert.Equal("continuation", Flags(MusicCapabilities.For(MusicDialect.GoAmzV35)));
        Assert.Equal("lyrics,concat,continuation", Flags(MusicCapabilities.For(MusicDialect.GoAmzV30)));
        Assert.Equal("lyrics,batch,callback,continuation", Flags(MusicCapabilities.For(MusicDialect.Task)));
        Assert.Equal("lyrics,batch,upload,infill,continuation", Flags(MusicCapabilities.For(MusicDialect.NativeV2)));
        Assert.Equal(new[] { "suno/v1", "suno/v1/v3.0", "suno", "suno" },
            new[] { MusicDialect.GoAmzV35, MusicDialect.GoAmzV30, MusicDialect.Task, MusicDialect.NativeV2 }.Select(MusicVendor.DefaultPathPrefix));
    }

    [Fact]
    public void Status_tables_hold_the_descriptors_rows()
    {
        AssertSameRows(DialectCatalog.Task.TaskStatuses, MusicStatusMap.Task);
        AssertSameRows(DialectCatalog.ClipStatuses, MusicStatusMap.Clip);
        AssertSameRows(DialectCatalog.GoAmzV35.TaskStatuses, MusicStatusMap.GoAmz);
        AssertSameRows(DialectCatalog.GoAmzV30.TaskStatuses, MusicStatusMap.GoAmz);
        Assert.Empty(DialectCatalog.NativeV2.TaskStatuses);
    }

    [Fact]
    public void Every_dialect_status_has_the_facade_status_of_the_same_name()
    {
        foreach (var status in Enum.GetValues<DialectStatus>())
        {
            var normalized = MusicStatusMap.ToMusicTaskStatus(status);
            Assert.True(normalized.IsKnown);
            Assert.Equal(status.ToString(), normalized.Value, ignoreCase: true);
        }
    }

    [Fact]
    public void Built_in_vendors_use_their_dialects_path_prefix()
    {
        Assert.All(MusicVendors.All, v => Assert.Equal(MusicVendor.DefaultPathPrefix(v.Dialect), v.PathPrefix));
    }

    private static void AssertSameRows(IReadOnlyDictionary<string, DialectStatus> descriptor, IReadOnlyDictionary<string, MusicTaskStatus> facade)
    {
        Assert.Equal(descriptor.Count, facade.Count);
        foreach (var (wire, status) in descriptor)
            Assert.Equal(MusicStatusMap.ToMusicTaskStatus(status), facade[wire]);
    }
}
