namespace Contracts.Emulator.Content;

/// <summary>The <c>major_model_version</c> label Suno reports for a requested model (<c>mv</c>).</summary>
internal static class ModelNames
{
    public static string MajorVersion(string model)
    {
        var name = model.EndsWith("-upload", StringComparison.OrdinalIgnoreCase) ? model[..^"-upload".Length] : model;
        return name.ToLowerInvariant() switch
        {
            "chirp-v3-0" or "chirp-v3" => "v3",
            "chirp-v3-5" => "v3.5",
            "chirp-v4" => "v4",
            "chirp-auk" or "chirp-v4-5" => "v4.5",
            "chirp-bluejay" or "chirp-v4-5-plus" => "v4.5+",
            "chirp-crow" or "chirp-v5" => "v5",
            var other when other.StartsWith("chirp-", StringComparison.Ordinal) => other["chirp-".Length..],
            var other => other,
        };
    }
}
