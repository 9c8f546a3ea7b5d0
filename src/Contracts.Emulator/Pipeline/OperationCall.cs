using System.Text.Json.Nodes;
using Contracts.Clients;
using Contracts.Emulator.Callbacks;
using Contracts.Emulator.Rendering;
using Contracts.Emulator.State;
using Microsoft.AspNetCore.Http;

namespace Contracts.Emulator.Pipeline;

/// <summary>What a handler gets: the request, its parsed body, the faults it was given, and the emulator's state.</summary>
internal sealed class OperationCall(HttpContext http, OperationDescriptor operation, JsonObject? body, RenderContext render, EmulatorRuntime runtime, IReadOnlySet<EmulatorFault> faults)
{
    public HttpContext Http { get; } = http;

    public OperationDescriptor Operation { get; } = operation;

    public DialectDescriptor Dialect => Operation.Dialect;

    /// <summary>The parsed JSON body (always an object; the pipeline answers 400 otherwise).</summary>
    public BodyReader Body { get; } = new(body ?? []);

    public RenderContext Render { get; } = render;

    public EmulatorStore Store => runtime.Store;

    public SongFactory Factory => runtime.Factory;

    public EmulatorClock Clock => runtime.Clock;

    public VendorEmulatorOptions Options => runtime.Options;

    public CallbackDispatcher Callbacks => runtime.Callbacks;

    /// <summary>The faults (and answer variants) selected for this request.</summary>
    public IReadOnlySet<EmulatorFault> Faults { get; } = faults;

    public string RouteValue(string name) => Http.Request.RouteValues[name]?.ToString() ?? "";

    public string? Query(string name) => Http.Request.Query.TryGetValue(name, out var value) ? value.ToString() : null;
}
