using System.Text.Json.Serialization.Metadata;

namespace Contracts.Clients.NativeV2;

// CUSTOM: the native v2 vendor page marks continue_clip_id, continue_at, infill_start_s and infill_end_s required and
// its example body sends them as null; real clients leave them out and Suno accepts that, so the spec makes them
// optional (x-contracts-page-required keeps the page's word). A generated optional property is left out when null;
// this modifier writes these four even when null, so the body a client sends stays the page's body.
/// <summary>Writes <see cref="GenerateRequest"/>'s four continuation and infill fields even when they are <c>null</c>, as the vendor page's example body does.</summary>
public static class GenerateRequestNulls
{
    private static readonly HashSet<string> PageNulls = new(StringComparer.Ordinal) { "continue_clip_id", "continue_at", "infill_start_s", "infill_end_s" };

    /// <summary>A <see cref="DefaultJsonTypeInfoResolver"/> modifier; the client's own serializer options include it.</summary>
    public static void Modifier(JsonTypeInfo info)
    {
        if (info.Type != typeof(GenerateRequest))
            return;
        foreach (var property in info.Properties)
        {
            if (PageNulls.Contains(property.Name))
                property.ShouldSerialize = static (_, _) => true;
        }
    }
}
