using EdgeCompute.Origin.Sample.Registry.Layers;

namespace EdgeCompute.Origin.Sample.Registry.Storage;

internal interface ILayerRepository
{
    /// <summary>Reserves the layer's next version number; numbers are never reused, even after deletes.</summary>
    Task<int> NextVersionAsync(string accountId, string name, CancellationToken cancellationToken);

    Task InsertVersionAsync(LayerVersionRecord layer, CancellationToken cancellationToken);

    /// <summary>A layer version by owner, whoever asks: callers check <see cref="LayerVersionRecord.UsableBy"/>.</summary>
    Task<LayerVersionRecord?> GetVersionAsync(string accountId, string name, int version, CancellationToken cancellationToken);

    Task<IReadOnlyList<LayerVersionRecord>> ListVersionsAsync(string accountId, string name, CancellationToken cancellationToken);

    /// <summary>Every layer version the account owns, or that is public or shared with it.</summary>
    Task<IReadOnlyList<LayerVersionRecord>> ListUsableAsync(string accountId, CancellationToken cancellationToken);

    Task UpdatePermissionAsync(string accountId, string name, int version, string visibility, IReadOnlyList<string> accounts,
        CancellationToken cancellationToken);

    Task DeleteVersionAsync(string accountId, string name, int version, CancellationToken cancellationToken);

    /// <summary>The blobs (SHA-256) of every account's layer versions, for the blob collector.</summary>
    Task<IReadOnlyList<string>> ListCodeHashesAsync(CancellationToken cancellationToken);
}
