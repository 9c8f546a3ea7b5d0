namespace Contracts.Emulator.Media;

/// <summary>A cover image for a clip: a diagonal gradient between two colours picked by the clip's seed.</summary>
internal static class CoverArt
{
    public const int Size = 64;

    public const int LargeSize = 256;

    public static byte[] Png(uint seed, int size)
    {
        var from = Colour(seed);
        var to = Colour(seed * 2654435761u + 1);
        var rgb = new byte[size * size * 3];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                var t = (x + y) / (2.0 * (size - 1));
                var offset = (y * size + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    rgb[offset + c] = (byte)(from[c] + (to[c] - from[c]) * t);
                }
            }
        }
        return PngWriter.Write(size, size, rgb);
    }

    private static byte[] Colour(uint value) => [(byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
