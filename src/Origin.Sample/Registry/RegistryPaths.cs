using Microsoft.Extensions.Options;

namespace EdgeCompute.Origin.Sample.Registry;

/// <summary>The registry's files under <see cref="RegistryOptions.DataDirectory"/>. Nothing is created until first use.</summary>
internal sealed class RegistryPaths(IOptions<RegistryOptions> options)
{
    public string DataDirectory { get; } = Path.GetFullPath(options.Value.DataDirectory);

    public string Database => Path.Combine(DataDirectory, "registry.db");

    public string Blobs => Path.Combine(DataDirectory, "blobs");
}
