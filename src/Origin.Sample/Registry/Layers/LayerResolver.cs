using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Layers;

/// <summary>Finds a layer version by ARN for an account; one it may not use is answered as missing, never as forbidden.</summary>
internal static class LayerResolver
{
    public static async Task<LayerVersionRecord> GetUsableAsync(IRegistrySession session, string accountId, string arn,
        CancellationToken cancellationToken)
    {
        if (!LayerArn.TryParse(arn, out var owner, out var name, out var version))
        {
            throw RegistryProblemException.Invalid($"'{arn}' is not a layer version ARN (arn:edge:layer:ACCOUNT:NAME:VERSION)");
        }
        var layer = await session.Layers.GetVersionAsync(owner, name, version, cancellationToken);
        if (layer is null || !layer.UsableBy(accountId))
        {
            throw RegistryProblemException.NotFound(ErrorCodes.LayerNotFound, $"layer version {arn} not found");
        }
        return layer;
    }

    /// <summary>The layers' zip sizes, which count toward the function's package size as on Lambda.</summary>
    public static async Task<long> TotalSizeAsync(IRegistrySession session, IEnumerable<string> arns, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var arn in arns)
        {
            if (LayerArn.TryParse(arn, out var owner, out var name, out var version) &&
                await session.Layers.GetVersionAsync(owner, name, version, cancellationToken) is { } layer)
            {
                total += layer.CodeSize;
            }
        }
        return total;
    }
}
