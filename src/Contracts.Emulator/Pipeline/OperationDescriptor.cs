using System.Text.Json.Nodes;
using Contracts.Clients;

namespace Contracts.Emulator.Pipeline;

/// <summary>One operation of one spec: where it is served and what answers it.</summary>
/// <param name="Dialect">The dialect (spec) it belongs to.</param>
/// <param name="OperationId">Its <c>operationId</c> in the spec (fault rules match on it).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Route">ASP.NET route template, without leading slash, exactly the spec's path.</param>
/// <param name="Handler">Computes the answer; throws <see cref="OperationErrorException"/> for error answers.</param>
/// <param name="HasBody">Whether the operation takes a JSON body (parsed and checked before the handler runs).</param>
internal sealed record OperationDescriptor(DialectDescriptor Dialect, string OperationId, string Method, string Route, Func<OperationCall, JsonNode> Handler, bool HasBody)
{
    /// <summary>
    /// The operation <paramref name="operationId"/> of <paramref name="dialect"/>, served at <paramref name="path"/>
    /// under the dialect's path prefix (<see cref="DialectDescriptor.DefaultPathPrefix"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">The dialect's spec has no such operation.</exception>
    public static OperationDescriptor Of(DialectDescriptor dialect, string operationId, string method, string path, Func<OperationCall, JsonNode> handler, bool hasBody)
    {
        if (!dialect.HasOperation(operationId))
        {
            throw new InvalidOperationException($"The {dialect.Name} dialect has no operation '{operationId}' (its operations: {string.Join(", ", dialect.Operations)}).");
        }
        return new(dialect, operationId, method, dialect.DefaultPathPrefix + "/" + path, handler, hasBody);
    }
}
