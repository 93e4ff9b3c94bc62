using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Configuration;

/// <summary>A bad configuration fails start-up with every error listed: file, JSON path, message.</summary>
public sealed class EdgeConfigLoaderTests
{
    private const string ValidBehaviors = """
        "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 9, "protocol": "http" }],
        "cacheBehaviors": [{ "pathPattern": "*", "originId": "o", "functions": { "viewer-request": { "name": "fn" } } }]
        """;

    [Fact]
    public async Task Build_ThreeErrorsInOneFile_ReturnsNullAndListsEach()
    {
        await using var env = new EdgeTestEnvironment().File("edge.json", """
            {
              "distributions": [{
                "id": "EDFDVBD6EXAMPLE",
                "domainName": "",
                "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 70000, "protocol": "http" }],
                "cacheBehaviors": [{ "pathPattern": "*", "originId": "nowhere" }]
              }]
            }
            """);

        var errors = BuildExpectingErrors(env);

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Equal(env.ConfigPath, e.File));
        Assert.Collection(errors.OrderBy(e => e.Path, StringComparer.Ordinal),
            e => Assert.Equal(("$.distributions[0].cacheBehaviors[0].originId", true), (e.Path, e.Message.Contains("'nowhere'"))),
            e => Assert.Equal(("$.distributions[0].domainName", true), (e.Path, e.Message.Contains("required"))),
            e => Assert.Equal(("$.distributions[0].origins[0].port", true), (e.Path, e.Message.Contains("70000"))));
    }

    [Fact]
    public async Task Build_RoutingInvalid_EachErrorWithItsPath()
    {
        await using var env = new EdgeTestEnvironment()
            .Function("fn", "exports.handler = async (e) => e.Records[0].cf.request;")
            .File("edge.json", """
                {
                  "distributions": [{ "id": "E1", "domainName": "d.example", "default": true,
                    "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 9, "protocol": "http" }],
                    "cacheBehaviors": [
                      { "pathPattern": "/a/*", "originId": "o", "functions": { "viewer-request": { "name": "fn", "routing": { "name": "missing", "weight": 1 } } } },
                      { "pathPattern": "/b/*", "originId": "o", "functions": { "viewer-request": { "name": "fn", "routing": { "name": "fn", "weight": 0.5 } } } },
                      { "pathPattern": "*", "originId": "o", "functions": { "viewer-request": { "name": "fn", "routing": { "weight": -0.1 } } } }
                    ] }]
                }
                """);

        var errors = BuildExpectingErrors(env);

        var paths = errors.Select(e => e.Path).ToList();
        Assert.Contains("$.distributions[0].cacheBehaviors[0].functions.viewer-request.routing.weight", paths);
        Assert.Contains("$.distributions[0].cacheBehaviors[0].functions.viewer-request.routing.name", paths);
        Assert.Contains("$.distributions[0].cacheBehaviors[1].functions.viewer-request.routing.name", paths);
        Assert.Contains("$.distributions[0].cacheBehaviors[2].functions.viewer-request.routing.weight", paths);
        Assert.Contains("$.distributions[0].cacheBehaviors[2].functions.viewer-request.routing.name", paths);
        Assert.Contains(errors, e => e.Message.Contains("function 'missing'", StringComparison.Ordinal) || e.File.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_FunctionWithSyntaxError_ReportsFileAndLine()
    {
        await using var env = new EdgeTestEnvironment()
            .File("edge.json", "{ \"distributions\": [{ \"id\": \"E1\", \"domainName\": \"d.example\", " + ValidBehaviors + " }] }")
            .Function("fn", "'use strict';\n\nexports.handler = async (event) => {\n  return event.Records[0].cf.request;;\n}};\n");

        var errors = BuildExpectingErrors(env);

        var syntax = Assert.Single(errors, e => e.Message.Contains("SyntaxError"));
        Assert.Equal(Path.Combine(env.Root, "functions", "fn", "index.js"), syntax.File);
        Assert.Contains("index.js:5", syntax.Message);
        Assert.Contains(errors, e => e.Path == "$.distributions[0].cacheBehaviors[0].functions.viewer-request.name");
    }

    [Fact]
    public async Task Build_UnknownSetting_NamesItsPath()
    {
        await using var env = new EdgeTestEnvironment().File("edge.json", """
            { "distributions": [{ "id": "E1", "domainName": "d.example",
              "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 9, "protocol": "http" }],
              "cacheBehaviors": [{ "pathPatern": "*", "originId": "o" }] }] }
            """);

        var error = Assert.Single(BuildExpectingErrors(env));

        Assert.Equal("$.distributions[0].cacheBehaviors[0].pathPatern", error.Path);
    }

    [Fact]
    public async Task Build_MalformedJson_ReportsLine()
    {
        await using var env = new EdgeTestEnvironment().File("edge.json", "{\n  \"distributions\": [\n    { \"id\": \"E1\" \n    \"domainName\": \"x\" }\n  ]\n}");

        var error = Assert.Single(BuildExpectingErrors(env));

        Assert.Equal(env.ConfigPath, error.File);
        Assert.Contains("line 4", error.Message);
    }

    [Fact]
    public async Task Build_BadFunctionSettingsAndMissingFolder_ListsBoth()
    {
        await using var env = new EdgeTestEnvironment()
            .File("edge.json", """
                { "distributions": [{ "id": "E1", "domainName": "d.example",
                  "origins": [{ "id": "o", "domainName": "127.0.0.1", "port": 9, "protocol": "http" }],
                  "cacheBehaviors": [
                    { "pathPattern": "/a", "originId": "o", "functions": { "origin-request": { "name": "slow" } } },
                    { "pathPattern": "*", "originId": "o", "functions": { "viewer-request": { "name": "ghost" } } }
                  ] }] }
                """)
            .Function("slow", "exports.handler = async (e) => e.Records[0].cf.request;", """{ "timeout": 60, "memorySize": 64 }""");

        var errors = BuildExpectingErrors(env);

        var settings = Path.Combine(env.Root, "functions", "slow", "function.json");
        Assert.Contains(errors, e => e.File == settings && e.Path == "$.timeout");
        Assert.Contains(errors, e => e.File == settings && e.Path == "$.memorySize");
        Assert.Contains(errors, e => e.File.EndsWith(Path.Combine("functions", "ghost")) && e.Message.Contains("'ghost' has no folder"));
    }

    [Fact]
    public async Task Build_UnknownEngine_ListsTheAllowedValues()
    {
        await using var env = new EdgeTestEnvironment()
            .File("edge.json", "{ \"distributions\": [{ \"id\": \"E1\", \"domainName\": \"d.example\", " + ValidBehaviors + " }] }")
            .Function("fn", "exports.handler = async (e) => e.Records[0].cf.request;", """{ "engine": "spidermonkey" }""");

        var error = Assert.Single(BuildExpectingErrors(env), e => e.Path == "$.engine");

        Assert.Equal(Path.Combine(env.Root, "functions", "fn", "function.json"), error.File);
        Assert.Contains("'spidermonkey' is not supported; use one of v8, jint", error.Message);
    }

    [Theory]
    [InlineData("""{ "engine": "jint" }""", null, "jint")]
    [InlineData(null, """{ "engine": "jint" }""", "jint")]
    [InlineData("""{ "engine": "jint" }""", """{ "engine": "v8" }""", "v8")]
    [InlineData(null, null, "v8")]
    public async Task Build_EngineSetting_FromFunctionJsonOverriddenByConfig(string? functionJson, string? configSettings, string expected)
    {
        var functions = configSettings is null ? "" : ", \"functions\": { \"fn\": " + configSettings + " }";
        await using var env = new EdgeTestEnvironment()
            .File("edge.json", "{ \"distributions\": [{ \"id\": \"E1\", \"domainName\": \"d.example\", " + ValidBehaviors + " }]" + functions + " }")
            .Function("fn", "exports.handler = async (e) => e.Records[0].cf.request;", functionJson);
        env.WriteFiles();

        var app = env.TryBuild(out var errors);

        Assert.Empty(errors);
        var snapshot = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<EdgeSnapshotProvider>(app!.Services).Current;
        Assert.Equal(expected, snapshot.Functions["fn"].Engine);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Build_ValidConfig_ReturnsApp()
    {
        await using var env = new EdgeTestEnvironment()
            .File("edge.json", "{ \"distributions\": [{ \"id\": \"E1\", \"domainName\": \"d.example\", " + ValidBehaviors + " }] }")
            .Function("fn", "exports.handler = async (e) => e.Records[0].cf.request;");
        env.WriteFiles();

        var app = env.TryBuild(out var errors);

        Assert.Empty(errors);
        Assert.NotNull(app);
        await app.DisposeAsync();
    }

    private static IReadOnlyList<ConfigError> BuildExpectingErrors(EdgeTestEnvironment env)
    {
        env.WriteFiles();
        var app = env.TryBuild(out var errors);
        Assert.Null(app);
        Assert.NotEmpty(errors);
        return errors;
    }
}
