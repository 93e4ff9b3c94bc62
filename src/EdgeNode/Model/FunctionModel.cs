namespace EdgeCompute.EdgeNode.Model;

/// <summary>
/// One function version as the runtime sees it: its code files and settings. Immutable; the
/// <see cref="VersionKey"/> names its isolate pool, so an unchanged function keeps its warm
/// isolates across config reloads.
/// </summary>
public sealed record FunctionModel
{
    public required string Name { get; init; }

    /// <summary>The name the function sees as its own (context, ARN, <c>process.env</c>, logs): <see cref="Name"/>
    /// for a folder on disk, the registry's function name for a synced one (whose <see cref="Name"/> is its folder).</summary>
    public string FunctionName { get => _functionName ?? Name; init => _functionName = value; }

    private readonly string? _functionName;

    /// <summary>The account that owns the function: <see cref="StandaloneAccount"/> for folders on disk.</summary>
    public string Account { get; init; } = StandaloneAccount;

    public const string StandaloneAccount = "000000000000";

    /// <summary><c>$LATEST</c> for functions from disk; a number when published by a registry.</summary>
    public string Version { get; init; } = "$LATEST";

    /// <summary>Module path (relative, forward slashes, e.g. <c>index.js</c>) → source text.</summary>
    public required IReadOnlyDictionary<string, string> Files { get; init; }

    /// <summary>The module holding the handler, e.g. <c>index.js</c>.</summary>
    public required string HandlerModule { get; init; }

    /// <summary>The exported name of the handler, e.g. <c>handler</c>.</summary>
    public required string HandlerExport { get; init; }

    public string Runtime { get; init; } = "nodejs20.x";

    /// <summary><c>1.0</c> or <c>2.0</c> for the CloudFront Functions runtimes (<c>cloudfront-js-1.0</c>, <c>cloudfront-js-2.0</c>); null for Lambda@Edge.</summary>
    public string? CloudFrontVersion => Runtime.StartsWith(CloudFrontRuntimePrefix, StringComparison.Ordinal) ? Runtime[CloudFrontRuntimePrefix.Length..] : null;

    public const string CloudFrontRuntimePrefix = "cloudfront-js-";

    /// <summary>The key-value stores associated with a CloudFront Function (their contents go into its isolates).</summary>
    public IReadOnlyList<KeyValueStoreModel> KeyValueStores { get; init; } = [];
    public int MemorySizeMb { get; init; } = 128;

    /// <summary>Hosts (<c>host</c> or <c>host:port</c>) that <c>fetch</c> and <c>http</c>/<c>https</c> may reach; empty: none.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>The function's own environment variables (Lambda's reserved ones are added by the runtime).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The function's own timeout; each event caps it further.</summary>
    public TimeSpan Timeout { get; init; } = EdgeLimits.OriginTimeout;

    public int MaxConcurrency { get; init; } = 64;

    /// <summary>The engine running the function: <see cref="FunctionEngines.V8"/> (default) or <see cref="FunctionEngines.Jint"/>.</summary>
    public string Engine { get; init; } = FunctionEngines.V8;

    /// <summary>SHA-256 of the code and settings: equal keys mean interchangeable isolates.</summary>
    public required string VersionKey { get; init; }

    /// <summary>
    /// Names the function's isolate pool: the version key, and the engine unless it is V8. Isolates of
    /// two engines are never interchangeable, even for the same code.
    /// </summary>
    public string PoolKey => Engine == FunctionEngines.V8 ? VersionKey : VersionKey + "@" + Engine;

    public TimeSpan TimeoutFor(EdgeEventType type)
    {
        var max = EdgeLimits.MaxTimeout(type);
        return Timeout < max ? Timeout : max;
    }
}
