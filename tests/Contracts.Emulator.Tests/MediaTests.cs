using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Contracts.Emulator.Tests;

/// <summary>Clip URLs serve real media: a PCM WAV of tones derived from the prompt and valid PNG covers.</summary>
public sealed class MediaTests
{
    private static async Task<JsonNode> CompleteClipAsync(EmulatorHarness h, string prompt)
    {
        var batch = (await h.PostAsync("suno/v2/generate", NativeV2StateTests.Generate(prompt))).Object;
        return batch["clips"]![0]!;
    }

    private static async Task<(HttpResponseMessage Response, byte[] Bytes)> DownloadAsync(EmulatorHarness h, string url)
    {
        // The raw client sends no Authorization header: media needs none, like a CDN link.
        var response = await h.Raw.GetAsync(url, TestCancellation.Token);
        return (response, await response.Content.ReadAsByteArrayAsync(TestCancellation.Token));
    }

    [Fact]
    public async Task Audio_url_serves_a_consistent_pcm_wav_of_the_configured_length()
    {
        await using var h = await EmulatorHarness.StartAsync(o => { o.StepDuration = TimeSpan.Zero; o.ClipDuration = 2; });
        var clip = await CompleteClipAsync(h, "[Verse]\nStars");
        var (response, wav) = await DownloadAsync(h, (string)clip["audio_url"]!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);

        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(wav, 8, 4));
        Assert.Equal("fmt ", Encoding.ASCII.GetString(wav, 12, 4));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(20))); // PCM
        var channels = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22));
        var rate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24));
        var byteRate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(28));
        var blockAlign = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(32));
        var bits = BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34));
        Assert.Equal((1, 22050, 16), (channels, rate, bits));
        Assert.Equal(rate * channels * bits / 8, byteRate);
        Assert.Equal(channels * bits / 8, blockAlign);
        Assert.Equal("data", Encoding.ASCII.GetString(wav, 36, 4));
        var dataSize = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40));
        Assert.Equal(wav.Length - 44, dataSize);
        Assert.Equal(2 * byteRate, dataSize);

        var peak = Enumerable.Range(0, dataSize / 2).Max(i => Math.Abs((int)BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(44 + i * 2))));
        Assert.InRange(peak, 5000, short.MaxValue); // tones, not silence
    }

    [Fact]
    public async Task Tones_follow_the_prompt_and_the_stream_url_serves_the_same_audio()
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        var first = await CompleteClipAsync(h, "[Verse]\nStars");
        var same = await CompleteClipAsync(h, "[Verse]\nStars");
        var other = await CompleteClipAsync(h, "[Verse]\nOceans");
        var a = (await DownloadAsync(h, (string)first["audio_url"]!)).Bytes;
        Assert.Equal(a, (await DownloadAsync(h, (string)same["audio_url"]!)).Bytes);
        Assert.NotEqual(a, (await DownloadAsync(h, (string)other["audio_url"]!)).Bytes);
        Assert.Equal(a, (await DownloadAsync(h, $"emulator/stream/{first["id"]}")).Bytes);
    }

    [Theory]
    [InlineData("image_url", 64)]
    [InlineData("image_large_url", 256)]
    public async Task Image_urls_serve_valid_pngs(string field, int size)
    {
        await using var h = await EmulatorHarness.StartAsync(o => o.StepDuration = TimeSpan.Zero);
        var clip = await CompleteClipAsync(h, "[Verse]\nStars");
        var (response, png) = await DownloadAsync(h, (string)clip[field]!);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);

        var chunks = new List<(string Type, byte[] Data)>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(BitwiseCrc32(typeAndData), crc);
            chunks.Add((Encoding.ASCII.GetString(typeAndData, 0, 4), typeAndData[4..]));
            offset += 12 + length;
        }
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal(13, header.Length);
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(8, header[8]);
        Assert.Equal(2, header[9]);

        using var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var pixels = new MemoryStream();
        await zlib.CopyToAsync(pixels, TestCancellation.Token);
        Assert.Equal(size * (1 + size * 3), pixels.Length);
        Assert.Empty(chunks[2].Data);
    }

    [Theory]
    [InlineData("emulator/media/unknown.wav")]
    [InlineData("emulator/media/unknown.png")]
    [InlineData("emulator/stream/unknown")]
    [InlineData("emulator/media/readme.txt")]
    public async Task Unknown_media_is_404(string path)
    {
        await using var h = await EmulatorHarness.StartAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await DownloadAsync(h, path)).Response.StatusCode);
    }

    /// <summary>CRC-32 computed bit by bit, independently of the emulator's table-driven one.</summary>
    private static uint BitwiseCrc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
