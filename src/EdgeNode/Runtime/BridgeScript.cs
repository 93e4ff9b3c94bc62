using System.Globalization;
using System.Text.Json;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Runtime;

/// <summary>
/// <c>Scripts/bridge.js</c> and the settings its <c>init</c> takes, for engines other than V8 (which
/// keeps its own copy in <see cref="FunctionIsolate"/>). Every engine runs the same bridge, so the
/// event contract, modules, console and errors are one implementation.
/// </summary>
internal static class BridgeScript
{
    /// <summary>The bridge's source: one expression whose value is <c>{define, init, invoke, collect}</c>.</summary>
    public static string Source { get; } = Load();

    /// <summary>The JSON the bridge's <c>init</c> takes (Lambda's context values); as <see cref="FunctionIsolate"/> builds it.</summary>
    public static string SettingsJson(FunctionModel function, FunctionRuntimeOptions options)
    {
        var logGroupName = $"/aws/lambda/{options.Region}.{function.FunctionName}";
        var logStreamName = $"{DateTime.UtcNow:yyyy/MM/dd}/[{function.Version}]{options.NodeId}";
        var handler = Path.ChangeExtension(function.HandlerModule, null) + "." + function.HandlerExport;
        var settings = new Dictionary<string, object>
        {
            ["functionName"] = function.FunctionName,
            ["functionVersion"] = function.Version,
            ["functionArn"] = $"arn:aws:lambda:{options.Region}:{function.Account}:function:{function.FunctionName}:{function.Version}",
            ["memoryLimitInMB"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
            ["logGroupName"] = logGroupName,
            ["logStreamName"] = logStreamName,
            ["fullResults"] = options.FullResults,
            ["handler"] = handler,
            ["allowedHosts"] = function.AllowedHosts,
        };
        if (function.CloudFrontVersion is { } cff)
        {
            settings["cff"] = cff;
            settings["kvs"] = function.KeyValueStores.ToDictionary(s => s.Id, s => (object)new Dictionary<string, object>
            {
                ["data"] = s.Data,
                ["meta"] = new Dictionary<string, object>
                {
                    ["creationDateTime"] = s.LastModified.ToString("O", CultureInfo.InvariantCulture),
                    ["lastUpdatedDateTime"] = s.LastModified.ToString("O", CultureInfo.InvariantCulture),
                    ["keyCount"] = s.Data.Count,
                },
            });
        }
        else
        {
            // CloudFront Functions have no process object (AWS's have none); Lambda@Edge's do.
            settings["process"] = new Dictionary<string, object>
            {
                ["env"] = LambdaEnvironment.Variables(function, options.Region, handler, logGroupName, logStreamName),
                ["nodeVersion"] = LambdaEnvironment.NodeVersion(function.Runtime),
            };
        }
        return JsonSerializer.Serialize(settings);
    }

    /// <summary>
    /// Everything an invocation passes to the bridge's <c>invoke</c>, as one string: the short fields
    /// joined by NUL, then request headers, response headers, body JSON, origin JSON (empty for none)
    /// and the remaining milliseconds, joined by U+0001 (neither header values nor JSON text hold it raw).
    /// One argument crosses into the engine for less than six.
    /// </summary>
    public static string Packed(FunctionEventInput input, int remainingMs) => string.Concat([
        input.EventType.ToWireName(), "\0", input.RequestId, "\0", input.DistributionId, "\0", input.DistributionDomainName, "\0",
        input.ClientIp, "\0", input.Method, "\0", input.Uri, "\0", input.QueryString, "\0", input.Status, "\0", input.StatusDescription,
        "\u0001", input.RequestHeaders, "\u0001", input.ResponseHeaders, "\u0001", input.BodyJson, "\u0001", input.OriginJson,
        "\u0001", remainingMs.ToString(CultureInfo.InvariantCulture)]);

    private static string Load()
    {
        using var stream = typeof(BridgeScript).Assembly.GetManifestResourceStream("EdgeCompute.EdgeNode.Runtime.Scripts.bridge.js")
            ?? throw new InvalidOperationException("bridge.js is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
