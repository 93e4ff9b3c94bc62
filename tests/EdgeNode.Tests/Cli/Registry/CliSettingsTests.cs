using System.Text.Json;
using EdgeCompute.EdgeCli.Registry;

namespace EdgeCompute.EdgeNode.Tests.Cli.Registry;

public sealed class CliSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-settings-").FullName;
    private readonly Dictionary<string, string> _environment = [];
    private readonly List<string> _errors = [];

    private CliConfigFile File => new(Path.Combine(_dir, "cli.json"));

    [Fact]
    public async Task ResolveAsync_AllThreeSources_OptionsWin()
    {
        await SaveAsync("http://file/", "file-key");
        SetEnvironment("http://env/", "env-key");

        var settings = await ResolveAsync("http://option/", "option-key");

        Assert.Equal(new CliSettings("http://option/", "--url", "option-key"), settings);
    }

    [Fact]
    public async Task ResolveAsync_EnvironmentAndFile_EnvironmentWins()
    {
        await SaveAsync("http://file/", "file-key");
        SetEnvironment("http://env/", "env-key");

        var settings = await ResolveAsync(null, null);

        Assert.Equal(new CliSettings("http://env/", CliSettings.UrlVariable, "env-key"), settings);
    }

    [Fact]
    public async Task ResolveAsync_EachValueOnItsOwn_FileFillsWhatIsMissing()
    {
        await SaveAsync("http://file/", "file-key");

        var settings = await ResolveAsync(null, "option-key");

        Assert.Equal(new CliSettings("http://file/", File.Path, "option-key"), settings);
        Assert.True(settings.IsComplete);
    }

    [Fact]
    public async Task ResolveAsync_NothingAnywhere_IncompleteSayingHowToLogIn()
    {
        var settings = await ResolveAsync(null, null);

        Assert.False(settings.IsComplete);
        Assert.Empty(_errors);
        Assert.Contains("--url", settings.Missing());
        Assert.Contains(CliSettings.KeyVariable, settings.Missing());
        Assert.Contains("edge login", settings.Missing());
    }

    [Fact]
    public async Task ResolveAsync_BrokenFile_IncompleteWithTheFilesError()
    {
        System.IO.File.WriteAllText(File.Path, "{ not json");

        var settings = await ResolveAsync(null, null);

        Assert.False(settings.IsComplete);
        Assert.Contains(File.Path, Assert.Single(_errors));
    }

    [Fact]
    public async Task ResolveAsync_OptionsGiveBoth_FileNotRead()
    {
        System.IO.File.WriteAllText(File.Path, "{ not json");

        var settings = await ResolveAsync("http://option/", "option-key");

        Assert.True(settings.IsComplete);
        Assert.Empty(_errors);
    }

    [Fact]
    public void Locate_EdgeConfigSet_ThatFile_ElseUnderHome()
    {
        Assert.Equal("/tmp/x.json", CliConfigFile.Locate(name => name == CliConfigFile.PathVariable ? "/tmp/x.json" : null).Path);
        Assert.EndsWith(Path.Combine(".config", "edgecompute", "cli.json"), CliConfigFile.Locate(_ => null).Path);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8081", "http://127.0.0.1:8081/")]
    [InlineData("https://registry.example/edge", "https://registry.example/edge/")]
    [InlineData("not a url", null)]
    [InlineData("ftp://registry.example/", null)]
    public void BaseUri_EndsWithSlash_OnlyHttp(string url, string? expected) =>
        Assert.Equal(expected, new CliSettings(url, "--url", "k").BaseUri()?.ToString());

    [Fact]
    public async Task WriteAsync_OwnerOnlyAndReplacesTheFile()
    {
        var file = new CliConfigFile(Path.Combine(_dir, "nested", "cli.json"));
        await file.WriteAsync(new SavedLogin("http://old/", "old-key"), CancellationToken.None);

        await file.WriteAsync(new SavedLogin("http://new/", "new-key"), CancellationToken.None);

        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(file.Path));
        Assert.Equal("new-key", json.RootElement.GetProperty("apiKey").GetString());
        Assert.Equal(new SavedLogin("http://new/", "new-key"), await file.ReadAsync(_errors, CancellationToken.None));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(file.Path));
        }
        Assert.Equal(["cli.json"], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(file.Path)!).Select(Path.GetFileName));
    }

    private Task SaveAsync(string url, string key) => File.WriteAsync(new SavedLogin(url, key), CancellationToken.None);

    private void SetEnvironment(string url, string key)
    {
        _environment[CliSettings.UrlVariable] = url;
        _environment[CliSettings.KeyVariable] = key;
    }

    private Task<CliSettings> ResolveAsync(string? url, string? key) =>
        CliSettings.ResolveAsync(url, key, name => _environment.GetValueOrDefault(name), File, _errors, CancellationToken.None);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
