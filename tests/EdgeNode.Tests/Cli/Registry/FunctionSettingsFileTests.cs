using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeNode.Tests.Cli.Registry;

public sealed class FunctionSettingsFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-settings-").FullName;
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    [Fact]
    public async Task ReadAsync_NodeStyleFile_ReadsMembersInAnyCaseWithComments()
    {
        Write("""
            {
              // as the node reads it
              "Runtime": "cloudfront-js-2.0", "handler": "main.handler", "engine": "jint", "memorySize": 256, "timeout": 2.5,
              "allowedHosts": ["api.example.com"], "keyValueStores": ["prefs"], "environment": { "STAGE": "prod" },
              "layers": ["arn:edge:layer:111111111111:utils:2"], "description": "hello",
            }
            """);

        var settings = await ReadAsync();

        Assert.Empty(_errors);
        Assert.NotNull(settings);
        Assert.Equal("cloudfront-js-2.0", settings.Runtime);
        Assert.Equal("main.handler", settings.Handler);
        Assert.Equal("jint", settings.Engine);
        Assert.Equal(256, settings.MemorySize);
        Assert.Equal(2.5, settings.Timeout);
        Assert.Equal(["api.example.com"], settings.AllowedHosts!);
        Assert.Equal(["prefs"], settings.KeyValueStores!);
        Assert.Equal("prod", settings.Environment!["STAGE"]);
        Assert.Equal(["arn:edge:layer:111111111111:utils:2"], settings.Layers!);
        Assert.Equal("hello", settings.Description);
    }

    [Fact]
    public async Task ReadAsync_NoFile_EmptySettings()
    {
        var settings = await ReadAsync();

        Assert.NotNull(settings);
        Assert.True(settings.IsEmpty);
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task ReadAsync_UnknownMember_ErrorNamingIt()
    {
        Write("""{ "runtime": "nodejs20.x", "memroySize": 256 }""");

        var settings = await ReadAsync();

        Assert.Null(settings);
        Assert.Contains("memroySize", Assert.Single(_errors));
    }

    [Fact]
    public async Task ReadAsync_NodeOnlyMaxConcurrency_DroppedWithWarning()
    {
        Write("""{ "runtime": "nodejs20.x", "MaxConcurrency": 4 }""");

        var settings = await ReadAsync();

        Assert.Empty(_errors);
        Assert.Equal("""{"runtime":"nodejs20.x"}""", settings!.ToJson().ToJsonString());
        Assert.Contains("MaxConcurrency", Assert.Single(_warnings));
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("{ \"memorySize\": \"lots\" }")]
    [InlineData("{ \"runtime\": ")]
    public async Task ReadAsync_NotSettings_Error(string text)
    {
        Write(text);

        Assert.Null(await ReadAsync());
        Assert.Single(_errors);
    }

    [Fact]
    public void ToJson_OnlySetMembersInCamelCase()
    {
        var settings = new FunctionSettings { MemorySize = 512, Environment = new Dictionary<string, string> { ["A"] = "1" } };

        Assert.Equal("""{"memorySize":512,"environment":{"A":"1"}}""", settings.ToJson().ToJsonString());
    }

    private Task<FunctionSettings?> ReadAsync() => FunctionSettingsFile.ReadAsync(_dir, _errors, _warnings, CancellationToken.None);

    private void Write(string text) => File.WriteAllText(Path.Combine(_dir, FunctionSettingsFile.Name), text);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
