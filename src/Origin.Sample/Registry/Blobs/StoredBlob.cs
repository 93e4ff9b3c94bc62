namespace EdgeCompute.Origin.Sample.Registry.Blobs;

/// <summary>A blob in the store and when it was last written or put again: its age for <see cref="BlobCollector"/>.</summary>
internal sealed record StoredBlob(string Sha256, DateTimeOffset LastWritten);
