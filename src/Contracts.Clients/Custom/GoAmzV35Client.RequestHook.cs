namespace Contracts.Clients.GoAmzV35;

// CUSTOM: a per-instance hook on every request this client builds, called after its URL is set and before it is sent.
// The facade creates one instance per call and uses it to put the call's own state in HttpRequestMessage.Options, where
// the handlers of the HttpClient (retries, logging, a user's own) read it; the generated client has no other way in.
public partial class GoAmzV35Client
{
    private readonly Action<HttpRequestMessage>? _prepareRequest;

    /// <summary>
    /// Creates a client that reads and writes bodies with <paramref name="jsonSerializerSettings"/> and passes every
    /// request it builds to <paramref name="prepareRequest"/> before sending it (for example to set
    /// <see cref="HttpRequestMessage.Options"/> or a header for this call only).
    /// </summary>
    /// <param name="httpClient">The HTTP client; its <see cref="HttpClient.BaseAddress"/> must end with <c>/</c>.</param>
    /// <param name="jsonSerializerSettings">The serializer options for this instance only.</param>
    /// <param name="prepareRequest">Called with each request, its URL set, just before it is sent.</param>
    public GoAmzV35Client(HttpClient httpClient, System.Text.Json.JsonSerializerOptions jsonSerializerSettings, Action<HttpRequestMessage> prepareRequest)
        : this(httpClient, jsonSerializerSettings)
    {
        ArgumentNullException.ThrowIfNull(prepareRequest);
        _prepareRequest = prepareRequest;
    }

    partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url) => _prepareRequest?.Invoke(request);
}
