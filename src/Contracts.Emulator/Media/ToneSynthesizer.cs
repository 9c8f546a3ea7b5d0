namespace Contracts.Emulator.Media;

/// <summary>
/// A few seconds of sine tones: a melody of pentatonic notes (four per second) picked by the clip's seed, each with a
/// short fade in and out so the notes do not click. The same prompt always sounds the same.
/// </summary>
internal static class ToneSynthesizer
{
    public const int SampleRate = 22050;

    /// <summary>A minor pentatonic scale over two octaves from A3 (Hz).</summary>
    private static readonly double[] Scale = [220.00, 261.63, 293.66, 329.63, 392.00, 440.00, 523.25, 587.33, 659.25, 783.99];

    public static short[] Synthesize(uint seed, double seconds)
    {
        var total = (int)(seconds * SampleRate);
        var samples = new short[total];
        var noteLength = SampleRate / 4;
        var fade = SampleRate / 100;
        var random = new Random(unchecked((int)seed));
        var frequency = Scale[0];
        for (var i = 0; i < total; i++)
        {
            var inNote = i % noteLength;
            if (inNote == 0)
            {
                frequency = Scale[random.Next(Scale.Length)];
            }
            var envelope = Math.Min(1.0, Math.Min(inNote, noteLength - inNote) / (double)fade);
            var value = Math.Sin(2 * Math.PI * frequency * i / SampleRate) * envelope * 0.4;
            samples[i] = (short)(value * short.MaxValue);
        }
        return samples;
    }
}
