using System.Text.Json.Serialization.Metadata;
using Contracts.Music.Wire;

namespace Contracts.Music.Tests;

/// <summary>
/// The tolerant reader's two tiers run on the generated clients' source-generated metadata (trim- and native-AOT-safe),
/// with the same modifiers as on reflection: a clip type keeps only the members the facade maps (found through each
/// member's attribute provider, which source generation supplies too), extension data is dropped, and the task
/// dialect's data member is typed.
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
            var names = options.GetTypeInfo(type).Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

            Assert.Contains("audio_url", names);
            Assert.Contains("metadata", names);
            Assert.DoesNotContain("play_count", names);
            Assert.DoesNotContain("user_id", names);
            Assert.DoesNotContain(options.GetTypeInfo(type).Properties, p => p.IsExtensionData);
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
