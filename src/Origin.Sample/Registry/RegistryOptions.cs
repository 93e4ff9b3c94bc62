using EdgeCompute.Origin.Sample.Registry.Accounts;

namespace EdgeCompute.Origin.Sample.Registry;

/// <summary>The <c>Registry</c> configuration section (docs/registry-contract.md, "Hosting and configuration").</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>Holds <c>registry.db</c> and <c>blobs/</c>; relative paths are resolved against the working directory.</summary>
    public string DataDirectory { get; set; } = "data/regional";

    /// <summary>Bearer key for <c>POST /v1/accounts</c>; without one, accounts come only from <see cref="Accounts"/>.</summary>
    public string? AdminKey { get; set; }

    /// <summary>Accounts created (or updated) when the registry opens its database.</summary>
    public List<SeedAccountOptions> Accounts { get; set; } = [];

    /// <summary>Bearer keys edge nodes use on <c>/v1/edge/*</c>.</summary>
    public List<string> NodeKeys { get; set; } = [];

    /// <summary>Compressed upload limit; larger uploads are refused with 413.</summary>
    public long MaxZipBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>Uncompressed limit, counted while unzipping so that a zip bomb stops here.</summary>
    public long MaxUnzippedBytes { get; set; } = 250L * 1024 * 1024;

    /// <summary>How long fetching a <c>zipUrl</c> may take.</summary>
    public TimeSpan ZipUrlTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Hosts (<c>host</c> or <c>host:port</c>, as the URL names them) that a <c>zipUrl</c> may name even
    /// though they resolve to a loopback, link-local or private address: an internal artifact server.
    /// </summary>
    public List<string> ZipUrlAllowedHosts { get; set; } = [];

    /// <summary>
    /// Lets a <c>zipUrl</c> reach private-network (RFC 1918, fc00::/7) and loopback addresses: for a
    /// development machine or a closed network. Link-local addresses (cloud metadata) stay refused.
    /// </summary>
    public bool ZipUrlAllowPrivateNetworks { get; set; }

    /// <summary>
    /// How often a polling node's status row is rewritten when its revision has not changed
    /// (a change is written at once); <c>lastSeen</c> in <c>GET /v1/nodes</c> lags by up to this.
    /// </summary>
    public TimeSpan NodeStatusWriteInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How old an unreferenced code or layer blob must be before it is deleted: longer than any upload
    /// takes from storing its zip to committing the reference to it.
    /// </summary>
    public TimeSpan BlobGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often unreferenced blobs are collected; zero turns collection off.</summary>
    public TimeSpan BlobCollectInterval { get; set; } = TimeSpan.FromMinutes(10);
}
