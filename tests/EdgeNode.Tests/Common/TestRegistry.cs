using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Common;

/// <summary>
/// A test double of the registry (docs/registry-contract.md) for CLI tests: real Kestrel on a free
/// loopback port, answering only the routes a test maps, checking the bearer key as the registry
/// does, and recording every request (with its body) for the test to inspect.
/// </summary>
internal sealed class TestRegistry : IAsyncDisposable
{
    public const string ApiKey = "test-api-key";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests;

    private TestRegistry(WebApplication app, ConcurrentQueue<RecordedRequest> requests)
    {
        _app = app;
        _requests = requests;
        var address = app.Urls.Single();
        Url = address.EndsWith('/') ? address : address + "/";
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public string Url { get; }

    /// <summary>Every request received, in order (those refused for their key too).</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <param name="map">Maps the routes the test needs, e.g. <c>app => app.MapGet("/v1/functions", ...)</c>.</param>
    public static async Task<TestRegistry> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateBuilder(["--hostBuilder:reloadConfigOnChange=false"]);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var requests = new ConcurrentQueue<RecordedRequest>();
        app.Use(async (context, next) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var request = context.Request;
            requests.Enqueue(new RecordedRequest(request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString(),
                request.ContentType, body.ToArray()));
            body.Position = 0;
            request.Body = body;
            if (request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
            {
                await Problem(401, "Unauthorized", "Missing or unknown API key.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        map(app);
        await app.StartAsync();
        return new TestRegistry(app, requests);
    }

    /// <summary>An RFC 9457 problem as the registry answers it, with extra members (<c>bindings</c>, <c>errors</c>).</summary>
    public static IResult Problem(int status, string code, string detail, IDictionary<string, object?>? extensions = null)
    {
        var problem = new Dictionary<string, object?> { ["type"] = "about:blank", ["title"] = code, ["status"] = status, ["detail"] = detail, ["code"] = code };
        foreach (var (name, value) in extensions ?? new Dictionary<string, object?>())
        {
            problem[name] = value;
        }
        return Results.Json(problem, statusCode: status, contentType: "application/problem+json");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>A request the <see cref="TestRegistry"/> received.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string? ContentType, byte[] Body)
{
    public override string ToString() => $"{Method} {PathAndQuery}";

    public System.Text.Json.JsonDocument Json() => System.Text.Json.JsonDocument.Parse(Body);

    public bool IsZip => ContentType is { } type && MediaTypeHeaderValue.Parse(type).MediaType == "application/zip";
}
