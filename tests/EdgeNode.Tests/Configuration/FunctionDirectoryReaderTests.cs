using System.Net;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Configuration;

public sealed class FunctionDirectoryReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("edge-reader-").FullName;

    private static void WriteZip(string path, params (string Name, string Content)[] entries) => TestZip.WriteFile(path, entries);

    private FunctionModel? Read(string name, List<ConfigError> errors) =>
        FunctionDirectoryReader.Read(_root, name, null, EdgeLimits.OriginCodeSizeLimit, errors);

    [Fact]
    public void Read_EnvironmentBreaksLambdasRules_EachErrorListed()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "env")).FullName;
        File.WriteAllText(Path.Combine(folder, "index.js"), "exports.handler = () => 1;");
        File.WriteAllText(Path.Combine(folder, "function.json"), $$"""
            { "environment": { "OK_1": "fine", "1BAD": "x", "with-dash": "x", "AWS_SECRET": "x", "BIG": "{{new string('x', 4096)}}" } }
            """);
        var errors = new List<ConfigError>();

        Assert.Null(Read("env", errors));

        Assert.Equal(["$.environment", "$.environment.1BAD", "$.environment.AWS_SECRET", "$.environment.with-dash"],
            errors.Select(e => e.Path).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(errors, e => e.Message.Contains("4096-byte limit", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EnvironmentChanged_NewVersionKey()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "key")).FullName;
        File.WriteAllText(Path.Combine(folder, "index.js"), "exports.handler = () => 1;");
        File.WriteAllText(Path.Combine(folder, "function.json"), """{ "environment": { "STAGE": "one" } }""");
        var first = Read("key", []);
        File.WriteAllText(Path.Combine(folder, "function.json"), """{ "environment": { "STAGE": "two" } }""");

        var second = Read("key", []);

        Assert.Equal("one", first!.Environment["STAGE"]);
        Assert.NotEqual(first.VersionKey, second!.VersionKey);
    }

    [Fact]
    public void Read_NodeModulesZip_EntriesUnderNodeModules()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "f")).FullName, "index.js"), "exports.handler = () => 1;");
        WriteZip(Path.Combine(_root, "f", "node_modules.zip"), ("leftpad/index.js", "module.exports = 1;"), ("node_modules/other/package.json", "{}"),
            ("leftpad/README.md", "not code"));
        var errors = new List<ConfigError>();

        var function = Read("f", errors);

        Assert.Empty(errors);
        Assert.Equal(["index.js", "node_modules/leftpad/index.js", "node_modules/other/package.json"], function!.Files.Keys.Order().ToArray());
    }

    [Fact]
    public void Read_ZipEntryOutsideFolder_ConfigError()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "g")).FullName, "index.js"), "exports.handler = () => 1;");
        WriteZip(Path.Combine(_root, "g", "node_modules.zip"), ("../escape.js", "x"));
        var errors = new List<ConfigError>();

        Assert.Null(Read("g", errors));
        Assert.Contains(errors, e => e.Message.Contains("outside the function's folder", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ZipOverCodeLimit_ConfigErrorNotUnpacked()
    {
        File.WriteAllText(Path.Combine(Directory.CreateDirectory(Path.Combine(_root, "h")).FullName, "index.js"), "exports.handler = () => 1;");
        WriteZip(Path.Combine(_root, "h", "node_modules.zip"), ("big/index.js", new string(' ', EdgeLimits.OriginCodeSizeLimit + 1)));
        var errors = new List<ConfigError>();

        Assert.Null(Read("h", errors));
        Assert.Contains(errors, e => e.Message.Contains("over the", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_CloudFrontFunctionOver10KB_ConfigError()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "cff")).FullName;
        File.WriteAllText(Path.Combine(folder, "index.js"), "function handler(event) { return event.request; }\n//" + new string('x', 10 * 1024));
        File.WriteAllText(Path.Combine(folder, "function.json"), """{"runtime": "cloudfront-js-2.0"}""");
        var errors = new List<ConfigError>();

        Assert.Null(Read("cff", errors));
        Assert.Contains(errors, e => e.Message.Contains("10240-byte limit", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Node_RequireFromZippedNodeModules(string engine)
    {
        var env = new EdgeTestEnvironment(engine)
            .Function("zipped", """
                const pad = require('leftpad');
                exports.handler = async () => ({ status: '200', body: pad('7', 3) });
                """)
            .Bind("*", viewerRequest: "zipped");
        await using var _ = env;
        WriteZip(Path.Combine(env.Root, "functions", "zipped", "node_modules.zip"),
            ("leftpad/package.json", """{"main": "lib/pad.js"}"""),
            ("leftpad/lib/pad.js", "module.exports = (s, n) => s.padStart(n, '0');"));
        await env.StartAsync();

        var response = await env.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("007", await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
