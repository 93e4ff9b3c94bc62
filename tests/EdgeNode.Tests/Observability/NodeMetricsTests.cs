using System.Net;
using EdgeCompute.EdgeNode.Admin;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace EdgeCompute.EdgeNode.Tests.Observability;

/// <summary>The admin listener's <c>/metrics</c> after known traffic through the real node, origin and cache.</summary>
public sealed class NodeMetricsTests
{
    private const string Token = "test-admin-token";
    private const string Dist = TestDistribution.Id;

    // Answers in the origin's place, or throws for a uri with "boom" in it.
    private const string Generator = """
        exports.handler = async (event) => {
          const request = event.Records[0].cf.request;
          if (request.uri.includes('boom')) { throw new Error('boom'); }
          return { status: '200', body: 'generated' };
        };
        """;

    internal static HttpClient AdminClient(EdgeTestEnvironment env) =>
        new() { BaseAddress = new Uri(env.Services.GetRequiredService<AdminListenerService>().Urls.Single()) };

    [Fact]
    public async Task Metrics_AfterKnownTraffic_ExactCounts()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token)
            .Function("gen", Generator)
            .Bind("/fn/*", viewerRequest: "gen")
            .Bind("*")
            .StartAsync();
        string[] paths = ["/cacheable/a?cc=max-age=60", "/cacheable/b?cc=max-age=60", "/cacheable/c?cc=max-age=60"];
        foreach (var path in paths)
        {
            Assert.Equal("Miss from edge", (await env.Client.GetAsync(path)).Headers.GetValues("X-Cache").Single());
        }
        foreach (var path in (string[])[paths[0], paths[0], paths[1], paths[1], paths[2]])
        {
            Assert.Equal("Hit from edge", (await env.Client.GetAsync(path)).Headers.GetValues("X-Cache").Single());
        }
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/fn/ok")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await env.Client.GetAsync("/fn/boom")).StatusCode);
        using var admin = AdminClient(env);

        var scrape = await MetricsScrape.GetAsync(admin);

        Assert.Equal(3, scrape[$$"""edge_requests_total{distribution="{{Dist}}",behavior="*",status="2xx",cache="miss"}"""]);
        Assert.Equal(5, scrape[$$"""edge_requests_total{distribution="{{Dist}}",behavior="*",status="2xx",cache="hit"}"""]);
        Assert.Equal(3, scrape[$$"""edge_requests_total{distribution="{{Dist}}",behavior="/fn/*",status="2xx",cache="pass"}"""]);
        Assert.Equal(1, scrape[$$"""edge_requests_total{distribution="{{Dist}}",behavior="/fn/*",status="5xx",cache="error"}"""]);
        const string fn = "function=\"gen\",version=\"$LATEST\",event=\"viewer-request\"";
        Assert.Equal(4, scrape[$"edge_function_invocations_total{{{fn}}}"]);
        Assert.Equal(1, scrape[$"edge_function_errors_total{{{fn},kind=\"execution\"}}"]);
        Assert.Equal(0, scrape[$"edge_function_errors_total{{{fn},kind=\"validation\"}}"]);
        Assert.Equal(4, scrape[$"edge_function_duration_seconds_count{{{fn}}}"]);
        Assert.True(scrape[$"edge_function_init_duration_seconds_count{{{fn}}}"] >= 1);
        var originFetches = (await env.Origin.GetHitsAsync()).Total;
        Assert.Equal(3, originFetches);
        Assert.Equal(originFetches, scrape[$$"""edge_origin_request_duration_seconds_count{distribution="{{Dist}}"}"""]);
        Assert.Equal(3, scrape["edge_cache_entries"]);
        Assert.True(scrape["edge_cache_bytes"] > 0);
        Assert.True(scrape["""edge_function_isolates{function="gen",version="$LATEST",engine="v8",state="live"}"""] >= 1);
        Assert.True(scrape.Has("edge_snapshot_version"));
        Assert.Equal(0, scrape["edge_function_log_lines_dropped_total"]);
        Assert.True(scrape.Has("edge_function_log_lines_dropped_total"));
        Assert.Contains("# TYPE edge_origin_request_duration_seconds histogram", scrape.Text);
    }

    [Fact]
    public async Task Metrics_OriginRefusesConnection_TimedAndCountedAsError()
    {
        // Bound but not listening: connecting to it is refused, so no response headers ever come.
        using var closed = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token)
            .AddOrigin("down", ((IPEndPoint)closed.LocalEndPoint!).Port)
            .Bind("*", originId: "down")
            .StartAsync();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.BadGateway, (await env.Client.GetAsync($"/down/{i}")).StatusCode);
        }
        using var admin = AdminClient(env);

        var scrape = await MetricsScrape.GetAsync(admin);

        Assert.Equal(2, scrape[$$"""edge_origin_request_duration_seconds_count{distribution="{{Dist}}"}"""]);
        Assert.Equal(2, scrape[$$"""edge_requests_total{distribution="{{Dist}}",behavior="*",status="5xx",cache="error"}"""]);
    }

    [Fact]
    public async Task Metrics_ResponseBytes_CountsBodiesSent()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        long sent = 0;
        for (var i = 0; i < 3; i++)
        {
            sent += (await (await env.Client.GetAsync("/cacheable/bytes?cc=max-age=60")).Content.ReadAsByteArrayAsync()).Length;
        }
        using var admin = AdminClient(env);

        var scrape = await MetricsScrape.GetAsync(admin);

        Assert.True(sent > 0);
        Assert.Equal(sent, scrape[$$"""edge_response_bytes_total{distribution="{{Dist}}",behavior="*"}"""]);
    }

    [Fact]
    public async Task Metrics_ChunkedBodies_CountedAsTheyStream()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        // The miss streams the origin's chunked body on before its length is known; the hit has its length.
        var miss = await env.Client.GetAsync("/large?bytes=100000&chunked=true");
        var hit = await env.Client.GetAsync("/large?bytes=100000&chunked=true");
        // A POST passes the cache: its chunked body goes to the origin, and the origin's chunked answer back.
        using var upload = new HttpRequestMessage(HttpMethod.Post, "/echo/upload?chunked=true")
        {
            Content = new ByteArrayContent(new byte[30_000]),
        };
        upload.Headers.TransferEncodingChunked = true;
        var echo = await env.Client.SendAsync(upload);
        // (HttpClient makes up a Content-Length for a buffered body: how each came is in Transfer-Encoding.)
        Assert.True(miss.Headers.TransferEncodingChunked);
        Assert.NotEqual(true, hit.Headers.TransferEncodingChunked);
        Assert.True(echo.Headers.TransferEncodingChunked);
        long sent = 0;
        foreach (var response in (HttpResponseMessage[])[miss, hit, echo])
        {
            sent += (await response.Content.ReadAsByteArrayAsync()).Length;
        }
        using var admin = AdminClient(env);

        var scrape = await MetricsScrape.GetAsync(admin);

        Assert.Equal(30_000, scrape[$$"""edge_request_bytes_total{distribution="{{Dist}}",behavior="*"}"""]);
        Assert.Equal(sent, scrape[$$"""edge_response_bytes_total{distribution="{{Dist}}",behavior="*"}"""]);
    }

    [Fact]
    public async Task Metrics_OnTrafficPort_IsAnyViewerPath()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();

        var response = await env.Client.GetAsync("/metrics");

        Assert.True(response.Headers.Contains("X-Amz-Cf-Id"));
        Assert.DoesNotContain("edge_requests_total", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await env.Origin.GetHitsAsync()).For("/metrics"));
    }

    [Fact]
    public async Task Metrics_Disabled_NotServedAndHealthStillIs()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).WithMetrics("""{ "Enabled": false }""").Bind("*").StartAsync();
        await env.Client.GetAsync("/cacheable/x?cc=max-age=60");
        using var admin = AdminClient(env);

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/metrics")).StatusCode);
        Assert.Equal("ok", await admin.GetStringAsync("/healthz"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Health_ConfigFileNode_AliveAndReadyWithoutToken()
    {
        await using var env = await new EdgeTestEnvironment().WithAdmin(Token).Bind("*").StartAsync();
        using var admin = AdminClient(env);

        Assert.Equal("ok", await admin.GetStringAsync("/healthz"));
        var ready = await admin.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }
}
