using Contracts.Clients.GoAmzV35;

namespace Contracts.Music.Dialects;

/// <summary>GoAmz v3.5 over <see cref="GoAmzV35Client"/>: submit and get music only, read as every GoAmz version is.</summary>
internal sealed class GoAmzV35Adapter(GoAmzV35Client client, MusicTarget target, string apiKey)
    : GoAmzAdapter<MusicSubmitRequest, MusicSubmitInput, TaskIdEnvelope, SunoTaskEnvelope>(client, target, apiKey);
