using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EdgeCompute.EdgeNode.Tests.Cli;

/// <summary>
/// The registry commands run as users run them: the real <c>edge</c> program in its own process
/// against <see cref="TestRegistry"/> (real HTTP on loopback, the routes each test needs). The
/// requests the registry received, the output and the exit status are checked.
/// </summary>
public sealed class RegistryCommandTests : IDisposable
{
    private static readonly object HelloFunction = new
    {
        name = "hello", runtime = "nodejs20.x", handler = "index.handler", engine = "v8", memorySize = 128, timeout = 5,
        codeSha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", codeSize = 321, lastModified = "2026-11-28T12:00:00Z",
    };

    private readonly string _dir = Directory.CreateTempSubdirectory("edge-registry-cli-").FullName;

    private string ConfigFile => Path.Combine(_dir, "config", "cli.json");

    [Fact]
    public async Task Login_ValidKey_SavesConfigReadableByOwnerOnlyAndLaterCommandsUseIt()
    {
        await using var registry = await TestRegistry.StartAsync(app =>
        {
            app.MapGet("/v1/account", () => Results.Json(new { id = "111111111111", name = "demo" }));
            app.MapGet("/v1/functions", () => Results.Json(new { functions = new[] { HelloFunction } }));
        });

        var (exit, output, error) = await RunAsync("login", "--url", registry.Url, "--key", TestRegistry.ApiKey);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("demo (111111111111)", output);
        using (var saved = JsonDocument.Parse(File.ReadAllText(ConfigFile)))
        {
            Assert.Equal(registry.Url, saved.RootElement.GetProperty("url").GetString());
            Assert.Equal(TestRegistry.ApiKey, saved.RootElement.GetProperty("apiKey").GetString());
        }
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ConfigFile));
        }

        var (listExit, list, listError) = await RunAsync("functions", "list");

        Assert.True(listExit == 0, $"exit {listExit}: {listError}");
        Assert.Contains("hello", list);
        Assert.All(registry.Requests, r => Assert.Equal("Bearer " + TestRegistry.ApiKey, r.Authorization));
    }

    [Fact]
    public async Task Login_WrongKey_ExitsOneAndSavesNothing()
    {
        await using var registry = await TestRegistry.StartAsync(app => app.MapGet("/v1/account", () => Results.Json(new { id = "1", name = "x" })));

        var (exit, output, error) = await RunAsync("login", "--url", registry.Url, "--key", "wrong-key");

        Assert.Equal(1, exit);
        Assert.Equal("", output.Trim());
        Assert.Contains("Missing or unknown API key.", error);
        Assert.Contains("401 Unauthorized", error);
        Assert.False(File.Exists(ConfigFile));
    }

    [Fact]
    public async Task Deploy_NewFunction_CreatesWithFolderSettingsThenUploadsZipOfItsFiles()
    {
        var folder = WriteFunctionFolder("hello");
        await using var registry = await TestRegistry.StartAsync(app =>
        {
            app.MapGet("/v1/functions/{name}", (string name) => TestRegistry.Problem(404, "ResourceNotFound", $"Function {name} does not exist."));
            app.MapPost("/v1/functions", () => Results.Json(HelloFunction, statusCode: 201));
            app.MapPut("/v1/functions/{name}/code", () => Results.Json(HelloFunction));
        });

        var (exit, output, error) = await RunLoggedInAsync(registry, "functions", "deploy", folder);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Equal(["GET /v1/functions/hello", "POST /v1/functions", "PUT /v1/functions/hello/code"], registry.Requests.Select(r => r.ToString()));
        using var created = registry.Requests[1].Json();
        Assert.Equal("hello", created.RootElement.GetProperty("name").GetString());
        Assert.Equal("nodejs20.x", created.RootElement.GetProperty("runtime").GetString());
        Assert.Equal(256, created.RootElement.GetProperty("memorySize").GetInt32());
        Assert.Equal("prod", created.RootElement.GetProperty("environment").GetProperty("STAGE").GetString());
        Assert.False(created.RootElement.TryGetProperty("maxConcurrency", out _));
        var upload = registry.Requests[2];
        Assert.True(upload.IsZip, upload.ContentType);
        using var zip = new ZipArchive(new MemoryStream(upload.Body));
        Assert.Equal(["index.js", "lib/util.js"], zip.Entries.Select(e => e.FullName));
        using (var reader = new StreamReader(zip.GetEntry("index.js")!.Open()))
        {
            Assert.Equal("exports.handler = require('./lib/util').handler;", reader.ReadToEnd());
        }
        Assert.Contains("created function hello", error);
        Assert.Contains("maxConcurrency", error);
        Assert.DoesNotContain('\r', error);
        Assert.Contains("deployed hello ($LATEST): 2 files, 321 bytes", output);
    }

    [Fact]
    public async Task Deploy_ExistingFunction_UpdatesSettingsThenUploads()
    {
        var folder = WriteFunctionFolder("hello");
        await using var registry = await TestRegistry.StartAsync(app =>
        {
            app.MapGet("/v1/functions/{name}", () => Results.Json(HelloFunction));
            app.MapPatch("/v1/functions/{name}", () => Results.Json(HelloFunction));
            app.MapPut("/v1/functions/{name}/code", () => Results.Json(HelloFunction));
        });

        var (exit, output, error) = await RunLoggedInAsync(registry, "functions", "deploy", folder, "--name", "hello", "--json");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Equal(["GET /v1/functions/hello", "PATCH /v1/functions/hello", "PUT /v1/functions/hello/code"], registry.Requests.Select(r => r.ToString()));
        using var json = JsonDocument.Parse(output);
        Assert.Equal(321, json.RootElement.GetProperty("codeSize").GetInt32());
    }

    [Fact]
    public async Task Delete_FunctionInUse_PrintsDetailAndBindingsAndExitsOne()
    {
        await using var registry = await TestRegistry.StartAsync(app => app.MapDelete("/v1/functions/{name}", (string name) =>
            TestRegistry.Problem(409, "ResourceInUse", $"Function {name} is bound by 2 distributions; unbind it first.", new Dictionary<string, object?>
            {
                ["bindings"] = new[] { "E1 * viewer-request → hello:live", "E2 /api/* origin-request → hello:3" },
            })));

        var (exit, output, error) = await RunLoggedInAsync(registry, "functions", "delete", "hello");

        Assert.Equal(1, exit);
        Assert.Equal("", output.Trim());
        Assert.Contains("edge functions delete: Function hello is bound by 2 distributions; unbind it first. (409 ResourceInUse)", error);
        Assert.Contains("E1 * viewer-request → hello:live", error);
        Assert.Contains("E2 /api/* origin-request → hello:3", error);
    }

    [Fact]
    public async Task Publish_SyntaxError_PrintsEachErrorWithFileLineColumn()
    {
        await using var registry = await TestRegistry.StartAsync(app => app.MapPost("/v1/functions/{name}/versions", () =>
            TestRegistry.Problem(400, "SyntaxError", "index.js does not compile.", new Dictionary<string, object?>
            {
                ["errors"] = new[] { new { file = "index.js", line = 3, column = 7, message = "Unexpected token '}'" } },
            })));

        var (exit, _, error) = await RunLoggedInAsync(registry, "functions", "publish", "hello", "--description", "v2");

        Assert.Equal(1, exit);
        Assert.Contains("index.js:3:7: Unexpected token '}'", error);
        using var body = registry.Requests.Single().Json();
        Assert.Equal("v2", body.RootElement.GetProperty("description").GetString());
    }

    [Fact]
    public async Task List_Json_PrintsTheRegistrysJson()
    {
        await using var registry = await TestRegistry.StartAsync(app =>
            app.MapGet("/v1/functions", () => Results.Json(new { functions = new[] { HelloFunction } })));

        var (exit, output, error) = await RunLoggedInAsync(registry, "functions", "list", "--json");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var json = JsonDocument.Parse(output);
        Assert.Equal("hello", json.RootElement.GetProperty("functions")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task List_Text_PrintsATable()
    {
        await using var registry = await TestRegistry.StartAsync(app =>
            app.MapGet("/v1/functions", () => Results.Json(new { functions = new[] { HelloFunction } })));

        var (exit, output, _) = await RunLoggedInAsync(registry, "functions", "list");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("NAME", lines[0]);
        Assert.Matches(@"^hello\s+nodejs20\.x\s+v8\s+128\s+5\s+321\s+2026-11-28T12:00:00Z$", lines[1]);
    }

    [Fact]
    public async Task AliasesSet_WithWeight_SendsVersionAndRoutingConfig()
    {
        await using var registry = await TestRegistry.StartAsync(app => app.MapPut("/v1/functions/{name}/aliases/{alias}", () => Results.Json(new
        {
            name = "live", functionVersion = "2", routingConfig = new { additionalVersionWeights = new Dictionary<string, double> { ["3"] = 0.1 } },
        })));

        var (exit, output, error) = await RunLoggedInAsync(registry, "aliases", "set", "hello", "live", "2", "--weight", "3=0.1");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Equal("PUT /v1/functions/hello/aliases/live", registry.Requests.Single().ToString());
        using var body = registry.Requests.Single().Json();
        Assert.Equal("2", body.RootElement.GetProperty("functionVersion").GetString());
        Assert.Equal(0.1, body.RootElement.GetProperty("routingConfig").GetProperty("additionalVersionWeights").GetProperty("3").GetDouble());
        Assert.Contains("live → 2 (90%), 3 (10%)", output);
    }

    [Fact]
    public async Task Bind_FunctionWithQualifier_SendsTheBinding()
    {
        await using var registry = await TestRegistry.StartAsync(app =>
            app.MapPut("/v1/distributions/{id}/bindings", (string id) => Results.Json(new { id })));

        var (exit, _, error) = await RunLoggedInAsync(registry, "bind", "E1", "--path", "/api/*", "--event", "origin-request", "hello:live", "--include-body");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        using var body = registry.Requests.Single().Json();
        var binding = body.RootElement;
        Assert.Equal("/api/*", binding.GetProperty("pathPattern").GetString());
        Assert.Equal("origin-request", binding.GetProperty("event").GetString());
        Assert.Equal("hello", binding.GetProperty("name").GetString());
        Assert.Equal("live", binding.GetProperty("qualifier").GetString());
        Assert.True(binding.GetProperty("includeBody").GetBoolean());
    }

    [Fact]
    public async Task DistributionsApply_FileWithTwo_PutsEachById()
    {
        var file = Path.Combine(_dir, "distributions.json");
        File.WriteAllText(file, """
            // as written by hand
            { "distributions": [ { "id": "EA", "aliases": ["a.example"] }, { "id": "EB", "development": true, }, ] }
            """);
        await using var registry = await TestRegistry.StartAsync(app => app.MapPut("/v1/distributions/{id}", (string id) =>
            Results.Json(new { id, domainName = id.ToLowerInvariant() + ".edge.local" }, statusCode: id == "EA" ? 201 : 200)));

        var (exit, output, error) = await RunLoggedInAsync(registry, "distributions", "apply", file);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Equal(["PUT /v1/distributions/EA", "PUT /v1/distributions/EB"], registry.Requests.Select(r => r.ToString()));
        using var first = registry.Requests[0].Json();
        Assert.Equal("a.example", first.RootElement.GetProperty("aliases")[0].GetString());
        Assert.Contains("created EA (ea.edge.local)", output);
        Assert.Contains("updated EB (eb.edge.local)", output);
    }

    [Fact]
    public async Task Status_PrintsRevisionsAndWhetherEachNodeIsCurrent()
    {
        await using var registry = await TestRegistry.StartAsync(app => app.MapGet("/v1/nodes", () => Results.Json(new
        {
            revision = 42,
            nodes = new[]
            {
                new { nodeId = "edge-1", revision = 42, lastSeen = "2026-11-28T12:00:00Z", current = true },
                new { nodeId = "edge-2", revision = 40, lastSeen = "2026-11-28T11:00:00Z", current = false },
            },
        })));

        var (exit, output, error) = await RunLoggedInAsync(registry, "status");

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("registry revision 42", output);
        Assert.Matches(@"edge-1\s+42\s+2026-11-28T12:00:00Z\s+yes", output);
        Assert.Matches(@"edge-2\s+40\s+2026-11-28T11:00:00Z\s+no", output);
    }

    [Fact]
    public async Task AnyCommand_RegistryFails_ExitsThree()
    {
        await using var registry = await TestRegistry.StartAsync(app =>
            app.MapGet("/v1/functions", () => TestRegistry.Problem(500, "InternalError", "The database is locked.")));

        var (exit, _, error) = await RunLoggedInAsync(registry, "functions", "list");

        Assert.Equal(3, exit);
        Assert.Contains("the registry failed: The database is locked. (500 InternalError)", error);
    }

    [Fact]
    public async Task AnyCommand_RegistryNotListening_ExitsThreeNamingTheUrl()
    {
        var url = $"http://127.0.0.1:{FreePort()}/";

        var (exit, output, error) = await RunAsync("functions", "list", "--url", url, "--key", TestRegistry.ApiKey);

        Assert.Equal(3, exit);
        Assert.Equal("", output.Trim());
        Assert.Contains($"cannot reach the registry at {url}v1/functions", error);
    }

    [Fact]
    public async Task AnyCommand_NotLoggedIn_ExitsFourSayingHow()
    {
        var (exit, _, error) = await RunAsync("kvs", "list");

        Assert.Equal(4, exit);
        Assert.Contains("not logged in", error);
        Assert.Contains("edge login", error);
    }

    [Fact]
    public async Task AnyCommand_OptionsOverEnvironment()
    {
        await using var registry = await TestRegistry.StartAsync(app => app.MapGet("/v1/kvs", () => Results.Json(new { stores = Array.Empty<object>() })));
        var environment = new Dictionary<string, string> { ["EDGE_REGISTRY_URL"] = $"http://127.0.0.1:{FreePort()}/", ["EDGE_API_KEY"] = "stale-key" };

        var (exit, output, error) = await RunAsync(environment, "kvs", "list", "--url", registry.Url, "--key", TestRegistry.ApiKey);

        Assert.True(exit == 0, $"exit {exit}: {error}");
        Assert.Contains("no key-value stores", output);
    }

    [Theory]
    [InlineData("functions", "create", "hello", "--env", "NOT_A_PAIR")]
    [InlineData("functions", "create", "hello", "--memory", "lots")]
    [InlineData("aliases", "set", "hello", "live", "2", "--weight", "3=2")]
    [InlineData("bind", "E1", "--path", "*", "--event", "on-click", "hello")]
    [InlineData("layers", "publish", "utils", "missing.zip")]
    [InlineData("functions", "deploy", "missing-folder")]
    [InlineData("functions", "update", "hello")]
    [InlineData("functions")]
    public async Task AnyCommand_BadArguments_ExitsTwoAndSendsNothing(params string[] args)
    {
        await using var registry = await TestRegistry.StartAsync(_ => { });

        var (exit, output, error) = await RunLoggedInAsync(registry, args);

        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Equal("", output.Trim());
        Assert.NotEqual("", error.Trim());
        Assert.Empty(registry.Requests);
    }

    private string WriteFunctionFolder(string name)
    {
        var folder = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        Directory.CreateDirectory(Path.Combine(folder, ".git"));
        File.WriteAllText(Path.Combine(folder, "index.js"), "exports.handler = require('./lib/util').handler;");
        File.WriteAllText(Path.Combine(folder, "lib", "util.js"), "exports.handler = async (e) => e.Records[0].cf.request;");
        File.WriteAllText(Path.Combine(folder, ".env"), "SECRET=1");
        File.WriteAllText(Path.Combine(folder, ".git", "config"), "[core]");
        File.WriteAllText(Path.Combine(folder, "function.json"), """
            { "runtime": "nodejs20.x", "memorySize": 256, "environment": { "STAGE": "prod" }, "maxConcurrency": 4 }
            """);
        return folder;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<(int Exit, string Output, string Error)> RunLoggedInAsync(TestRegistry registry, params string[] args) =>
        RunAsync(new Dictionary<string, string> { ["EDGE_REGISTRY_URL"] = registry.Url, ["EDGE_API_KEY"] = TestRegistry.ApiKey }, args);

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync([], args);

    /// <summary>Runs edge.dll in the temp folder with its config file there and no registry variables unless given.</summary>
    private Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string> environment, params string[] args)
    {
        var variables = new Dictionary<string, string?> { ["EDGE_CONFIG"] = ConfigFile, ["EDGE_REGISTRY_URL"] = null, ["EDGE_API_KEY"] = null };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        return EdgeCliProcess.RunAsync(_dir, variables, args);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
