using Contracts.Music.Wire;

namespace Contracts.Music.Dialects;

/// <summary>One vendor answer: the generated client's typed reading, the bytes it was read from, and the drift met.</summary>
/// <param name="Operation">The spec's operationId (or <c>inspect</c>/<c>callback</c> for saved payloads).</param>
/// <param name="Value">The typed answer, read tolerantly (<see cref="TolerantJson"/>).</param>
/// <param name="Raw">The bytes, for <c>Raw</c> on the models and for error messages.</param>
/// <param name="Drift">What did not match the spec; the normalizer adds what it finds out of range.</param>
internal sealed record Answer<T>(string Operation, T Value, RawJson Raw, DriftLog Drift);
