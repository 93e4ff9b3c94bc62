using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary>
/// Every validation error class of DESIGN §3: the viewer gets CloudFront's 502 with
/// <c>X-Cache: LambdaValidationError from edge</c> and the request id, the log names the offending field.
/// </summary>
public sealed class ValidationErrorTests
{
    private const string InvokerCategory = "EdgeCompute.EdgeNode.Pipeline.EdgeFunctionInvoker";

    public static TheoryData<string, string, string, string> RequestEventCases => new()
    {
        // A read-only header changed, a read-only field changed.
        { "viewer-request", "r.headers.host = [{ key: 'Host', value: 'evil.example' }]; return r;", "headers.host", "is read-only" },
        { "viewer-request", "r.headers.via = [{ key: 'Via', value: '1.1 someone' }]; return r;", "headers.via", "is read-only" },
        { "origin-request", "r.headers['if-none-match'] = [{ key: 'If-None-Match', value: '\"x\"' }]; return r;", "headers.if-none-match", "is read-only" },
        { "viewer-request", "r.method = 'POST'; return r;", "method", "is read-only" },
        // A disallowed header added.
        { "viewer-request", "r.headers['x-amz-cf-foo'] = [{ key: 'X-Amz-Cf-Foo', value: '1' }]; return r;", "headers.x-amz-cf-foo", "is a header functions may not add" },
        { "origin-request", "r.headers.connection = [{ key: 'Connection', value: 'close' }]; return r;", "headers.connection", "is a header functions may not add" },
        // A status outside 200–599, or not a status at all.
        { "viewer-request", "return { status: '99' };", "status", "\"99\" is not a status code" },
        { "viewer-request", "return { status: 600 };", "status", "600 is not a status code" },
        { "origin-request", "return { status: 'abc' };", "status", "\"abc\" is not a status code" },
        // An oversize generated response (40 KB in viewer events).
        { "viewer-request", "return { status: '200', body: 'x'.repeat(41 * 1024) };", "body", "the generated response is" },
        // Not an object.
        { "viewer-request", "return 'a string';", "the result", "is string, not an object" },
        { "origin-request", "return null;", "the result", "is null, not an object" },
        // Bad characters in a header value, and a uri without its leading slash.
        { "viewer-request", "r.headers['x-bad'] = [{ key: 'X-Bad', value: 'a\\r\\nInjected: 1' }]; return r;", "headers.x-bad", "contains CR, LF, a control or a non-ASCII character" },
        { "viewer-request", "r.headers['x-bad'] = [{ key: 'X-Bad', value: 'caf\u00e9' }]; return r;", "headers.x-bad", "contains CR, LF, a control or a non-ASCII character" },
        { "viewer-request", "return { status: '200', headers: { 'x-bad': [{ value: 'a\\u0001b' }] } };", "headers.x-bad", "contains CR, LF, a control or a non-ASCII character" },
        { "viewer-request", "return { status: '200', statusDescription: 'Tr\u00e8s bien' };", "statusDescription", "is not a single-line ASCII string" },
        { "viewer-request", "r.uri = 'no-leading-slash'; return r;", "uri", "\"no-leading-slash\" is not a string starting with '/'" },
        { "viewer-request", "r.uri = '/caf\u00e9'; return r;", "uri", "is not a string starting with '/' without spaces, control or non-ASCII characters" },
        { "origin-request", "r.querystring = 'q=caf\u00e9'; return r;", "querystring", "\"q=caf\u00e9\" is not a string without spaces, control or non-ASCII characters" },
        // Bad field types.
        { "viewer-request", "r.headers['x-num'] = [{ key: 'X-Num', value: 42 }]; return r;", "headers.x-num[0].value", "is missing or not a string" },
        { "origin-request", "r.querystring = 7; return r;", "querystring", "7 is not a string" },
        { "origin-request", "r.origin.custom.port = String(r.origin.custom.port); return r;", "origin.custom.port", "is not an integer" },
        { "origin-request", "r.headers.host = [{ key: 'Host', value: 'not a host' }]; return r;", "headers.host", "'not a host' is not one host name" },
        { "origin-request", "r.headers.host = [{ key: 'Host', value: 'a.example' }, { key: 'Host', value: 'b.example' }]; return r;", "headers.host", "'a.example, b.example' is not one host name" },
        { "origin-request", "r.origin = { custom: { domainName: 'not a host', port: 80, protocol: 'http' } }; return r;", "origin.custom.domainName", "'not a host' is not a host name" },
        { "origin-request", "r.origin = { custom: { domainName: 'example.org' }, s3: { domainName: 'example.org' } }; return r;", "origin", "must have exactly one of 'custom' or 's3'" },
    };

