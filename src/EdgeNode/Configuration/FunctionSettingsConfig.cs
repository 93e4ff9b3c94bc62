using System.Text.Json.Serialization;

namespace EdgeCompute.EdgeNode.Configuration;

/// <summary>A function's settings, from <c>function.json</c> in its folder or the <c>functions</c> map of the config.</summary>
// Unknown members are errors: a typo in a setting must not be silently ignored.
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FunctionSettingsConfig
{
    /// <summary>Lambda runtime name; Node.js runtimes (<c>nodejs18.x</c>, <c>nodejs20.x</c>, <c>nodejs22.x</c>) for Lambda@Edge, <c>cloudfront-js-1.0</c> or <c>cloudfront-js-2.0</c> for CloudFront Functions.</summary>
    public string? Runtime { get; init; }

    /// <summary><c>file.export</c>, as on Lambda. Defaults to <c>index.handler</c>.</summary>
    public string? Handler { get; init; }

    /// <summary>Memory in MB; caps the isolate's heap. Defaults to 128.</summary>
    public int? MemorySize { get; init; }

    /// <summary>Timeout in seconds; never above the event's own limit (5 s viewer, 30 s origin).</summary>
    public double? Timeout { get; init; }

    /// <summary>At most this many isolates (so concurrent invocations) for this function; past it, 503 throttled.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>The JavaScript engine: <c>v8</c> (default) or <c>jint</c>.</summary>
    public string? Engine { get; init; }

    /// <summary>Ids of the key-value stores (edge.json <c>keyValueStores</c>) a CloudFront Function reads with <c>cf.kvs()</c>.</summary>
    public IReadOnlyList<string>? KeyValueStores { get; init; }

    /// <summary>Hosts (<c>host</c> or <c>host:port</c>, case-insensitive) that <c>fetch</c> and <c>http</c>/<c>https</c> may reach from origin events. None by default.</summary>
    public IReadOnlyList<string>? AllowedHosts { get; init; }

    /// <summary>
    /// Environment variables of a Lambda@Edge-style function, read as <c>process.env</c> (with Lambda's
    /// reserved ones added). Keys <c>^[A-Za-z][A-Za-z0-9_]*$</c>, not <c>AWS_*</c>; 4 KB in all, as on Lambda.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>
    /// Who the function is, as it sees itself (<c>context.functionName</c>, the ARN, <c>process.env</c>, logs).
    /// Set by the registry sync, where folders are named <c>{account}.{function}.{version}</c>; standalone
    /// functions default to their folder name, <c>$LATEST</c> and account <c>000000000000</c>.
    /// </summary>
    public FunctionIdentityConfig? Identity { get; init; }
}

/// <summary>A function's name, version and account, as a registry published it.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record FunctionIdentityConfig
{
    public string? Account { get; init; }
    public string? Name { get; init; }
    public string? Version { get; init; }
}
