using System.Globalization;
using EdgeCompute.Origin.Sample.Registry.Distributions;
using EdgeCompute.Origin.Sample.Registry.Functions;
using EdgeCompute.Origin.Sample.Registry.Layers;
using EdgeCompute.Origin.Sample.Registry.Storage;

namespace EdgeCompute.Origin.Sample.Registry.Sync;

/// <summary>
/// Resolves every account's bindings into the node's view: function folders named
/// <c>{account}.{function}.{version}</c> so tenants never collide, settings with store ids instead of
/// names, and layer and code zips by hash. A binding whose target has gone (which the registry's
/// refusals prevent) is left out rather than failing every tenant's snapshot.
/// </summary>
internal sealed class SnapshotBuilder(IRegistrySession session, CancellationToken cancellationToken)
{
    private readonly Dictionary<string, SnapshotFunction> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SnapshotKeyValueStore> _stores = new(StringComparer.Ordinal);

    public async Task<SnapshotDocument> BuildAsync(long revision)
    {
        var distributions = new List<DistributionShape<SnapshotAssociation>>();
        foreach (var distribution in await session.Distributions.ListAllAsync(cancellationToken))
        {
            distributions.Add(await ResolveAsync(distribution));
        }
        return new SnapshotDocument(revision, distributions, _functions, _stores.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToList());
    }

    private async Task<DistributionShape<SnapshotAssociation>> ResolveAsync(DistributionRecord distribution)
    {
        var document = distribution.Document;
        var behaviors = new List<CacheBehaviorShape<SnapshotAssociation>>();
        foreach (var behavior in document.CacheBehaviors)
        {
            var associations = new Dictionary<string, SnapshotAssociation>(StringComparer.Ordinal);
            foreach (var (eventName, binding) in behavior.Functions)
            {
                if (await ResolveAsync(distribution.AccountId, binding) is { } association)
                {
                    associations[eventName] = association;
                }
            }
            behaviors.Add(new CacheBehaviorShape<SnapshotAssociation>
            {
                PathPattern = behavior.PathPattern,
                OriginId = behavior.OriginId,
                AllowedMethods = behavior.AllowedMethods,
                ForwardHost = behavior.ForwardHost,
                CachePolicy = behavior.CachePolicy,
                Functions = associations,
            });
        }
        return new DistributionShape<SnapshotAssociation>
        {
            Id = document.Id,
            DomainName = document.DomainName,
            Aliases = document.Aliases,
            Origins = document.Origins,
            CacheBehaviors = behaviors,
            RunViewerResponseOnErrors = document.RunViewerResponseOnErrors,
        };
    }

    private async Task<SnapshotAssociation?> ResolveAsync(string accountId, FunctionBinding binding)
    {
        var name = binding.Name ?? "";
        if (binding.Qualifier == ResourceNames.Latest)
        {
            var function = await session.Functions.GetAsync(accountId, name, cancellationToken);
            if (function?.CodeSha256 is null)
            {
                return null;
            }
            var folder = Folder(accountId, name, ResourceNames.Latest);
            await AddFunctionAsync(folder, new SnapshotIdentity(accountId, name, ResourceNames.Latest), function.Settings, function.CodeSha256);
            return new SnapshotAssociation(folder, binding.IncludeBody, null);
        }
        if (ResourceNames.Version(binding.Qualifier) is { } number)
        {
            return await AddVersionAsync(accountId, name, number) is { } folder ? new SnapshotAssociation(folder, binding.IncludeBody, null) : null;
        }
        var alias = await session.Aliases.GetAsync(accountId, name, binding.Qualifier ?? "", cancellationToken);
        if (alias is null || await AddVersionAsync(accountId, name, alias.FunctionVersion) is not { } primary)
        {
            return null;
        }
        SnapshotRouting? routing = null;
        if (alias.AdditionalVersion is { } extra && await AddVersionAsync(accountId, name, extra) is { } secondary)
        {
            routing = new SnapshotRouting(secondary, alias.AdditionalWeight ?? 0);
        }
        return new SnapshotAssociation(primary, binding.IncludeBody, routing);
    }

    private async Task<string?> AddVersionAsync(string accountId, string name, int number)
    {
        var version = await session.Versions.GetAsync(accountId, name, number, cancellationToken);
        if (version is null)
        {
            return null;
        }
        var identity = new SnapshotIdentity(accountId, name, number.ToString(CultureInfo.InvariantCulture));
        var folder = Folder(accountId, name, identity.Version);
        await AddFunctionAsync(folder, identity, version.Settings, version.CodeSha256);
        return folder;
    }

    private async Task AddFunctionAsync(string folder, SnapshotIdentity identity, FunctionSettings settings, string code)
    {
        var accountId = identity.Account;
        if (_functions.ContainsKey(folder))
        {
            return;
        }
        var storeIds = new List<string>();
        foreach (var storeName in settings.KeyValueStores)
        {
            if (await session.KeyValueStores.GetAsync(accountId, storeName, cancellationToken) is { } store)
            {
                storeIds.Add(store.Id);
                await AddStoreAsync(store.Id, store.Version);
            }
        }
        var layers = new List<string>();
        foreach (var arn in settings.Layers)
        {
            if (LayerArn.TryParse(arn, out var owner, out var layerName, out var layerVersion) &&
                await session.Layers.GetVersionAsync(owner, layerName, layerVersion, cancellationToken) is { } layer)
            {
                layers.Add(layer.CodeSha256);
            }
        }
        var nodeSettings = new SnapshotFunctionSettings(settings.Runtime, settings.Handler, settings.MemorySize, settings.Timeout,
            settings.Engine, settings.AllowedHosts, settings.Environment.Count > 0 ? settings.Environment : null, storeIds, identity);
        _functions[folder] = new SnapshotFunction(nodeSettings, code, layers);
    }

    private async Task AddStoreAsync(string id, long version)
    {
        if (_stores.ContainsKey(id))
        {
            return;
        }
        var items = await session.KeyValueStores.GetItemsAsync(id, cancellationToken);
        _stores[id] = new SnapshotKeyValueStore(id, version, new SortedDictionary<string, string>(
            items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal), StringComparer.Ordinal));
    }

    /// <summary><c>{account}.{function}.{version}</c>: unique across tenants, and a valid folder name on the node.</summary>
    public static string Folder(string accountId, string function, string qualifier) => $"{accountId}.{function}.{qualifier}";
}
