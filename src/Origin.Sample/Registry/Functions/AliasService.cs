using System.Globalization;
using EdgeCompute.Origin.Sample.Registry.Accounts;
using EdgeCompute.Origin.Sample.Registry.Distributions;
using EdgeCompute.Origin.Sample.Registry.Problems;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Functions;

/// <summary>Aliases: names for versions, optionally weighted between two. Moving a bound alias deploys at once.</summary>
internal sealed class AliasService(IRegistryStore store)
{
    public async Task<AliasDocument> PutAsync(AccountRecord caller, string name, string aliasName, AliasDocument request, CancellationToken cancellationToken)
    {
        ResourceNames.CheckAlias(aliasName);
        if (request.Name is not null && request.Name != aliasName)
        {
            throw RegistryProblemException.Invalid("the body's name differs from the alias in the URL");
        }
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        await FunctionService.GetOwnAsync(session, caller, name, cancellationToken);
        var primary = await ExistingVersionAsync(session, caller, name, request.FunctionVersion, cancellationToken);
        var weights = request.RoutingConfig?.AdditionalVersionWeights ?? [];
        if (weights.Count > 1)
        {
            throw RegistryProblemException.Invalid("an alias routes to at most one additional version");
        }
        int? additional = null;
        double? weight = null;
        if (weights.Count == 1)
        {
            var (extra, share) = weights.First();
            additional = await ExistingVersionAsync(session, caller, name, extra, cancellationToken);
            if (additional == primary)
            {
                throw RegistryProblemException.Invalid($"the additional version must differ from functionVersion {primary}");
            }
            if (share is < 0 or >= 1 || double.IsNaN(share))
            {
                throw RegistryProblemException.Invalid($"weight {share} is outside [0, 1)");
            }
            weight = share;
        }
        var alias = new AliasRecord(caller.Id, name, aliasName, primary, additional, weight, request.Description ?? "");
        await CheckBindingsAsync(session, alias, cancellationToken);
        await session.Aliases.UpsertAsync(alias, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
        return AliasDocument.From(alias);
    }

    public async Task<AliasListResponse> ListAsync(AccountRecord caller, string name, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        await FunctionService.GetOwnAsync(session, caller, name, cancellationToken);
        var aliases = await session.Aliases.ListAsync(caller.Id, name, cancellationToken);
        return new AliasListResponse(aliases.Select(AliasDocument.From).ToList());
    }

    public async Task<AliasDocument> GetAsync(AccountRecord caller, string name, string aliasName, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: false, cancellationToken);
        return AliasDocument.From(await GetOwnAsync(session, caller, name, aliasName, cancellationToken));
    }

    public async Task DeleteAsync(AccountRecord caller, string name, string aliasName, CancellationToken cancellationToken)
    {
        await using var session = await store.BeginAsync(write: true, cancellationToken);
        await GetOwnAsync(session, caller, name, aliasName, cancellationToken);
        var bindings = await BindingUsage.FindAsync(session, caller.Id, name, q => q == aliasName, cancellationToken);
        if (bindings.Count > 0)
        {
            throw RegistryProblemException.InUse($"alias '{aliasName}' of function '{name}'", bindings.Select(b => b.ToString()).ToList());
        }
        await session.Aliases.DeleteAsync(caller.Id, name, aliasName, cancellationToken);
        await session.BumpRevisionAsync(cancellationToken);
        await session.CommitAsync(cancellationToken);
    }

    private static async Task<AliasRecord> GetOwnAsync(IRegistrySession session, AccountRecord caller, string name, string aliasName,
        CancellationToken cancellationToken)
    {
        await FunctionService.GetOwnAsync(session, caller, name, cancellationToken);
        return await session.Aliases.GetAsync(caller.Id, name, aliasName, cancellationToken)
            ?? throw RegistryProblemException.NotFound($"alias '{aliasName}' of function '{name}' not found");
    }

    private static async Task<int> ExistingVersionAsync(IRegistrySession session, AccountRecord caller, string name, string? version,
        CancellationToken cancellationToken)
    {
        if (ResourceNames.Version(version) is not { } number)
        {
            throw RegistryProblemException.Invalid($"'{version}' is not a published version number (aliases point at versions, not $LATEST)");
        }
        return await session.Versions.GetAsync(caller.Id, name, number, cancellationToken) is not null
            ? number
            : throw RegistryProblemException.NotFound(ErrorCodes.VersionNotFound, $"version {number} of function '{name}' not found");
    }

    /// <summary>Where the alias is bound, its new versions must pass the bindings' event rules.</summary>
    private static async Task CheckBindingsAsync(IRegistrySession session, AliasRecord alias, CancellationToken cancellationToken)
    {
        var bindings = await BindingUsage.FindAsync(session, alias.AccountId, alias.FunctionName, q => q == alias.Name, cancellationToken);
        foreach (var bound in bindings)
        {
            // Resolve with the new versions: the stored alias still points at the old ones.
            foreach (var version in new[] { alias.FunctionVersion }.Concat(alias.AdditionalVersion is { } v ? [v] : []))
            {
                var binding = bound.Binding with { Qualifier = version.ToString(CultureInfo.InvariantCulture) };
                foreach (var target in await BindingResolver.ResolveAsync(session, alias.AccountId, binding, development: false, cancellationToken))
                {
                    BindingRules.Check(bound.Event, bound.Binding.IncludeBody, target);
                }
            }
        }
    }
}
