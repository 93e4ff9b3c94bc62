using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>A function that throws, rejects or calls back with an error: CloudFront's 503 execution error, logged.</summary>
public sealed class ExecutionErrorTests
{
    [Theory]
    [InlineData("viewer-request", "exports.handler = async () => { throw new Error('thrown on purpose'); };", "v8")]
    [InlineData("viewer-request", "exports.handler = async () => { throw new Error('thrown on purpose'); };", "jint")]
    [InlineData("viewer-request", "exports.handler = (event, context, callback) => { throw new TypeError('thrown on purpose'); };", "v8")]
    [InlineData("viewer-request", "exports.handler = (event, context, callback) => { throw new TypeError('thrown on purpose'); };", "jint")]
    [InlineData("viewer-request", "exports.handler = (event, context, callback) => callback(new Error('thrown on purpose'));", "v8")]
    [InlineData("viewer-request", "exports.handler = (event, context, callback) => callback(new Error('thrown on purpose'));", "jint")]
    [InlineData("viewer-request", "exports.handler = () => Promise.reject(new Error('thrown on purpose'));", "v8")]
    [InlineData("viewer-request", "exports.handler = () => Promise.reject(new Error('thrown on purpose'));", "jint")]
    [InlineData("origin-request", "exports.handler = async () => { await null; throw new Error('thrown on purpose'); };", "v8")]
    [InlineData("origin-request", "exports.handler = async () => { await null; throw new Error('thrown on purpose'); };", "jint")]
    [InlineData("origin-response", "exports.handler = (event, context) => context.fail(new Error('thrown on purpose'));", "v8")]
    [InlineData("origin-response", "exports.handler = (event, context) => context.fail(new Error('thrown on purpose'));", "jint")]
    [InlineData("viewer-response", "exports.handler = async () => { throw new Error('thrown on purpose'); };", "v8")]
    [InlineData("viewer-response", "exports.handler = async () => { throw new Error('thrown on purpose'); };", "jint")]
    public async Task Invoke_FunctionFails_Answers503ExecutionErrorAndLogsIt(string eventType, string code, string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("failing", code)
            .Bind("*",
                viewerRequest: eventType == "viewer-request" ? "failing" : null,
                originRequest: eventType == "origin-request" ? "failing" : null,
                originResponse: eventType == "origin-response" ? "failing" : null,
                viewerResponse: eventType == "viewer-response" ? "failing" : null)
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        var requestId = response.Header("X-Amz-Cf-Id")!;
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("LambdaExecutionError from edge", response.Header("X-Cache"));
        Assert.Contains(requestId, await response.Content.ReadAsStringAsync());
        var logged = await env.Logs.WaitForAsync($"{requestId} {eventType} function failing failed:");
        Assert.Contains("thrown on purpose", logged.Message);
        await env.Logs.WaitForAsync(e => e.Category == LogCapture.FunctionLogs && e.Message.Contains(requestId) &&
            e.Message.Contains("Invoke Error") && e.Message.Contains("thrown on purpose"), "with the function's Invoke Error");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_ModuleThrowsAtLoad_Answers503AndRetriesOnNextRequest(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("broken-init", "throw new Error('init failed on purpose');\nexports.handler = async (e) => e.Records[0].cf.request;")
            .Bind("*", viewerRequest: "broken-init")
            .StartAsync();

        var first = await env.Client.GetAsync("/echo");
        var second = await env.Client.GetAsync("/echo");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Equal("LambdaExecutionError from edge", second.Header("X-Cache"));
        Assert.NotEmpty(env.Logs.Containing("init failed on purpose"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_HandlerNotExported_Answers503HandlerNotFound(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("no-handler", "exports.other = async (e) => e.Records[0].cf.request;")
            .Bind("*", viewerRequest: "no-handler")
            .StartAsync();

        var response = await env.Client.GetAsync("/echo");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("LambdaExecutionError from edge", response.Header("X-Cache"));
        await env.Logs.WaitForAsync("Runtime.HandlerNotFound");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_HandlerNotExported_NamesTheHandlerAsConfigured(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("no-handler", "exports.other = async (e) => e.Records[0].cf.request;")
            .Bind("*", viewerRequest: "no-handler")
            .StartAsync();

        await env.Client.GetAsync("/echo");

        await env.Logs.WaitForAsync("Runtime.HandlerNotFound: index.handler is undefined or not exported");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_CallbackAndPromiseBothComplete_FirstWins(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("both", """
                exports.handler = async (event, context, callback) => {
                  callback(null, { status: '200', body: 'callback' });
                  return { status: '200', body: 'promise' };
                };
                """)
            .Bind("*", viewerRequest: "both")
            .StartAsync();

        var response = await env.Client.GetAsync("/");

        Assert.Equal("callback", await response.Content.ReadAsStringAsync());
    }
}
