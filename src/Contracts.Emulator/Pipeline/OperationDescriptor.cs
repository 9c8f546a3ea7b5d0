using System.Text.Json.Nodes;
using Contracts.Emulator.State;

namespace Contracts.Emulator.Pipeline;

/// <summary>One operation of one spec: where it is served and what answers it.</summary>
/// <param name="Dialect">The spec it belongs to.</param>
/// <param name="OperationId">Its <c>operationId</c> in the spec (fault rules match on it).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Route">ASP.NET route template, without leading slash, exactly the spec's path.</param>
/// <param name="Handler">Computes the answer; throws <see cref="OperationErrorException"/> for error answers.</param>
/// <param name="HasBody">Whether the operation takes a JSON body (parsed and checked before the handler runs).</param>
internal sealed record OperationDescriptor(Dialect Dialect, string OperationId, string Method, string Route, Func<OperationCall, JsonNode> Handler, bool HasBody);
