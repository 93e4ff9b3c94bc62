using System.Net;

namespace EdgeCompute.EdgeCli.Registry;

/// <summary>
/// A request body streamed from a seekable stream (a zip on disk), reporting the bytes written so
/// far, so that a large upload can show how far it got. The length is known up front: the
/// registry sees a Content-Length and can refuse an oversized zip before reading it.
/// </summary>
internal sealed class ProgressContent(Stream source, IProgress<long>? progress) : HttpContent
{
    private const int ChunkSize = 64 * 1024;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // A retried send (a redirect, an authentication challenge) starts from the beginning again.
        source.Position = 0;
        var buffer = new byte[ChunkSize];
        long sent = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            progress?.Report(sent);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = source.Length;
        return true;
    }
}
