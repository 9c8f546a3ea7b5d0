namespace Contracts.Emulator.Tests;

/// <summary>The two shapes of native v2 <c>getFeed</c>'s answer (native-v2.yaml's <c>FeedAnswer</c>): a bare array by
/// default, a <c>FeedPage</c> object by option or per request; every answer validated against getFeed 200.</summary>
public sealed class FeedShapeTests
{
    private static async Task<(EmulatorHarness Harness, string[] Ids)> StartWithClipsAsync(Action<VendorEmulatorOptions>? configure = null)
    {
        var h = await EmulatorHarness.StartAsync(o => { o.StepDuration = TimeSpan.Zero; configure?.Invoke(o); });
        var batch = (await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate())).Object;
        return (h, batch["clips"]!.AsArray().Select(c => (string)c!["id"]!).ToArray());
    }

    [Fact]
    public async Task By_default_the_feed_is_a_bare_array_of_clips()
    {
        var (h, ids) = await StartWithClipsAsync();
        await using (h)
        {
            var feed = (await h.GetAsync($"suno/v2/feed?ids={string.Join(',', ids)}")).Json;
            Assert.Equal(ids, feed.AsArray().Select(c => (string)c!["id"]!));
        }
    }

    [Fact]
    public async Task FeedShape_Page_answers_a_page_object_that_carries_the_clips()
    {
        var (h, ids) = await StartWithClipsAsync(o => o.FeedShape = FeedShape.Page);
        await using (h)
        {
            var page = (await h.GetAsync($"suno/v2/feed?ids={string.Join(',', ids)}")).Object;
            Assert.Equal(ids, page["clips"]!.AsArray().Select(c => (string)c!["id"]!));
            Assert.Equal(2, (int)page["num_total_results"]!);
            Assert.Equal(0, (int)page["current_page"]!);
            Assert.All(page["clips"]!.AsArray(), c => Assert.Equal("complete", (string?)c!["status"]));
            Assert.Contains(h.Checker.Checked, t => t.OperationId == "getFeed" && t.Status == 200);
        }
    }

    [Fact]
    public async Task FeedShape_CursorPage_answers_the_newer_page_object_with_no_next_cursor()
    {
        var (h, ids) = await StartWithClipsAsync(o => o.FeedShape = FeedShape.CursorPage);
        await using (h)
        {
            var page = (await h.GetAsync($"suno/v2/feed?ids={ids[1]}")).Object;
            Assert.Equal([ids[1]], page["clips"]!.AsArray().Select(c => (string)c!["id"]!));
            Assert.False((bool)page["has_more"]!);
            Assert.True(page.ContainsKey("next_cursor"));
            Assert.Null(page["next_cursor"]);
        }
    }

    [Theory]
    [InlineData("feed-page", "num_total_results")]
    [InlineData("feed-cursor-page", "has_more")]
    public async Task The_header_asks_for_a_page_object_for_one_request(string variant, string pagingField)
    {
        var (h, ids) = await StartWithClipsAsync();
        await using (h)
        {
            var path = $"suno/v2/feed?ids={string.Join(',', ids)}";
            var page = (await h.GetAsync(path, fault: variant)).Object;
            Assert.Equal(ids, page["clips"]!.AsArray().Select(c => (string)c!["id"]!));
            Assert.True(page.ContainsKey(pagingField));
            Assert.IsType<JsonArray>((await h.GetAsync(path)).Json); // the next request is an array again
        }
    }

    [Fact]
    public async Task Page_objects_combine_with_the_faults_that_change_clips()
    {
        var (h, ids) = await StartWithClipsAsync();
        await using (h)
        {
            var page = (await h.GetAsync($"suno/v2/feed?ids={ids[0]}", fault: "feed-page, unknown-status, extra-field")).Object;
            var clip = page["clips"]![0]!;
            Assert.Equal(EmulatorFaults.UnknownStatusValue, (string?)clip["status"]);
            Assert.NotNull(clip[EmulatorFaults.ExtraFieldName]);
        }
    }

    [Fact]
    public async Task Unknown_ids_are_still_a_404_in_either_shape()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.FeedShape = FeedShape.Page);
        Assert.Equal(HttpStatusCode.NotFound, (await h.GetAsync("suno/v2/feed?ids=nope")).Status);
    }

    [Fact]
    public async Task The_page_variants_are_ignored_by_other_operations()
    {
        await using var h = await EmulatorHarness.StartAsync();
        var answer = await h.PostAsync("suno/v2/generate/lyrics", """{"prompt":"x"}""", fault: "feed-page");
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.NotNull(answer.Object["id"]);
    }

    [Fact]
    public async Task An_undefined_FeedShape_is_refused()
    {
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => VendorEmulator.StartAsync(new VendorEmulatorOptions { FeedShape = (FeedShape)42 }, TestCancellation.Token));
    }
}
