using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EdgeCompute.EdgeNode.Admin;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.EdgeNode.Tests.Cli;

/// <summary>
/// <c>edge invalidate</c> run as users run it: the real <c>edge</c> program in its own process
/// against a real node's admin listener; the JSON it prints, its exit status and the node's cache
/// afterwards are checked.
/// </summary>
public sealed class InvalidateCommandTests : IDisposable
{
    private const string Token = "test-admin-token";
    private const string Cached = "/cacheable/img/a?cc=max-age=60";

    private readonly string _dir = Directory.CreateTempSubdirectory("edge-invalidate-cli-").FullName;

    [Fact]
    public async Task Invalidate_WithAdminUrlAndToken_PrintsAnswerAndEmptiesCache()
    {
        await using var env = await StartNodeWithCachedResponseAsync();

        var (exit, output, error) = await RunAsync("invalidate", "/cacheable/img/*", "--admin-url", AdminUrl(env), "--token", Token);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("invalidated").GetInt32());
        Assert.Equal(["/cacheable/img/*"], root.GetProperty("paths").EnumerateArray().Select(p => p.GetString()));
        Assert.StartsWith("I", root.GetProperty("id").GetString());
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, Cached));
    }

    [Fact]
    public async Task Invalidate_WithDistribution_SendsItsId()
    {
        await using var env = await StartNodeWithCachedResponseAsync();

        var (exit, output, error) = await RunAsync("invalidate", "/cacheable/img/a", "--distribution", "EDFDVBD6EXAMPLE",
            "--admin-url", AdminUrl(env), "--token", Token);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Equal("EDFDVBD6EXAMPLE", json.RootElement.GetProperty("distributionId").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("invalidated").GetInt32());
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, Cached));
    }

    [Fact]
    public async Task Invalidate_FromEnvironment_UsesUrlAndToken()
    {
        await using var env = await StartNodeWithCachedResponseAsync();

        var (exit, output, error) = await RunWithEnvironmentAsync(new() { ["EDGE_ADMIN_URL"] = AdminUrl(env), ["EDGE_ADMIN_TOKEN"] = Token },
            "invalidate", "/cacheable/img/*");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("invalidated").GetInt32());
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, Cached));
    }

    [Fact]
    public async Task Invalidate_FromConfigFile_ReadsAdminSectionWithCommentsAndTrailingCommas()
    {
        await using var env = await StartNodeWithCachedResponseAsync();
        var config = WriteFile("node.json", $$"""
            {
              // as an operator writes edge.json
              "Urls": "http://127.0.0.1:8080",
              "Admin": { "Urls": "{{AdminUrl(env)}};http://127.0.0.1:1", "Token": "{{Token}}", },
            }
            """);

        var (exit, output, error) = await RunAsync("invalidate", "/cacheable/img/*", "--config", config);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("invalidated").GetInt32());
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, Cached));
    }

    [Fact]
    public async Task Invalidate_OptionsOverConfigFile()
    {
        await using var env = await StartNodeWithCachedResponseAsync();
        var config = WriteFile("node.json", """{ "Admin": { "Urls": "http://127.0.0.1:1", "Token": "stale-token" } }""");

        var (exit, _, error) = await RunAsync("invalidate", "/cacheable/img/*", "--config", config, "--admin-url", AdminUrl(env), "--token", Token);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Equal("Miss from edge", await CacheStatusAsync(env, Cached));
    }

    [Fact]
    public async Task Invalidate_WrongToken_ExitsOneWithStatusAndDetail()
    {
        await using var env = await StartNodeWithCachedResponseAsync();

        var (exit, output, error) = await RunAsync("invalidate", "/cacheable/img/*", "--admin-url", AdminUrl(env), "--token", "wrong-token");

        Assert.Equal(1, exit);
        Assert.Equal("", output.Trim());
        Assert.Contains("401", error);
        Assert.Contains("Missing or wrong admin token", error);
        Assert.Equal("Hit from edge", await CacheStatusAsync(env, Cached));
    }

    [Fact]
    public async Task Invalidate_NodeNotListening_ExitsOneNamingTheUrl()
    {
        var port = FreePort();

        var (exit, _, error) = await RunAsync("invalidate", "/a.html", "--admin-url", $"http://127.0.0.1:{port}", "--token", Token);

        Assert.Equal(1, exit);
        Assert.Contains($"http://127.0.0.1:{port}/invalidations", error);
    }

    [Theory]
    [InlineData("invalidate", "--admin-url", "http://127.0.0.1:1", "--token", "t")]
    [InlineData("invalidate", "images/*", "--admin-url", "http://127.0.0.1:1", "--token", "t")]
    [InlineData("invalidate", "/a.html", "--admin-url", "not a url", "--token", "t")]
    [InlineData("invalidate", "/a.html")]
    [InlineData("invalidate", "/a.html", "--config", "missing.json")]
    [InlineData("invalidate", "/a.html", "--config", "no-admin.json")]
    public async Task Invalidate_BadArguments_ExitTwoWithMessage(params string[] args)
    {
        WriteFile("no-admin.json", """{ "Urls": "http://127.0.0.1:8080" }""");

        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output.Trim());
        Assert.StartsWith("edge invalidate: ", error);
    }

    private static async Task<EdgeTestEnvironment> StartNodeWithCachedResponseAsync()
    {
        var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        try
        {
            await env.Client.GetAsync(Cached);
            Assert.Equal("Hit from edge", await CacheStatusAsync(env, Cached));
            return env;
        }
        catch
        {
            await env.DisposeAsync();
            throw;
        }
    }

    private static string AdminUrl(EdgeTestEnvironment env) => env.Services.GetRequiredService<AdminListenerService>().Urls.Single();

    private static async Task<string?> CacheStatusAsync(EdgeTestEnvironment env, string path) =>
        (await env.Client.GetAsync(path)).Headers.TryGetValues("X-Cache", out var v) ? v.Single() : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunWithEnvironmentAsync([], args);

    /// <summary>Runs edge.dll in the temp folder (no config/edge.json there), with the admin variables unset unless given.</summary>
    private Task<(int Exit, string Output, string Error)> RunWithEnvironmentAsync(Dictionary<string, string> environment, params string[] args)
    {
        var variables = new Dictionary<string, string?> { ["EDGE_ADMIN_URL"] = null, ["EDGE_ADMIN_TOKEN"] = null };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        return EdgeCliProcess.RunAsync(_dir, variables, args);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
