namespace EdgeCompute.Origin.Sample.Registry.Problems;

/// <summary>The stable <c>code</c> members of the registry's problem details (docs/registry-contract.md).</summary>
internal static class ErrorCodes
{
    public const string Unauthorized = "Unauthorized";
    public const string InvalidRequest = "InvalidRequest";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string ResourceNotFound = "ResourceNotFound";
    public const string ResourceConflict = "ResourceConflict";
    public const string ResourceInUse = "ResourceInUse";
    public const string NoCode = "NoCode";
    public const string InvalidZip = "InvalidZip";
    public const string UnsafePath = "UnsafePath";
    public const string TooLarge = "TooLarge";
    public const string UnzippedTooLarge = "UnzippedTooLarge";
    public const string HandlerNotFound = "HandlerNotFound";
    public const string SyntaxError = "SyntaxError";
    public const string CodeTooLarge = "CodeTooLarge";
    public const string CodeTooLargeForEvent = "CodeTooLargeForEvent";
    public const string VersionNotFound = "VersionNotFound";
    public const string LayerNotFound = "LayerNotFound";
    public const string KeyNotFound = "KeyNotFound";
    public const string LimitExceeded = "LimitExceeded";
    public const string LatestNotAllowed = "LatestNotAllowed";
    public const string CnameAlreadyExists = "CnameAlreadyExists";
    public const string ZipUrlFailed = "ZipUrlFailed";
    public const string ZipUrlForbidden = "ZipUrlForbidden";
    public const string InvalidDistribution = "InvalidDistribution";
}
