namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>Code and layer zips, addressed by their SHA-256 (lower-case hex): the same bytes are stored once.</summary>
internal interface IBlobStore
{
    /// <summary>Stores the bytes (if not there yet) and returns their SHA-256.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The blob's bytes, or null when no blob has that hash.</summary>
    Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>A stream over the blob for sending it, or null.</summary>
    Stream? OpenRead(string sha256);
}
