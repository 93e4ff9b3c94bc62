namespace EdgeCompute.EdgeNode.Model;

/// <summary>
/// The second origin of an origin group and when to use it: CloudFront retries a GET or HEAD there
/// when the first origin answers with one of <see cref="StatusCodes"/> or cannot be reached.
/// </summary>
public sealed record OriginFailover(OriginModel Secondary, IReadOnlySet<int> StatusCodes);
