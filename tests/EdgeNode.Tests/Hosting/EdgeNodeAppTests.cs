using EdgeCompute.EdgeNode.Tests.Common;

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
}
