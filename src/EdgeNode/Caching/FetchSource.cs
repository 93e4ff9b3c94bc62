namespace EdgeCompute.EdgeNode.Caching;

/// <summary>Where the answer of an origin fetch came from; decides what may be stored and how it is labelled.</summary>
internal enum FetchSource
{
    /// <summary>The origin answered (or an origin-request function answered in its place).</summary>
    Origin,

    /// <summary>The origin confirmed a stored response with 304: the stored body, updated headers.</summary>
    Refreshed,

    /// <summary>An origin-request or origin-response function failed; the node's error answer.</summary>
    FunctionError,

    /// <summary>The origin could not be reached or timed out; the node's error answer.</summary>
    OriginError,
}
