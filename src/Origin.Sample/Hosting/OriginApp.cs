namespace EdgeCompute.Origin.Sample.Hosting;

/// <summary>The origin's host builder with its host settings, used by Program and by the tests' servers alike.</summary>
public static class OriginApp
{
    /// <summary>
    /// <see cref="WebApplication.CreateBuilder(string[])"/> without reloading appsettings.json: its watcher covers
    /// the whole content root, where the registry's data directory sits by default, so every page SQLite wrote
    /// woke it (storing a shipped log line cost 62 µs of CPU instead of 38). Settings change with a restart; a
    /// later <c>--hostBuilder:reloadConfigOnChange=true</c> in <paramref name="args"/> still wins.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false", .. args]);
}
