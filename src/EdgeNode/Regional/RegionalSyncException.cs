namespace EdgeCompute.EdgeNode.Regional;

/// <summary>
/// The registry could not give the node what it asked for: an error status, a bundle whose hash does
/// not match, an unreadable document. The sync service logs it, keeps the last good snapshot and retries.
/// </summary>
internal sealed class RegionalSyncException : Exception
{
    public RegionalSyncException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
