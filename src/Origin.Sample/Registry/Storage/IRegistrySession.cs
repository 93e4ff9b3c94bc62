namespace EdgeCompute.Origin.Sample.Registry.Storage;

/// <summary>One transaction over the registry's records. Every method of a tenant's resource takes its account id.</summary>
internal interface IRegistrySession : IAsyncDisposable
{
    IAccountRepository Accounts { get; }
    IFunctionRepository Functions { get; }
    IVersionRepository Versions { get; }
    IAliasRepository Aliases { get; }
    ILayerRepository Layers { get; }
    IKeyValueStoreRepository KeyValueStores { get; }
    IDistributionRepository Distributions { get; }
    INodeRepository Nodes { get; }

    /// <summary>The global revision: one counter for every change that can reach a node.</summary>
    Task<long> GetRevisionAsync(CancellationToken cancellationToken);

    /// <summary>Increments the revision; waiting nodes are woken when the session commits.</summary>
    Task<long> BumpRevisionAsync(CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
