using System.Text.Json;

namespace Contracts.Clients.GoAmzV30;

// CUSTOM: a constructor that gives one instance its own serializer options. The generated client shares one static
// JsonSerializerOptions per type; a reader that must survive vendor drift (the facade) needs different ones without
// changing what every other user of this client gets.
public partial class GoAmzV30Client
{
    /// <summary>Creates a client that reads and writes bodies with <paramref name="jsonSerializerSettings"/> instead of the shared defaults.</summary>
    /// <param name="httpClient">The HTTP client; its <see cref="HttpClient.BaseAddress"/> must end with <c>/</c>.</param>
    /// <param name="jsonSerializerSettings">The serializer options for this instance only.</param>
    public GoAmzV30Client(HttpClient httpClient, JsonSerializerOptions jsonSerializerSettings)
        : this(httpClient)
    {
        ArgumentNullException.ThrowIfNull(jsonSerializerSettings);
        _instanceSettings = jsonSerializerSettings;
    }

    // CUSTOM: the shared serializer options read timestamps by the specs' one rule (VendorTime): System.Text.Json alone
    // refuses the space-separated and offset-less forms that relays send and the specs accept. Their metadata is
    // source-generated (GoAmzV30JsonContext), not reflected, so the client is trim- and native-AOT-safe.
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.Converters.Add(new VendorDateTimeOffsetConverter());
        settings.TypeInfoResolver = GoAmzV30JsonContext.Default;
    }
}
