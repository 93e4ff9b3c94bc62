using EdgeCompute.Origin.Sample.Registry.Functions;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface IFunctionRepository
{
    Task<FunctionRecord?> GetAsync(string accountId, string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<FunctionRecord>> ListAsync(string accountId, CancellationToken cancellationToken);

    Task InsertAsync(FunctionRecord function, CancellationToken cancellationToken);

    Task UpdateAsync(FunctionRecord function, CancellationToken cancellationToken);

    /// <summary>Deletes the function with its versions and aliases.</summary>
    Task DeleteAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>Every <c>$LATEST</c> and version, of any account, whose settings name the layer version.</summary>
    Task<IReadOnlyList<QualifiedFunction>> ListUsingLayerAsync(string layerArn, CancellationToken cancellationToken);

    /// <summary>The account's <c>$LATEST</c>s and versions whose settings name the key-value store.</summary>
    Task<IReadOnlyList<QualifiedFunction>> ListUsingStoreAsync(string accountId, string storeName, CancellationToken cancellationToken);

    /// <summary>The code blobs (SHA-256) that any account's <c>$LATEST</c> or version uses, for the blob collector.</summary>
    Task<IReadOnlyList<string>> ListCodeHashesAsync(CancellationToken cancellationToken);
}

/// <summary>A function's <c>$LATEST</c> or one of its versions.</summary>
internal sealed record QualifiedFunction(string AccountId, string FunctionName, string Qualifier)
{
    public override string ToString() => $"{FunctionName}:{Qualifier}";
}
