using System.Text;
using System.Text.RegularExpressions;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.Origin.Sample.Registry.Layers;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>
/// Checks a function's settings against the contract (and so against what the node will accept),
/// including the layers and key-value stores they name, with the caller's permissions.
/// </summary>
internal static partial class FunctionSettingsValidator
{
    public static readonly IReadOnlyList<string> Runtimes =
        ["nodejs16.x", "nodejs18.x", "nodejs20.x", "nodejs22.x", "cloudfront-js-1.0", "cloudfront-js-2.0"];

    public const int MaxLayers = 5;
    public const int MaxEnvironmentBytes = 4 * 1024;

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentKey();

    public static async Task ValidateAsync(FunctionSettings settings, string accountId, IRegistrySession session, CancellationToken cancellationToken)
    {
        CheckShape(settings);
        foreach (var arn in settings.Layers)
        {
            await LayerResolver.GetUsableAsync(session, accountId, arn, cancellationToken);
        }
        foreach (var store in settings.KeyValueStores)
        {
            if (await session.KeyValueStores.GetAsync(accountId, store, cancellationToken) is null)
            {
                throw RegistryProblemException.NotFound($"key-value store '{store}' not found; create it with POST /v1/kvs first");
            }
        }
    }

    private static void CheckShape(FunctionSettings settings)
    {
        if (!Runtimes.Contains(settings.Runtime))
        {
            throw RegistryProblemException.Invalid($"runtime '{settings.Runtime}' is not supported; use one of {string.Join(", ", Runtimes)}");
        }
        if (!FunctionEngines.IsKnown(settings.Engine))
        {
            throw RegistryProblemException.Invalid($"engine '{settings.Engine}' is not supported; use one of {string.Join(", ", FunctionEngines.All)}");
        }
        var dot = settings.Handler.LastIndexOf('.');
        if (dot <= 0 || dot == settings.Handler.Length - 1 || settings.Handler.Contains(".."))
        {
            throw RegistryProblemException.Invalid($"handler '{settings.Handler}' is not of the form file.export (e.g. index.handler)");
        }
        if (settings.MemorySize is < 128 or > 10240)
        {
            throw RegistryProblemException.Invalid($"memorySize {settings.MemorySize} MB is outside 128–10240");
        }
        if (settings.Timeout is <= 0 or > 30 || double.IsNaN(settings.Timeout))
        {
            throw RegistryProblemException.Invalid($"timeout {settings.Timeout} s is outside (0, 30]");
        }
        if (settings.Description.Length > 256)
        {
            throw RegistryProblemException.Invalid("description is longer than 256 characters");
        }
        CheckEnvironment(settings.Environment);
        foreach (var host in settings.AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || host.Contains('/') || host.Contains('*') || host.Contains('@'))
            {
                throw RegistryProblemException.Invalid($"allowedHosts entry '{host}' is not a host or host:port");
            }
        }
        if (settings.Layers.Count > MaxLayers)
        {
            throw RegistryProblemException.Invalid($"a function uses at most {MaxLayers} layers; this one names {settings.Layers.Count}");
        }
        if (settings.Layers.Count > 0 && settings.IsCloudFrontFunction)
        {
            throw RegistryProblemException.Invalid("layers are for Lambda@Edge runtimes (nodejs*), not CloudFront Functions");
        }
        if (settings.KeyValueStores.Count > 0 && settings.Runtime != "cloudfront-js-2.0")
        {
            throw RegistryProblemException.Invalid($"key-value stores are for runtime cloudfront-js-2.0 only (this one is {settings.Runtime})");
        }
        if (settings.KeyValueStores.Count > 1)
        {
            throw RegistryProblemException.Invalid("a CloudFront Function can be associated with at most one key-value store");
        }
    }

    private static void CheckEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        var total = 0;
        foreach (var (key, value) in environment)
        {
            if (!EnvironmentKey().IsMatch(key))
            {
                throw RegistryProblemException.Invalid($"environment variable '{key}' must start with a letter and hold only letters, digits and '_'");
            }
            if (key.StartsWith("AWS_", StringComparison.Ordinal))
            {
                throw RegistryProblemException.Invalid($"environment variable '{key}' is reserved (AWS_* names belong to the runtime)");
            }
            total += Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value ?? "");
        }
        if (total > MaxEnvironmentBytes)
        {
            throw RegistryProblemException.Invalid($"environment variables take {total} bytes, over the {MaxEnvironmentBytes}-byte (4 KB) limit");
        }
    }
}
