using System.Net.Http.Headers;
using System.Text;

namespace Contracts.Emulator.Tests.Infrastructure;

/// <summary>An answer as a test reads it: status, headers, text, and the JSON when the text is JSON.</summary>
internal sealed record Answer(HttpStatusCode Status, HttpResponseMessage Response, string Text)
{
    public JsonNode Json => JsonNode.Parse(Text) ?? throw new InvalidOperationException("null JSON");

    public JsonObject Object => Json.AsObject();
}

/// <summary>
/// An emulator on a manual clock plus two HTTP clients: <see cref="Http"/> validates every answer against the specs,
/// <see cref="Raw"/> does not (for faults that break the contract on purpose).
/// </summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    private EmulatorHarness(VendorEmulator emulator, ManualTimeProvider time, ContractCheckingHandler checker)
    {
        Emulator = emulator;
        Time = time;
        Checker = checker;
        // No default Authorization header: each request sets its own, so auth tests can leave it out.
        Http = new HttpClient(checker, disposeHandler: false) { BaseAddress = emulator.BaseAddress };
        Raw = new HttpClient { BaseAddress = emulator.BaseAddress };
    }

    public VendorEmulator Emulator { get; }

    public ManualTimeProvider Time { get; }

    public ContractCheckingHandler Checker { get; }

    public HttpClient Http { get; }

    public HttpClient Raw { get; }

    /// <summary>A contract-checked client with the bearer key, as an application configures one for a generated client.</summary>
    public HttpClient CreateClientWithKey()
    {
        var client = new HttpClient(Checker, disposeHandler: false) { BaseAddress = Emulator.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Emulator.ApiKey);
        return client;
    }

    public static async Task<EmulatorHarness> StartAsync(Action<VendorEmulatorOptions>? configure = null)
    {
        var time = new ManualTimeProvider();
        var options = new VendorEmulatorOptions { TimeProvider = time, StepDuration = Step, SlowResponseDelay = TimeSpan.FromMilliseconds(300) };
        configure?.Invoke(options);
        var emulator = await VendorEmulator.StartAsync(options, TestCancellation.Token);
        return new EmulatorHarness(emulator, time, new ContractCheckingHandler(SharedValidator.Instance));
    }

    /// <summary>Moves the clock by whole states.</summary>
    public void Advance(int steps = 1) => Time.Advance(Step * steps);

    public Task<Answer> GetAsync(string path, string? fault = null, bool validate = true)
        => SendAsync(HttpMethod.Get, path, null, fault, validate);

    public Task<Answer> PostAsync(string path, object? body, string? fault = null, bool validate = true)
        => SendAsync(HttpMethod.Post, path, body switch
        {
            null => null,
            string text => text,
            JsonNode node => node.ToJsonString(),
            _ => System.Text.Json.JsonSerializer.Serialize(body),
        }, fault, validate);

    public async Task<Answer> SendAsync(HttpMethod method, string path, string? json, string? fault = null, bool validate = true, string? authorization = "default")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        if (fault is not null)
        {
            request.Headers.Add(EmulatorFaults.HeaderName, fault);
        }
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization == "default" ? "Bearer " + Emulator.ApiKey : authorization);
        }
        var client = validate ? Http : Raw;
        var response = await client.SendAsync(request, TestCancellation.Token);
        var text = await response.Content.ReadAsStringAsync(TestCancellation.Token);
        return new Answer(response.StatusCode, response, text);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Raw.Dispose();
        Checker.Dispose();
        await Emulator.DisposeAsync();
    }
}
