namespace Contracts.Music.Tests;

/// <summary>The same <see cref="MusicRequest"/> becomes the body each dialect's page (or our sample for it) documents.</summary>
public sealed class WireBodyTests
{
    private static CancellationToken Ct => TestCancellation.Token;

    private const string CityLights = "[Verse]\nWalking down the streets\nBeneath the city lights\nNeon signs flickering\nLighting up the night\nHeart beating faster\nLike a drum in my chest\nI'm alive in this moment\nFeeling so blessed\n\nStilettos on the pavement\nStepping with grace\nSurrounded by the people\nMoving at their own pace\nThe rhythm of the city\nIt pulses in my veins\nLost in the energy\nAs my worries drain\n\n[Verse 2]\nConcrete jungle shining\nWith its dazzling glow\nEvery corner hiding secrets that only locals know\nA symphony of chaos\nBut it's music to my ears\nThe hustle and the bustle\nWiping away my fears";

    [Fact]
    public async Task Task_dialect_bodies_are_the_pages_three_examples()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/submit/music", Samples.Read("task", "submitMusic.response.json"));
        using var client = server.CreateClient(MusicDialect.Task);

        await client.SubmitAsync(MusicRequest.FromDescription("cat"), Ct);
        await client.SubmitAsync(new MusicRequest { Lyrics = CityLights, Tags = "emotional punk", Title = "City Lights", Model = MusicModel.ChirpV3 }, Ct);
        await client.SubmitAsync(new MusicRequest
        {
            Lyrics = CityLights, Tags = "bass-driven atmospheric heavy metal", Title = "City Lights", Model = "chirp-v3-0",
            ContinueClipId = "ce2cfbce-9ea0-45b0-9386-020c0ff54a49", ContinueAt = TimeSpan.FromSeconds(80), ContinueTaskId = "736a6f88-bd29-4b1e-b110-37132a5325ac",
        }, Ct);

        // The page's bodies plus make_instrumental, which its table marks required (see specs/samples/manifest.json).
        string[] pages = ["submitMusic.request.inspiration.json", "submitMusic.request.custom.json", "submitMusic.request.continuation.json"];
        for (var i = 0; i < pages.Length; i++)
            JsonAssert.Equivalent(JsonAssert.Edit(Samples.Read("task", pages[i]), r => r["make_instrumental"] = false), server.Requests[i].Body);
    }

    [Fact]
    public async Task Native_body_is_the_pages_custom_instrumental_example()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.Answer("POST", "/suno/v2/generate", Samples.Read("native-v2", "generateMusic.response.json"));
        using var client = server.CreateClient(MusicDialect.NativeV2);

        await client.SubmitAsync(new MusicRequest { Instrumental = true, Tags = "heavy metal", Title = "Starry ", Model = MusicModel.ChirpV35 }, Ct);

        JsonAssert.Equivalent(Samples.Read("native-v2", "generateMusic.request.json"), server.Requests.Single().Body);
    }

    [Fact]
    public async Task GoAmz_bodies_are_the_documented_inspiration_and_custom_shapes()
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        var answer = Samples.Read("goamz-v3.0", "submitMusic.response.ours.json");
        server.Answer("POST", "/suno/v1/v3.0/music", answer);
        server.Answer("POST", "/suno/v1/music", answer);
        using var v30 = server.CreateClient(MusicDialect.GoAmzV30);
        using var v35 = server.CreateClient(MusicDialect.GoAmzV35);
        var custom = JsonAssert.Edit(Samples.Read("goamz-v3.5", "submitMusic.request.ours.json"), _ => { });
        var lyrics = System.Text.Json.Nodes.JsonNode.Parse(custom)!["input"]!["prompt"]!.GetValue<string>();

        await v30.SubmitAsync(new MusicRequest { Description = "blowing in the wind", Model = MusicModel.ChirpV3 }, Ct);
        await v35.SubmitAsync(MusicRequest.Custom(lyrics, "epic reggae", "Electric Dreams"), Ct);

        JsonAssert.Equivalent(Samples.Read("goamz-v3.0", "submitMusic.request.ours.json"), server.Requests[0].Body);
        JsonAssert.Equivalent(custom, server.Requests[1].Body);
    }

    [Theory]
    [InlineData(null, null, false, null, "neither Description nor Lyrics")]
    [InlineData("", null, false, null, "Description is empty")]
    [InlineData("a song", "words", false, null, "both Description")]
    [InlineData(null, "words", false, 10.0, "ContinueAt is set without ContinueClipId")]
    public async Task An_impossible_request_is_refused_before_anything_is_sent(string? description, string? lyrics, bool instrumental, double? continueAt, string message)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        using var client = server.CreateClient(MusicDialect.Task);
        var request = new MusicRequest
        {
            Description = description, Lyrics = lyrics, Instrumental = instrumental,
            ContinueAt = continueAt is { } at ? TimeSpan.FromSeconds(at) : null,
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.SubmitAsync(request, Ct));

        Assert.Contains(message, error.Message);
        Assert.Empty(server.Requests);
    }
}
