using EdgeCompute.Origin.Sample.Hosting;
using Microsoft.Extensions.Configuration;

namespace EdgeCompute.Origin.Sample.Tests.Hosting;

public sealed class OriginAppTests
{
    [Fact]
    public void CreateBuilder_Default_SettingsFilesDoNotReload()
    {
        using var configuration = OriginApp.CreateBuilder([]).Configuration;

        // A reloading appsettings.json watches the whole content root, the registry's data directory included.
        var files = ((IConfigurationRoot)configuration).Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
    }

    [Fact]
    public void CreateBuilder_ReloadAskedFor_SettingsFilesReload()
    {
        using var configuration = OriginApp.CreateBuilder(["--hostBuilder:reloadConfigOnChange=true"]).Configuration;

        var files = ((IConfigurationRoot)configuration).Providers.OfType<FileConfigurationProvider>();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json" && f.Source.ReloadOnChange);
    }
}
