using System.Text.Json.Nodes;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Rendering;

/// <summary>
/// What one answer is rendered with: where media URLs point, the clock, and the two faults that change the JSON
/// itself (an undocumented status, an extra field), so every renderer applies them the same way.
/// </summary>
internal sealed class RenderContext(string baseUrl, EmulatorClock clock, bool unknownStatus, bool extraField)
{
    /// <summary>The emulator's address as the caller reached it, ending with '/'.</summary>
    public string BaseUrl { get; } = baseUrl;

    public EmulatorClock Clock { get; } = clock;

    /// <summary>How many objects got the extra field; the pipeline decorates the answer itself when none did.</summary>
    public int Decorated { get; private set; }

    public bool ExtraField { get; } = extraField;

    public string Status(string documented) => unknownStatus ? EmulatorFaults.UnknownStatusValue : documented;

    public JsonObject Decorate(JsonObject node)
    {
        if (ExtraField)
        {
            node[EmulatorFaults.ExtraFieldName] = new JsonObject
            {
                ["note"] = "a property no dialect documents, added by the extra-field fault",
            };
            Decorated++;
        }
        return node;
    }

    public Phase PhaseOf(EmulatedClip clip) => clip.AlwaysComplete ? Phase.Complete : Clock.PhaseOf(clip.CreatedAt, clip.Fails);

    public Phase PhaseOf(EmulatedTask task) => Clock.PhaseOf(task.CreatedAt, task.Fails);

    public string WavUrl(string clipId) => $"{BaseUrl}emulator/media/{clipId}.wav";

    public string ImageUrl(string clipId) => $"{BaseUrl}emulator/media/{clipId}.png";

    public string LargeImageUrl(string clipId) => $"{BaseUrl}emulator/media/{clipId}.large.png";

    public string StreamUrl(string clipId) => $"{BaseUrl}emulator/stream/{clipId}";

    public static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
