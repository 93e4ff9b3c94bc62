using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>An isolate is a Lambda execution environment: module scope survives between invocations of a warm isolate.</summary>
public sealed class FunctionIsolateTests
{
    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_SequentialRequests_ShareModuleScopeState(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("counter", """
                let n = 0;
                exports.handler = async () => { n++; return { status: '200', body: String(n) }; };
                """)
            .Bind("*", viewerRequest: "counter")
            .StartAsync();

        var bodies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            bodies.Add(await env.Client.GetStringAsync("/count"));
        }

        Assert.Equal(["1", "2", "3"], bodies);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_TwoFunctions_DoNotShareGlobals(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("writer", """
                globalThis.shared = 'written by writer';
                exports.handler = async () => ({ status: '200', body: String(globalThis.shared) });
                """)
            .Function("reader", "exports.handler = async () => ({ status: '200', body: String(globalThis.shared) });")
            .Bind("/writer", viewerRequest: "writer")
            .Bind("*", viewerRequest: "reader")
            .StartAsync();

        Assert.Equal("written by writer", await env.Client.GetStringAsync("/writer"));
        Assert.Equal("undefined", await env.Client.GetStringAsync("/reader"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_AfterALimitWasHit_StartsAFreshIsolate(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("counter", """
                let n = 0;
                exports.handler = async (event) => {
                  n++;
                  if (event.Records[0].cf.request.uri === '/loop') { for (;;) {} }
                  return { status: '200', body: String(n) };
                };
                """, """{ "timeout": 1 }""")
            .Bind("*", viewerRequest: "counter")
            .StartAsync();

        Assert.Equal("1", await env.Client.GetStringAsync("/count"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await env.Client.GetAsync("/loop")).StatusCode);
        Assert.Equal("1", await env.Client.GetStringAsync("/count"));
    }
}
