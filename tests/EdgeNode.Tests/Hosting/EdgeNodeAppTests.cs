using EdgeCompute.EdgeNode.Hosting;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.EdgeNode.Tests.Hosting;

public sealed class EdgeNodeAppTests
{
    [Fact]
    public async Task Build_AdminUrlsWithoutToken_RefusedWithTheSetting()
    {
        await using var env = new EdgeTestEnvironment().Bind("*");
        env.File("edge.json", """
            {
              "Admin": { "Urls": "http://127.0.0.1:0" },
              "distributions": [{ "id": "E1", "domainName": "d.example", "default": true,
                "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 9 }],
                "cacheBehaviors": [{ "pathPattern": "*", "originId": "o" }] }]
            }
            """);
        env.WriteFiles();

        var app = env.TryBuild(out var errors);

        Assert.Null(app);
        Assert.Contains(errors, e => e.Path == "$.Admin.Token");
    }

    [Fact]
    public async Task Build_CacheLimitsInconsistent_RefusedWithEachSetting()
    {
        await using var env = new EdgeTestEnvironment().Bind("*");
        env.File("edge.json", """
            {
              "Cache": { "SizeLimitBytes": 0, "MaxObjectBytes": 10 },
              "distributions": [{ "id": "E1", "domainName": "d.example", "default": true,
                "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 9 }],
                "cacheBehaviors": [{ "pathPattern": "*", "originId": "o" }] }]
            }
            """);
        env.WriteFiles();

        var app = env.TryBuild(out var errors);

        Assert.Null(app);
        Assert.Contains(errors, e => e.Path == "$.Cache.SizeLimitBytes");
        Assert.Contains(errors, e => e.Path == "$.Cache.MaxObjectBytes");
    }

    [Fact]
    public async Task Build_CachePolicyInvalid_EveryErrorListed()
    {
        await using var env = new EdgeTestEnvironment().Bind("*");
        env.File("edge.json", """
            {
              "distributions": [{ "id": "E1", "domainName": "d.example", "default": true,
                "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 9 }],
                "cacheBehaviors": [{ "pathPattern": "*", "originId": "o",
                  "cachePolicy": { "minTtl": 100, "maxTtl": 10, "queryStrings": { "behavior": "some" }, "headers": { "behavior": "whitelist" } } }] }]
            }
            """);
        env.WriteFiles();

        var app = env.TryBuild(out var errors);

        Assert.Null(app);
        Assert.Contains(errors, e => e.Path == "$.distributions[0].cacheBehaviors[0].cachePolicy");
        Assert.Contains(errors, e => e.Path == "$.distributions[0].cacheBehaviors[0].cachePolicy.queryStrings.behavior");
        Assert.Contains(errors, e => e.Path == "$.distributions[0].cacheBehaviors[0].cachePolicy.headers.items");
    }

    [Fact]
    public async Task Build_RegionalSettingsInvalid_EachSettingListed()
    {
        await using var env = new EdgeTestEnvironment();
        env.File("edge.json", """
            { "Regional": { "Url": "ftp://registry.example", "PollWaitSeconds": 90 } }
            """);
        env.WriteFiles();

        var app = env.TryBuild(out var errors);

        Assert.Null(app);
        Assert.Equal(["$.Regional.NodeKey", "$.Regional.PollWaitSeconds", "$.Regional.Url"], errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public async Task Build_RegionalWithoutDistributions_StartsAndAnswersNoDistribution()
    {
        await using var env = await new EdgeTestEnvironment()
            .WithRegional("http://127.0.0.1:9", Path.Combine(Path.GetTempPath(), "edge-no-registry-" + Guid.NewGuid().ToString("N")), "key")
            .StartAsync();

        var response = await env.Client.GetAsync("/");

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("No distribution on this node serves this host name", await response.Content.ReadAsStringAsync());
        await env.Logs.WaitForAsync("Regional sync failed: the registry at http://127.0.0.1:9/ cannot be reached");
    }

    [Fact]
    public async Task Build_Default_NoSettingsFileWatchesTheContentRoot()
    {
        await using var env = await new EdgeTestEnvironment().Bind("*").StartAsync();

        // A reloading appsettings.json would watch the whole content root, data directories included.
        var files = ((IConfigurationRoot)env.Services.GetRequiredService<IConfiguration>()).Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, f.Source.Path));
    }

    [Fact]
    public async Task Build_ReloadAskedFor_SettingsFilesReload()
    {
        await using var env = await new EdgeTestEnvironment().Bind("*").StartAsync();

        await using var app = EdgeNodeApp.Build([.. env.Args, "--hostBuilder:reloadConfigOnChange=true"], out _);

        var files = ((IConfigurationRoot)app!.Configuration).Providers.OfType<FileConfigurationProvider>();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json" && f.Source.ReloadOnChange);
    }
}
