using System.Net;
using EdgeCompute.EdgeNode.Configuration;
using EdgeCompute.EdgeNode.Hosting;
using EdgeCompute.EdgeNode.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>
/// The edge node of a functional test, with its sample origin and a client: a temp folder holding
/// <c>edge.json</c> and <c>functions/NAME/…</c> written from C# strings, the real node built by
/// <see cref="EdgeNodeApp.Build"/> on a free loopback port, and every log line it writes.
/// Declare the distribution first (<see cref="Function"/>, <see cref="Bind"/>), then <see cref="StartAsync"/>.
/// </summary>
internal sealed class EdgeTestEnvironment : IAsyncDisposable
{
    private static readonly TimeSpan ReloadTimeout = TimeSpan.FromSeconds(10);

    private readonly TestDistribution _distribution = new();
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);
    private TestOrigin? _origin;
    private WebApplication? _app;
    private HttpClient? _client;

    static EdgeTestEnvironment()
    {
        // As the node's Program does: functions run synchronously on request threads, and a test
        // that holds a few of them in user code must not wait for the thread pool to grow.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
    }

    public EdgeTestEnvironment()
        : this(FunctionEngines.V8)
    {
    }

    /// <summary>Every function declared with <see cref="Function"/> runs on <paramref name="engine"/> (<c>v8</c> or <c>jint</c>).</summary>
    public EdgeTestEnvironment(string engine)
    {
        Engine = engine;
        Root = Directory.CreateTempSubdirectory("edge-test-").FullName;
    }

    /// <summary>The engine written into every declared function's <c>function.json</c> (nothing is written for the default, V8).</summary>
    public string Engine { get; }

    /// <summary>The temp folder; <c>edge.json</c> sits at its top.</summary>
    public string Root { get; }

    public string ConfigPath => Path.Combine(Root, "edge.json");

    /// <summary>The arguments the node is built from, as an operator would pass them.</summary>
    public string[] Args => ["--config", ConfigPath, "--urls", "http://127.0.0.1:0"];

    /// <summary>The distribution's default origin (id <c>sample</c>), started by <see cref="StartAsync"/>.</summary>
    public TestOrigin Origin => _origin ?? throw new InvalidOperationException("Start the environment first.");

    /// <summary>A viewer: no redirects followed, no cookies kept, no decompression.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("Start the environment first.");

    public LogCapture Logs { get; } = new();

    /// <summary>Adds <c>functions/NAME/index.js</c>, and <c>function.json</c> when <paramref name="settings"/> is given or the engine is not V8.</summary>
    public EdgeTestEnvironment Function(string name, string code, string? settings = null)
    {
        _files[$"functions/{name}/index.js"] = code;
        if (Engine != FunctionEngines.V8)
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(settings ?? "{}")!.AsObject();
            json["engine"] = Engine;
            settings = json.ToJsonString();
        }
        if (settings is not null)
        {
            _files[$"functions/{name}/function.json"] = settings;
        }
        return this;
    }

    /// <summary>Any other file, relative to the config folder (e.g. <c>functions/f/lib/util.js</c>, or <c>edge.json</c> itself).</summary>
    public EdgeTestEnvironment File(string relativePath, string content)
    {
        _files[relativePath] = content;
        return this;
    }

    /// <summary>Adds a cache behaviour (in order; the first matching pattern wins) with up to one function per event.</summary>
    public EdgeTestEnvironment Bind(string pathPattern, string? viewerRequest = null, string? originRequest = null,
        string? originResponse = null, string? viewerResponse = null, bool includeBody = false, string originId = TestDistribution.DefaultOriginId)
    {
        _distribution.Behaviors.Add(new TestBehavior(pathPattern, originId, viewerRequest, originRequest, originResponse, viewerResponse, includeBody));
        return this;
    }

    /// <summary>A key-value store of the config, written to <c>kvs/ID.json</c>.</summary>
    public EdgeTestEnvironment KeyValueStore(string id, string json)
    {
        _distribution.KeyValueStores[id] = $"kvs/{id}.json";
        _files[$"kvs/{id}.json"] = json;
        return this;
    }

    /// <summary>Another origin of the distribution, for behaviours that name it.</summary>
    public EdgeTestEnvironment AddOrigin(string id, TestOrigin origin, IReadOnlyDictionary<string, string>? customHeaders = null)
    {
        _distribution.Origins.Add(new TestOriginEntry(id, () => origin.Port, customHeaders ?? new Dictionary<string, string>()));
        return this;
    }

    /// <summary>An origin at a bare loopback port (e.g. one nothing listens on).</summary>
    public EdgeTestEnvironment AddOrigin(string id, int port)
    {
        _distribution.Origins.Add(new TestOriginEntry(id, () => port, new Dictionary<string, string>()));
        return this;
    }

    /// <summary>A custom header the config adds to every request to the default origin.</summary>
    public EdgeTestEnvironment OriginCustomHeader(string name, string value)
    {
        _distribution.DefaultOriginHeaders[name] = value;
        return this;
    }

    /// <summary>Gives the last bound behaviour a cache policy (JSON, as in edge.json).</summary>
    public EdgeTestEnvironment WithCachePolicy(string json)
    {
        _distribution.Behaviors[^1].CachePolicy = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        return this;
    }

    /// <summary>Sends <paramref name="weight"/> of the last bound behaviour's <paramref name="eventName"/> invocations to <paramref name="function"/> (a weighted alias).</summary>
    public EdgeTestEnvironment WithRouting(string eventName, string function, double weight)
    {
        _distribution.Behaviors[^1].Routing[eventName] = (function, weight);
        return this;
    }

    /// <summary>Sets the node's <c>Cache</c> section (JSON, as in edge.json).</summary>
    public EdgeTestEnvironment WithCacheOptions(string json)
    {
        _distribution.Cache = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        return this;
    }

    /// <summary>Starts the admin listener on a free loopback port with this token.</summary>
    public EdgeTestEnvironment WithAdmin(string token)
    {
        _distribution.Admin = new System.Text.Json.Nodes.JsonObject { ["Urls"] = "http://127.0.0.1:0", ["Token"] = token };
        return this;
    }

    /// <summary>
    /// Regional mode: the node syncs its distributions from the registry at <paramref name="url"/>
    /// (with the test registry's node key), keeping snapshots in <paramref name="dataDirectory"/>, and
    /// retries quickly after failures. The declared distribution is not written.
    /// </summary>
    public EdgeTestEnvironment WithRegional(string url, string dataDirectory, string nodeKey, string? nodeId = null)
    {
        _distribution.Regional = new System.Text.Json.Nodes.JsonObject
        {
            ["NodeId"] = nodeId,
            ["Url"] = url,
            ["NodeKey"] = nodeKey,
            ["DataDirectory"] = dataDirectory,
            ["MinRetryDelay"] = "00:00:00.100",
            ["MaxRetryDelay"] = "00:00:00.500",
        };
        return this;
    }

    /// <summary>Gives the last bound behaviour an origin request policy (JSON, as in edge.json).</summary>
    public EdgeTestEnvironment WithOriginRequestPolicy(string json)
    {
        _distribution.Behaviors[^1].OriginRequestPolicy = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        return this;
    }

    /// <summary>Sets the node's <c>Geo</c> section (JSON, as in edge.json).</summary>
    public EdgeTestEnvironment WithGeo(string json)
    {
        _distribution.Geo = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        return this;
    }

    /// <summary>Sets the node's <c>Metering</c> section (JSON, as in edge.json).</summary>
    public EdgeTestEnvironment WithMetering(string json)
    {
        _distribution.Metering = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        return this;
    }

    /// <summary>Sets the node's <c>Metrics</c> section (JSON, as in edge.json).</summary>
    public EdgeTestEnvironment WithMetrics(string json)
    {
        _distribution.Metrics = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        return this;
    }

    /// <summary>The node's services, for tests that look inside (cache size, fetches in flight).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Start the environment first.");

    public EdgeTestEnvironment RunViewerResponseOnErrors()
    {
        _distribution.RunViewerResponseOnErrors = true;
        return this;
    }

    /// <summary>Starts the origin and the node; fails with every configuration error if the node refuses its config.</summary>
    public async Task<EdgeTestEnvironment> StartAsync()
    {
        _origin = await TestOrigin.StartAsync();
        _distribution.Origins.Insert(0, new TestOriginEntry(TestDistribution.DefaultOriginId, () => _origin.Port, _distribution.DefaultOriginHeaders));
        WriteFiles();
        _app = TryBuild(out var errors) ??
            throw new InvalidOperationException("The edge node refused its configuration:\n" + string.Join("\n", errors));
        await _app.StartAsync();
        if (_app.Services.GetService<EdgeCompute.EdgeNode.Runtime.NodeFunctionLogSink>() is { } functionLog)
        {
            Logs.BeforeRead = functionLog.WritePending;
        }
        var address = new Uri(_app.Urls.Single());
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        return this;
    }

    /// <summary>Writes the declared files (edge.json generated unless given with <see cref="File"/>) without starting anything.</summary>
    public void WriteFiles()
    {
        foreach (var (path, content) in _files)
        {
            Write(path, content);
        }
        if (!_files.ContainsKey("edge.json"))
        {
            Write("edge.json", _distribution.ToJson());
        }
    }

    /// <summary><see cref="EdgeNodeApp.Build"/> on the written files, with this environment's log capture.</summary>
    public WebApplication? TryBuild(out IReadOnlyList<ConfigError> errors) =>
        EdgeNodeApp.Build(Args, out errors, services =>
        {
            services.RemoveAll<ILoggerProvider>();
            services.AddSingleton<ILoggerProvider>(Logs);
        });

    /// <summary>
    /// Replaces a file while the node runs (atomically, as editors and deploy tools do), for the
    /// config watcher to pick up.
    /// </summary>
    public void Rewrite(string relativePath, string content) => Write(relativePath, content);

    /// <summary>Changes the declared distribution and rewrites <c>edge.json</c> while the node runs.</summary>
    public void RewriteConfig(Action<TestDistribution> change)
    {
        change(_distribution);
        Write("edge.json", _distribution.ToJson());
    }

    /// <summary>Sends <c>GET path</c> until <paramref name="accept"/> holds, for changes a config reload brings.</summary>
    public async Task<HttpResponseMessage> GetUntilAsync(string path, Func<HttpResponseMessage, string, bool> accept)
    {
        var deadline = DateTime.UtcNow + ReloadTimeout;
        while (true)
        {
            var response = await Client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            if (accept(response, body))
            {
                return response;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"GET {path} never gave the expected answer; last: {(int)response.StatusCode} {body}\nLogs:\n{Logs.Dump()}");
            }
            await Task.Delay(50);
        }
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".tmp";
        System.IO.File.WriteAllText(temp, content);
        System.IO.File.Move(temp, path, overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_origin is not null)
        {
            await _origin.DisposeAsync();
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a watcher on its way out; the OS cleans temp folders.
        }
    }
}
