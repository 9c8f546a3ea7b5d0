using System.Text.Json.Serialization.Metadata;
using Contracts.Music.Wire;

namespace Contracts.Music.Tests;

/// <summary>
/// The tolerant reader's two tiers run on the generated clients' source-generated metadata (trim- and native-AOT-safe),
/// with the same modifiers as on reflection: a clip type keeps only the members the facade maps (found through each
/// member's attribute provider, which source generation supplies too), extension data reports undeclared members as
/// drift instead of collecting them, and the task dialect's data member is typed.
/// </summary>
public sealed class WireMetadataTests
{
    public static TheoryData<bool> Tiers() => new(false, true);

    [Theory]
    [MemberData(nameof(Tiers))]
    public void A_clip_keeps_only_the_members_the_facade_maps(bool drifted)
    {
        var options = drifted ? TolerantJson.Drifted : TolerantJson.Options;

        foreach (var type in new[] { typeof(Contracts.Clients.TaskApi.Clip), typeof(Contracts.Clients.NativeV2.Clip), typeof(Contracts.Clients.GoAmzV35.Clip), typeof(Contracts.Clients.GoAmzV30.Clip) })
        {
            var properties = options.GetTypeInfo(type).Properties;
            bool Reads(string name) => properties.Any(p => p.Name == name && p.Set is not null && !p.IsExtensionData);

            Assert.True(Reads("audio_url"));
            Assert.True(Reads("metadata"));
            // Declared members the facade does not map have no setter: their values are skipped, not read.
            Assert.False(Reads("play_count"));
            Assert.False(Reads("user_id"));
            // Extension data is the sink that reports undeclared members as drift and keeps nothing.
            var extension = Assert.Single(properties, p => p.IsExtensionData);
            Assert.IsType<UnknownMemberSink>(extension.Get!(Activator.CreateInstance(type)!));
        }
    }

    [Theory]
    [MemberData(nameof(Tiers))]
    public void The_tiers_resolve_through_source_generated_metadata_not_reflection(bool drifted)
    {
        var options = drifted ? TolerantJson.Drifted : TolerantJson.Options;

        Assert.IsNotType<DefaultJsonTypeInfoResolver>(options.TypeInfoResolver);
        var task = options.GetTypeInfo(typeof(Contracts.Clients.TaskApi.SunoTask));
        Assert.Equal(typeof(object), Assert.Single(task.Properties, p => p.Name == "data").PropertyType);
        Assert.All(task.Properties, p => Assert.False(p.IsRequired));
    }
}
