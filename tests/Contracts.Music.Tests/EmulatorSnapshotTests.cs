using Contracts.Emulator;
using Snapshooter;

namespace Contracts.Music.Tests;

/// <summary>
/// A finished song per dialect, made by the embedded emulator and read through the facade, against its snapshot. The
/// emulator makes new ids, times and a port on every run: Snapshooter's matchers check those fields by type or
/// shape instead of by value; every other field is compared as it is.
/// </summary>
public sealed class EmulatorSnapshotTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private static readonly string[] Times = ["submittedAt", "startedAt", "finishedAt", "clips[*].createdAt"];
    private static readonly string[] MediaUrls = ["clips[*].audioUrl", "clips[*].videoUrl", "clips[*].imageUrl", "clips[*].imageLargeUrl"];

    [Theory]
    [MemberData(nameof(AllDialects.Data), MemberType = typeof(AllDialects))]
    public async Task A_finished_custom_song_normalizes_to_its_snapshot(MusicDialect dialect)
    {
        await using var emulator = await VendorEmulator.StartAsync(new VendorEmulatorOptions { StepDuration = TimeSpan.Zero }, Ct);
        using var client = new MusicClient(new MusicClientOptions { BaseUrl = emulator.BaseAddress, Dialect = dialect, ApiKey = emulator.ApiKey, VendorName = "emulator" });
        // Some dialects report whole seconds: the window is widened by a second on each side.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var id = await client.SubmitAsync(MusicRequest.Custom("[Verse]\nSalt on the wind", "sea shanty", "Harbour Lights"), Ct);
        var task = await client.WaitForCompletionAsync(id, Journeys.Fast(), Ct);

        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        Snapshots.Match(NormalizedView.Task(task), SnapshotNameExtension.Create(dialect), options =>
        {
            options = options
                .Assert(field => Assert.Equal(id, field.Field<string>("id")))
                .IsTypeFields<Guid>("clips[*].id");
            foreach (var time in Times)
                options = options.Assert(field => Assert.All(field.Fields<DateTimeOffset?>(time), at => Assert.InRange(at ?? before, before, after)));
            foreach (var url in MediaUrls)
            {
                options = options.Assert(field =>
                {
                    var clipIds = field.Fields<string>("clips[*].id");
                    var urls = field.Fields<string?>(url);
                    Assert.Equal(clipIds.Length, urls.Length);
                    for (var i = 0; i < urls.Length; i++)
                        Assert.True(urls[i] is null || urls[i]!.StartsWith($"{emulator.BaseAddress}emulator/media/{clipIds[i]}.", StringComparison.Ordinal), $"{url}: {urls[i]}");
                });
            }
            return options;
        });
    }
}
