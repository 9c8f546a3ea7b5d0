using System.Text;

namespace Contracts.Emulator.Content;

/// <summary>FNV-1a over UTF-8: the same prompt gives the same tones, colours and lyrics in every run
/// (<see cref="string.GetHashCode()"/> is randomized per process).</summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }
        return hash;
    }
}
