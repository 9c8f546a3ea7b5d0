namespace Contracts.Music.Tests;

/// <summary>
/// Every dialect x every operation x every fault a flaky vendor produces, against a loopback server that answers every
/// request with the fault: the outcome is the typed <see cref="MusicApiException"/> of the right kind, a paid call is
/// sent exactly once, a read is retried only where retrying can help, a task id the server sent is on the exception,
/// and a paid call without an answer says its outcome is unknown.
/// </summary>
public sealed class FaultMatrixTests
{
    private const int MaxRetries = 1;
    private static CancellationToken Ct => TestCancellation.Token;

    public enum Fault { Http500WithId, Envelope200WithId, Truncated200, Html502, TooMany429, NoAnswer, Oversized, ConnectionDropped }

    public enum Operation { Submit, Lyrics, Concat, Upload, Read, Batch, Wait }

    public static TheoryData<MusicDialect, Operation, Fault> Cases()
    {
        var data = new TheoryData<MusicDialect, Operation, Fault>();
        foreach (var dialect in Enum.GetValues<MusicDialect>())
        {
            var capabilities = MusicCapabilities.For(dialect);
            foreach (var operation in Enum.GetValues<Operation>())
            {
                if ((operation == Operation.Lyrics && !capabilities.Lyrics) || (operation == Operation.Concat && !capabilities.Concat) || (operation == Operation.Upload && !capabilities.Upload))
                    continue;
                foreach (var fault in Enum.GetValues<Fault>())
                    data.Add(dialect, operation, fault);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_fault_gives_its_typed_outcome_and_a_paid_call_is_sent_once(MusicDialect dialect, Operation operation, Fault fault)
    {
        await using var server = await ScriptedVendorServer.StartAsync(Ct);
        server.AnswerAll(Reply(dialect, fault));
        using var client = server.CreateClient(dialect, configure: o =>
        {
            o.Retry.MaxRetries = MaxRetries;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(1);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            // Short only where the fault is the wait itself: elsewhere a loaded machine must not turn a fault into a timeout.
            o.Retry.AttemptTimeout = fault == Fault.NoAnswer ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(20);
            o.MaxResponseBytes = 4096;
        });

        var error = await Assert.ThrowsAsync<MusicApiException>(() => Run(client, dialect, operation));

        Assert.Equal(Expected(fault), error.Kind);
        var paid = operation is Operation.Submit or Operation.Lyrics or Operation.Concat or Operation.Upload;
        var calls = operation == Operation.Batch && !MusicCapabilities.For(dialect).BatchQuery ? 2 : 1;
        var retried = !paid && fault is Fault.Http500WithId or Fault.Html502 or Fault.TooMany429 or Fault.NoAnswer or Fault.ConnectionDropped;
        var attempts = retried ? MaxRetries + 1 : 1;
        // One read per id at once: when one fails for good, the other is cancelled, wherever it had got to.
        Assert.InRange(server.Requests.Count, attempts, calls * attempts);
        if (paid)
            Assert.Single(server.Requests);
        // The id a failing answer names is kept on a paid call (native v2's 200 error carries none).
        if (paid && (fault is Fault.Http500WithId || (fault is Fault.Envelope200WithId && dialect != MusicDialect.NativeV2)))
            Assert.Equal("paid-1", error.TaskId);
        // A paid call whose answer never came or could not be read may have created the task (unless the answer named it).
        Assert.Equal(paid && fault is Fault.NoAnswer or Fault.ConnectionDropped or Fault.Oversized or Fault.Truncated200, error.OutcomeUnknown);
        if (fault == Fault.TooMany429)
            Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
    }

    private static Task Run(MusicClient client, MusicDialect dialect, Operation operation)
    {
        var id = dialect == MusicDialect.NativeV2 ? "c1" : "t1";
        return operation switch
        {
            Operation.Submit => client.SubmitAsync(MusicRequest.FromDescription("x"), Ct),
            Operation.Lyrics => client.GenerateLyricsAsync("x", cancellationToken: Ct),
            Operation.Concat => client.ConcatAsync("c1", Ct),
            Operation.Upload => client.UploadAsync(new Uri("https://cdn.example/a.mp3"), cancellationToken: Ct),
            Operation.Read => client.GetTaskAsync(id, Ct),
            Operation.Batch => client.GetTasksAsync([id, id + "b"], Ct),
            _ => client.WaitForCompletionAsync(id, cancellationToken: Ct),
        };
    }

    private static MusicApiErrorKind Expected(Fault fault) => fault switch
    {
        Fault.Http500WithId or Fault.Html502 or Fault.TooMany429 => MusicApiErrorKind.HttpError,
        Fault.Envelope200WithId => MusicApiErrorKind.VendorError,
        Fault.Truncated200 or Fault.Oversized => MusicApiErrorKind.InvalidResponse,
        Fault.NoAnswer => MusicApiErrorKind.Timeout,
        _ => MusicApiErrorKind.NetworkError,
    };

    private static Infrastructure.Reply Reply(MusicDialect dialect, Fault fault)
    {
        // An error that still names the task the vendor created, in each dialect's own envelope.
        var withId = dialect switch
        {
            MusicDialect.Task => """{"code":"upstream_error","message":"failed after creating it","data":"paid-1"}""",
            MusicDialect.NativeV2 => """{"detail":"failed after creating it","clips":[{"id":"paid-1"}]}""",
            _ => """{"code":500,"message":"failed after creating it","data":{"task_id":"paid-1"}}""",
        };
        return fault switch
        {
            Fault.Http500WithId => Infrastructure.Reply.Json(withId, 500),
            // Native v2 has no envelope code: its 200 error is a body without the answer's shape but with a detail.
            Fault.Envelope200WithId => Infrastructure.Reply.Json(dialect == MusicDialect.NativeV2 ? """{"detail":"Unauthorized"}""" : withId.Replace("500", "403")),
            Fault.Truncated200 => Infrastructure.Reply.Json("""{"code":"succ"""),
            Fault.Html502 => new Infrastructure.Reply(502, "<html><body>Bad Gateway</body></html>", "text/html"),
            Fault.TooMany429 => Infrastructure.Reply.Json("""{"message":"slow down"}""", 429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } },
            Fault.NoAnswer => Infrastructure.Reply.Json("{}") with { Delay = TimeSpan.FromSeconds(60) },
            Fault.Oversized => Infrastructure.Reply.Json("""{"code":"success","data":" """ + new string('x', 8192) + "\"}") with { AnnounceLength = true },
            _ => Infrastructure.Reply.Json("{}") with { Abort = true },
        };
    }
}