    public static TheoryData<string, string, string, string> ResponseEventCases => new()
    {
        { "origin-response", "r.status = 'abc'; return r;", "status", "\"abc\" is not a status code" },
        { "origin-response", "r.headers['x-cache'] = [{ key: 'X-Cache', value: 'Hit' }]; return r;", "headers.x-cache", "is a header functions may not add" },
        { "origin-response", "return 'a string';", "the result", "is string, not an object" },
        { "viewer-response", "r.headers.warning = [{ key: 'Warning', value: '199 - x' }]; return r;", "headers.warning", "is read-only" },
        { "viewer-response", "r.headers['x-bad'] = [{ key: 'X-Bad', value: 'a\\nb' }]; return r;", "headers.x-bad", "contains CR, LF, a control or a non-ASCII character" },
        { "viewer-response", "r.headers['x-bad'] = [{ key: 'X-Bad', value: 'caf\u00e9' }]; return r;", "headers.x-bad", "contains CR, LF, a control or a non-ASCII character" },
        { "origin-response", "r.headers['x-bad'] = [{ key: 'X-Bad', value: 'a\\u007fb' }]; return r;", "headers.x-bad", "contains CR, LF, a control or a non-ASCII character" },
        { "viewer-response", "return null;", "the result", "is null, not an object" },
    };

    [Theory]
    [MemberData(nameof(RequestEventCases))]
    public async Task RequestEvent_InvalidResult_Answers502AndLogsTheField(string eventType, string body, string field, string problem)
    {
        var code = "exports.handler = async (event) => { const r = event.Records[0].cf.request; " + body + " };";
        await using var env = await new EdgeTestEnvironment()
            .Function("invalid", code)
            .Bind("*", viewerRequest: eventType == "viewer-request" ? "invalid" : null, originRequest: eventType == "origin-request" ? "invalid" : null)
            .StartAsync();

        var response = await env.Client.GetAsync("/echo");

        await AssertValidationErrorAsync(env, response, eventType, field, problem);
        Assert.Equal(0, (await env.Origin.GetHitsAsync()).Total);
    }

    [Theory]
    [MemberData(nameof(ResponseEventCases))]
    public async Task ResponseEvent_InvalidResult_Answers502AndLogsTheField(string eventType, string body, string field, string problem)
    {
        var code = "exports.handler = async (event) => { const r = event.Records[0].cf.response; " + body + " };";
        await using var env = await new EdgeTestEnvironment()
            .Function("invalid", code)
            .Bind("*", originResponse: eventType == "origin-response" ? "invalid" : null, viewerResponse: eventType == "viewer-response" ? "invalid" : null)
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        await AssertValidationErrorAsync(env, response, eventType, field, problem);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task OriginRequest_GeneratedResponseOver40Kb_IsWithinTheOriginLimit(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("big", "exports.handler = async () => ({ status: '200', body: 'x'.repeat(100 * 1024) });")
            .Bind("*", originRequest: "big")
            .StartAsync();

        var response = await env.Client.GetAsync("/big");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100 * 1024, (await response.Content.ReadAsByteArrayAsync()).Length);
    }

    private static async Task AssertValidationErrorAsync(EdgeTestEnvironment env, HttpResponseMessage response, string eventType, string field, string problem)
    {
        var requestId = response.Header("X-Amz-Cf-Id");
        Assert.NotNull(requestId);
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("LambdaValidationError from edge", response.Header("X-Cache"));
        Assert.Contains(requestId, await response.Content.ReadAsStringAsync());
        var entry = await env.Logs.WaitForAsync(e => e.Category == InvokerCategory && e.Message.Contains(requestId), "naming the request");
        Assert.Contains(field, entry.Message);
        Assert.Contains(problem, entry.Message);
        Assert.Contains($"{eventType} function invalid returned an invalid result", entry.Message);
    }
}
