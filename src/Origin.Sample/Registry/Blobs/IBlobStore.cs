namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>Code and layer zips, addressed by their SHA-256 (lower-case hex): the same bytes are stored once.</summary>
internal interface IBlobStore
{
    /// <summary>Stores the bytes (if not there yet; else refreshes the blob's age) and returns their SHA-256.</summary>
    Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The blob's bytes, or null when no blob has that hash.</summary>
    Task<byte[]?> GetAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>A stream over the blob for sending it, or null.</summary>
    Stream? OpenRead(string sha256);

    /// <summary>Every blob with its age; nothing when the store was never written to.</summary>
    IEnumerable<StoredBlob> List();

    /// <summary>
    /// Deletes the blob unless it was written or put again at or after <paramref name="cutoff"/>
    /// (checked under the same lock as <see cref="PutAsync"/>); true when it was deleted.
    /// </summary>
    bool DeleteIfUnchangedSince(string sha256, DateTimeOffset cutoff);
}
