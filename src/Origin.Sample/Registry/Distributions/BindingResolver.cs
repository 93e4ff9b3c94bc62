using EdgeCompute.Origin.Sample.Registry.Functions;
using EdgeCompute.Origin.Sample.Registry.Layers;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Distributions;

/// <summary>Turns a binding's function and qualifier into the code it runs (two targets for a weighted alias), refusing what cannot be bound.</summary>
internal static class BindingResolver
{
    public static async Task<IReadOnlyList<BindingTarget>> ResolveAsync(IRegistrySession session, string accountId, FunctionBinding binding,
        bool development, CancellationToken cancellationToken)
    {
        var name = binding.Name ?? throw RegistryProblemException.Invalid("a function association needs the function's name");
        var qualifier = binding.Qualifier;
        if (string.IsNullOrEmpty(qualifier))
        {
            throw RegistryProblemException.Invalid($"the association of '{name}' needs a qualifier: a version number, an alias or $LATEST");
        }
        var function = await session.Functions.GetAsync(accountId, name, cancellationToken)
            ?? throw RegistryProblemException.NotFound($"function '{name}' not found");
        if (qualifier == ResourceNames.Latest)
        {
            if (!development)
            {
                throw RegistryProblemException.BadRequest(ErrorCodes.LatestNotAllowed,
                    $"$LATEST of '{name}' can only be bound in a development distribution; publish a version and bind it (or an alias)");
            }
            return [await LatestAsync(session, function, cancellationToken)];
        }
        if (ResourceNames.Version(qualifier) is { } number)
        {
            return [await VersionAsync(session, accountId, name, number, cancellationToken)];
        }
        var alias = await session.Aliases.GetAsync(accountId, name, qualifier, cancellationToken)
            ?? throw RegistryProblemException.NotFound($"alias '{qualifier}' of function '{name}' not found");
        var targets = new List<BindingTarget> { await VersionAsync(session, accountId, name, alias.FunctionVersion, cancellationToken) };
        if (alias.AdditionalVersion is { } additional)
        {
            targets.Add(await VersionAsync(session, accountId, name, additional, cancellationToken));
        }
        return targets;
    }

    public static async Task<BindingTarget> LatestAsync(IRegistrySession session, FunctionRecord function, CancellationToken cancellationToken)
    {
        if (function.CodeSha256 is null)
        {
            throw RegistryProblemException.BadRequest(ErrorCodes.NoCode, $"function '{function.Name}' has no code yet; upload it with PUT /v1/functions/{function.Name}/code");
        }
        var size = function.CodeSize!.Value + await LayerResolver.TotalSizeAsync(session, function.Settings.Layers, cancellationToken);
        return new BindingTarget(function.Name, ResourceNames.Latest, function.Settings, size);
    }

    private static async Task<BindingTarget> VersionAsync(IRegistrySession session, string accountId, string name, int number,
        CancellationToken cancellationToken)
    {
        var version = await session.Versions.GetAsync(accountId, name, number, cancellationToken)
            ?? throw RegistryProblemException.NotFound(ErrorCodes.VersionNotFound, $"version {number} of function '{name}' not found");
        var size = version.CodeSize + await LayerResolver.TotalSizeAsync(session, version.Settings.Layers, cancellationToken);
        return new BindingTarget(name, number.ToString(System.Globalization.CultureInfo.InvariantCulture), version.Settings, size);
    }
}
