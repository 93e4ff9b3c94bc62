using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using EdgeCompute.Origin.Sample.Http;

namespace EdgeCompute.Origin.Sample.Probes;

/// <summary>
/// Deterministic bulk text of any length: a 64-byte line repeated. The byte at offset i depends
/// only on i, so a body of length N is always the same and can be streamed without buffering.
/// </summary>
internal static class LargeBody
{
    public const long MaxLength = 50L * 1024 * 1024;

    // 1024 lines = 64 KiB, a whole number of lines, so consecutive chunks continue the pattern.
    private static readonly byte[] Chunk = BuildChunk(lineCount: 1024);

    // Hashing 50 MB takes tens of milliseconds; tests ask for the same few sizes repeatedly.
    private const int MaxCachedETags = 256;
    private static readonly ConcurrentDictionary<long, string> ETags = new();

    /// <summary>Strong ETag from the SHA-256 of the body, like every other cacheable response.</summary>
    public static string ETagFor(long length)
    {
        if (ETags.TryGetValue(length, out var etag))
        {
            return etag;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        for (var remaining = length; remaining > 0; remaining -= Chunk.Length)
        {
            hash.AppendData(Chunk, 0, (int)Math.Min(remaining, Chunk.Length));
        }

        etag = EntityTags.FromHash(hash.GetHashAndReset());
        if (ETags.Count < MaxCachedETags)
        {
            ETags.TryAdd(length, etag);
        }

        return etag;
    }

    public static async Task WriteAsync(Stream destination, long length, CancellationToken cancellationToken)
    {
        // Written chunk by chunk: Kestrel flushes each write, so the body streams with
        // backpressure instead of being materialised (up to 50 MB) in memory.
        for (var remaining = length; remaining > 0; remaining -= Chunk.Length)
        {
            await destination.WriteAsync(Chunk.AsMemory(0, (int)Math.Min(remaining, Chunk.Length)), cancellationToken);
        }
    }

    private static byte[] BuildChunk(int lineCount)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var text = new StringBuilder(lineCount * 64);
        for (var line = 0; line < lineCount; line++)
        {
            // 63 visible characters (rotated per line so lines differ) plus a newline.
            for (var column = 0; column < 63; column++)
            {
                text.Append(Alphabet[(line + column) % Alphabet.Length]);
            }

            text.Append('\n');
        }

        return Encoding.ASCII.GetBytes(text.ToString());
    }
}
