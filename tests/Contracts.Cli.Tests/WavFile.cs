using System.Buffers.Binary;
using System.Text;

namespace Contracts.Cli.Tests;

/// <summary>Checks that a file is a well-formed PCM WAV: RIFF/WAVE, a fmt chunk, and chunk sizes that add up.</summary>
internal static class WavFile
{
    public static void AssertValid(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 44, $"{path} has only {bytes.Length} bytes");
        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("WAVE", Encoding.ASCII.GetString(bytes, 8, 4));
        var offset = 12;
        var sawFormat = false;
        var dataBytes = -1;
        while (offset + 8 <= bytes.Length)
        {
            var id = Encoding.ASCII.GetString(bytes, offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4));
            if (id == "fmt ")
            {
                sawFormat = true;
                Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(offset + 8))); // PCM
            }
            if (id == "data")
                dataBytes = size;
            offset += 8 + size + (size & 1);
        }
        Assert.True(sawFormat, "no fmt chunk");
        Assert.True(dataBytes > 0, "no audio data");
        Assert.Equal(bytes.Length, offset);
    }
}
