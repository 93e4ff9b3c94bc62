namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>An immutable published version: the code and settings of <c>$LATEST</c> when it was published.</summary>
internal sealed record VersionRecord(
    string AccountId,
    string FunctionName,
    int Version,
    FunctionSettings Settings,
    string CodeSha256,
    long CodeSize,
    string Description,
    DateTimeOffset Created);
