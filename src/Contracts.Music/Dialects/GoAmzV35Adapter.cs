using Contracts.Clients.GoAmzV35;

namespace Contracts.Music.Dialects;

/// <summary>GoAmz v3.5 over <see cref="GoAmzV35Client"/>: submit and get music only, read as every GoAmz version is.</summary>
internal sealed class GoAmzV35Adapter(Func<Action<HttpRequestMessage>, GoAmzV35Client> clients, MusicTarget target, string apiKey, Diagnostics.MusicObserver? observer)
    : GoAmzAdapter<MusicSubmitRequest, MusicSubmitInput, TaskIdEnvelope, SunoTaskEnvelope, GoAmzV35Client>(clients, target, apiKey, observer);
