// Every generated namespace imported next to the facade, as README's examples do: the facade's names must not
// collide with any generated type (CS0104), which this file would fail to compile on.
using Contracts.Clients.GoAmzV30;
using Contracts.Clients.GoAmzV35;
using Contracts.Clients.NativeV2;
using Contracts.Clients.TaskApi;

namespace Contracts.Music.Tests;

public sealed class NameClashTests
{
    [Fact]
    public void The_facade_models_and_the_generated_clients_can_be_imported_together()
    {
        MusicTask? task = null;
        MusicClip? clip = null;
        MusicLyrics? lyrics = null;
        MusicRequest request = MusicRequest.FromDescription("x");
        TaskApiClient? taskClient = null;
        GoAmzV30Client? goAmz = null;
        NativeV2Client? native = null;
        GoAmzV35Client? goAmz35 = null;

        Assert.Null(task);
        Assert.Null(clip);
        Assert.Null(lyrics);
        Assert.NotNull(request);
        Assert.True(taskClient is null && goAmz is null && native is null && goAmz35 is null);
    }
}
