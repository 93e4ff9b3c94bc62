namespace EdgeCompute.EdgeNode.Model;

/// <summary>
/// A CloudFront key-value store, read from a JSON file of the config (<c>{"key": "value", ...}</c>).
/// Immutable and part of the <see cref="EdgeSnapshot"/>: a reload swaps every store at once, and the
/// functions associated with a changed store get a new version key (new isolates).
/// </summary>
public sealed record KeyValueStoreModel
{
    /// <summary>AWS's limits.</summary>
    public const int MaxStoreBytes = 5 * 1024 * 1024, MaxKeyChars = 512, MaxValueBytes = 1024;

    public required string Id { get; init; }
    public required IReadOnlyDictionary<string, string> Data { get; init; }

    /// <summary>SHA-256 of the contents, part of the associated functions' version keys.</summary>
    public required string ContentHash { get; init; }

    public DateTimeOffset LastModified { get; init; }
}
