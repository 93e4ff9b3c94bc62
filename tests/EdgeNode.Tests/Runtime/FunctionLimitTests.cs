using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// Hostile or runaway code hits a limit (timeout, memory, concurrency): the viewer gets CloudFront's
/// 503 LambdaLimitExceeded, and the node and other functions keep serving.
/// </summary>
public sealed class FunctionLimitTests
{
    private const string PassThrough = "exports.handler = async (event) => event.Records[0].cf.request;";

    /// <summary>Misbehaves on <c>/bad</c> only, so that the same function can be seen serving afterwards.</summary>
    private static string MisbehaveOnBad(string misbehaviour) => $$"""
        exports.handler = async (event) => {
          const request = event.Records[0].cf.request;
          if (request.uri === '/bad') { {{misbehaviour}} }
          return request;
        };
        """;

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_InfiniteLoop_Answers503LimitExceededWhileOtherFunctionsServe(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("loop", MisbehaveOnBad("while (true) {}"), """{ "timeout": 1 }""")
            .Function("healthy", PassThrough)
            .Bind("/bad", viewerRequest: "loop")
            .Bind("*", viewerRequest: "healthy")
            .StartAsync();

        var looping = env.Client.GetAsync("/bad");
        var served = new List<HttpStatusCode>();
        while (!looping.IsCompleted)
        {
            served.Add((await env.Client.GetAsync("/status/200")).StatusCode);
        }
        var response = await looping;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("LambdaLimitExceeded from edge", response.Header("X-Cache"));
        Assert.NotEmpty(served);
        Assert.All(served, status => Assert.Equal(HttpStatusCode.OK, status));
        var requestId = response.Header("X-Amz-Cf-Id")!;
        await env.Logs.WaitForAsync($"{requestId} viewer-request function loop exceeded a limit (Timeout)");
        await env.Logs.WaitForAsync("Task timed out after 1.00 seconds", LogCapture.FunctionLogs);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_InfiniteLoop_SameFunctionServesNextRequest(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("loop", MisbehaveOnBad("for (;;) {}"), """{ "timeout": 1 }""")
            .Bind("*", viewerRequest: "loop")
            .StartAsync();

        var looping = await env.Client.GetAsync("/bad");
        var after = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, looping.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private const string MemoryBomb = "const a = []; for (;;) a.push(new Array(1e6).fill(1));";

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_MemoryBomb_Answers503AndNodeKeepsServing(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("bomb", MisbehaveOnBad(MemoryBomb))
            .Function("healthy", PassThrough)
            .Bind("/echo*", viewerRequest: "healthy")
            .Bind("*", viewerRequest: "bomb")
            .StartAsync();

        var bombed = await env.Client.GetAsync("/bad");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, bombed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/status/200")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/echo")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await env.Client.GetAsync("/bad")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/status/200")).StatusCode);
    }

    [Theory]
    [InlineData(MemoryBomb, "v8")]
    [InlineData(MemoryBomb, "jint")]
    [InlineData("await null; " + MemoryBomb, "v8")]
    [InlineData("await null; " + MemoryBomb, "jint")]
    [InlineData("const a = []; for (;;) { try { a.push(new Array(1e6).fill(1)); } catch (e) { } }", "v8")]
    [InlineData("const a = []; for (;;) { try { a.push(new Array(1e6).fill(1)); } catch (e) { } }", "jint")]
    public async Task Invoke_MemoryBomb_Answers503LimitExceededAndStopsAtTheLimit(string bomb, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("bomb", MisbehaveOnBad(bomb))
            .Bind("*", viewerRequest: "bomb")
            .StartAsync();

        var bombed = await env.Client.GetAsync("/bad");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, bombed.StatusCode);
        Assert.Equal("LambdaLimitExceeded from edge", bombed.Header("X-Cache"));
        var requestId = bombed.Header("X-Amz-Cf-Id")!;
        await env.Logs.WaitForAsync($"{requestId} viewer-request function bomb exceeded a limit (MemoryLimit)");
        var report = await env.Logs.WaitForAsync($"REPORT RequestId: {requestId}", LogCapture.FunctionLogs);
        var used = int.Parse(System.Text.RegularExpressions.Regex.Match(report.Message, @"Max Memory Used: (\d+) MB").Groups[1].Value);
        Assert.InRange(used, 1, 512);
        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/status/200")).StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_RunawayRecursion_Answers503AndKeepsServing(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("recurse", MisbehaveOnBad("const f = (n) => f(n + 1) + 1; f(0);"))
            .Bind("*", viewerRequest: "recurse")
            .StartAsync();

        var recursed = await env.Client.GetAsync("/bad");
        var after = await env.Client.GetAsync("/status/200");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, recursed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_ConcurrencyLimitReached_Answers503Throttled(string engine)
    {
        // One isolate at most, and every request holds it until the timeout: of requests sent together,
        // one runs and the others find it busy.
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("single", MisbehaveOnBad("while (true) {}"), """{ "timeout": 1, "maxConcurrency": 1 }""")
            .Bind("*", viewerRequest: "single")
            .StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => env.Client.GetAsync("/bad")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        Assert.All(responses, r => Assert.Equal("LambdaLimitExceeded from edge", r.Header("X-Cache")));
        var ids = responses.Select(r => r.Header("X-Amz-Cf-Id")!).ToList();
        Assert.Contains(ids, id => env.Logs.Containing($"{id} viewer-request function single exceeded a limit (Throttled)").Count == 1);
        Assert.Contains(ids, id => env.Logs.Containing($"{id} viewer-request function single exceeded a limit (Timeout)").Count == 1);
        Assert.Equal(HttpStatusCode.OK, (await env.Client.GetAsync("/status/200")).StatusCode);
    }
}
