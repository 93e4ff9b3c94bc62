using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Regional;

/// <summary>
/// A test double of the registry's two node endpoints (docs/registry-contract.md, "Nodes"), real
/// HTTP on a loopback port: <c>GET /v1/edge/snapshot?after=&amp;wait=</c> (200 at once when the
/// revision differs, else a long-poll ending in 200 or 204) and <c>GET /v1/edge/bundles/{sha256}</c>.
/// Also takes usage reports (<see cref="Usage"/>, docs/usage-contract.md). The test publishes snapshot documents and bundles; it can make a bundle's bytes wrong, and stop
/// and restart the registry on the same port.
/// </summary>
internal sealed class TestRegistry : IAsyncDisposable
{
    public const string NodeKey = "test-node-key";

    private readonly ConcurrentDictionary<string, byte[]> _bundles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _wrongBytes = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (long Revision, string Json) _snapshot = (0, "");
    private WebApplication? _app;

    private TestRegistry()
    {
    }

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}";


    /// <summary>Every poll's <c>(X-Edge-Node-Id, X-Edge-Snapshot-Revision)</c>, in order.</summary>
    public ConcurrentQueue<(string NodeId, string ServedRevision)> Polls { get; } = new();

    /// <summary>The usage endpoint, <c>POST /v1/edge/usage</c>: what nodes reported, and answers a test scripts.</summary>
    public Metering.TestUsageIngest Usage { get; } = new();

    /// <summary>The function log endpoint, <c>POST /v1/edge/logs</c>: same contract as usage (batch id, records, dedup, scripted answers).</summary>
    public Metering.TestUsageIngest Logs { get; } = new();

    /// <summary>Options for a node of this registry, retrying fast (50 ms doubling up to 200 ms) so that tests of failures stay short.</summary>
    public EdgeNode.Regional.RegionalOptions NodeOptions(string nodeId) => new()
    {
        Url = Url,
        NodeKey = NodeKey,
        NodeId = nodeId,
        MinRetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    /// <summary>How often each bundle was asked for.</summary>
    public ConcurrentDictionary<string, int> BundleRequests { get; } = new(StringComparer.Ordinal);

    public static async Task<TestRegistry> StartAsync()
    {
        var registry = new TestRegistry();
        await registry.StartAsync(port: 0);
        return registry;
    }

    /// <summary>Starts it again on the port it had (after <see cref="StopAsync"/>), with everything it held.</summary>
    public Task RestartAsync() => StartAsync(Port);

    /// <summary>Stops answering: the port refuses connections, polls in flight are cut.</summary>
    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>Stores a zip and returns its SHA-256 (lower-case hex), the name the snapshot gives it.</summary>
    public string AddBundle(byte[] zip)
    {
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(zip));
        _bundles[sha256] = zip;
        return sha256;
    }

    /// <summary>Serves other bytes than the bundle's under its name (a corrupted copy) until <see cref="ServeRightBytes"/>.</summary>
    public void ServeWrongBytes(string sha256) => _wrongBytes[sha256] = [.. _bundles[sha256], 0x20];

    public void ServeRightBytes(string sha256) => _wrongBytes.TryRemove(sha256, out _);

    /// <summary>Makes <paramref name="snapshot"/> the next revision and wakes the polls waiting for it.</summary>
    public long Publish(JsonObject snapshot)
    {
        TaskCompletionSource changed;
        long revision;
        lock (_lock)
        {
            revision = _snapshot.Revision + 1;
            snapshot["revision"] = revision;
            _snapshot = (revision, snapshot.ToJsonString());
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
        return revision;
    }

    private async Task StartAsync(int port)
    {
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + NodeKey)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.ContentType = "application/problem+json";
                await context.Response.WriteAsync("""{"title":"Unauthorized","status":401,"code":"Unauthorized","detail":"unknown node key"}""");
                return;
            }
            await next(context);
        });
        app.MapGet("/v1/edge/snapshot", (HttpContext context, long after, int wait) => SnapshotAsync(context, after, wait, app.Lifetime.ApplicationStopping));
        app.MapGet("/v1/edge/bundles/{sha256}", (string sha256) =>
        {
            BundleRequests.AddOrUpdate(sha256, 1, (_, n) => n + 1);
            var bytes = _wrongBytes.TryGetValue(sha256, out var wrong) ? wrong : _bundles.GetValueOrDefault(sha256);
            return bytes is null ? Results.NotFound() : Results.Bytes(bytes, "application/zip");
        });
        app.MapPost("/v1/edge/usage", Usage.HandleAsync);
        app.MapPost("/v1/edge/logs", Logs.HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.Single()).Port;
        _app = app;
    }

    private async Task SnapshotAsync(HttpContext context, long after, int wait, CancellationToken stopping)
    {
        Polls.Enqueue((context.Request.Headers["X-Edge-Node-Id"].ToString(), context.Request.Headers["X-Edge-Snapshot-Revision"].ToString()));
        Task changed;
        long current;
        lock (_lock)
        {
            changed = _changed.Task;
            current = _snapshot.Revision;
        }
        if (current == after)
        {
            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await Task.WhenAny(changed, Task.Delay(TimeSpan.FromSeconds(Math.Min(wait, 60)), cancel.Token));
        }
        (long Revision, string Json) snapshot;
        lock (_lock)
        {
            snapshot = _snapshot;
        }
        var (revision, json) = snapshot;
        if (revision == after || revision == 0)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }
        context.Response.Headers.ETag = $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
