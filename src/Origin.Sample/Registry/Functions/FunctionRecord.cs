namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>A function and its <c>$LATEST</c>: settings and the code last uploaded (none yet: null).</summary>
internal sealed record FunctionRecord(
    string AccountId,
    string Name,
    FunctionSettings Settings,
    string? CodeSha256,
    long? CodeSize,
    DateTimeOffset LastModified,
    int LastVersion);
