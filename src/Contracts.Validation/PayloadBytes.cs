using System.Buffers;
using System.Text.Unicode;

namespace Contracts.Validation;

/// <summary>
/// A payload's UTF-8 bytes in a pooled buffer, whichever way it came: read from a stream as sent (never decoded to text
/// and encoded back, so bytes that are not UTF-8 stay visible to the parser), or encoded once from a string.
/// </summary>
internal sealed class PayloadBytes : IDisposable
{
    private byte[]? _buffer;

    private PayloadBytes(byte[] buffer, int length, char? loneSurrogate = null, bool overLimit = false)
    {
        _buffer = buffer;
        Length = length;
        LoneSurrogate = loneSurrogate;
        OverLimit = overLimit;
    }

    /// <summary>How many bytes the payload has (for a string with a lone surrogate: the bytes before it).</summary>
    public int Length { get; }

    /// <summary>The bytes.</summary>
    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(PayloadBytes))).AsSpan(0, Length);

    /// <summary>
    /// Set when the payload was a string holding half of a UTF-16 surrogate pair without the other half, which is not
    /// Unicode text and has no UTF-8 form; <see cref="Span"/> then holds what came before it.
    /// </summary>
    public char? LoneSurrogate { get; }

    /// <summary>True when a stream gave more bytes than the limit <see cref="ReadAsync"/> was called with; the rest is unread.</summary>
    public bool OverLimit { get; }

    /// <summary>Encodes <paramref name="text"/>, whose UTF-8 length is <paramref name="byteCount"/>, without replacing anything.</summary>
    public static PayloadBytes Encode(string text, int byteCount)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(byteCount, 1));
        var status = Utf8.FromUtf16(text, buffer, out var charsRead, out var bytesWritten, replaceInvalidSequences: false);
        return new PayloadBytes(buffer, bytesWritten, loneSurrogate: status == OperationStatus.Done ? null : text[charsRead]);
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, or until it has given <paramref name="limit"/> + 1 bytes, which
    /// makes it <see cref="OverLimit"/>.
    /// </summary>
    public static async Task<PayloadBytes> ReadAsync(Stream stream, long limit, CancellationToken cancellationToken)
    {
        // An array holds at most Array.MaxLength bytes: a limit beyond that is, in effect, Array.MaxLength - 1.
        var cap = (int)Math.Min(limit + 1, Array.MaxLength);
        // A stream that knows its length is read into one buffer of that size (+1 to see its end without growing).
        var initial = stream.CanSeek ? (int)Math.Clamp(stream.Length - stream.Position + 1, 1, cap) : Math.Min(16 * 1024, cap);
        var buffer = ArrayPool<byte>.Shared.Rent(initial);
        var length = 0;
        try
        {
            while (true)
            {
                var room = Math.Min(buffer.Length, cap) - length;
                if (room == 0)
                {
                    if (length == cap) break;
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, cap));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }
                var read = await stream.ReadAsync(buffer.AsMemory(length, room), cancellationToken).ConfigureAwait(false);
                if (read == 0) break;
                length += read;
            }
            return new PayloadBytes(buffer, length, overLimit: length == cap);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Gives the buffer back to the pool.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
