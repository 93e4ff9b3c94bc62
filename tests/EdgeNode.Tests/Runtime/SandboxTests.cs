using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>What a function can reach: its own files through <c>require</c>, and nothing of the node or .NET.</summary>
public sealed class SandboxTests
{
    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Require_OwnFilesAndJson_Work(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("modular", """
                const util = require('./lib/util.js');
                const same = require('./lib/util');
                const data = require('./data.json');
                exports.handler = async () => ({ status: '200', body: util.shout(data.greeting) + (util === same ? ' once' : ' twice') });
                """)
            .File("functions/modular/lib/util.js", "exports.shout = (s) => s.toUpperCase() + '!';")
            .File("functions/modular/data.json", """{ "greeting": "hello" }""")
            .Bind("*", viewerRequest: "modular")
            .StartAsync();

        Assert.Equal("HELLO! once", await env.Client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Require_Fs_Answers503AndLogsModuleNotFound(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("wants-fs", """
                exports.handler = async () => {
                  const fs = require('fs');
                  return { status: '200', body: String(fs.readFileSync('/etc/passwd')) };
                };
                """)
            .Bind("*", viewerRequest: "wants-fs")
            .StartAsync();

        var response = await env.Client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("LambdaExecutionError from edge", response.Header("X-Cache"));
        await env.Logs.WaitForAsync("Cannot find module 'fs'");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Globals_HostAndDotNet_AreUnreachable(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("probe", """
                function attempt(f) { try { return String(f()); } catch (e) { return 'throws ' + e.message; } }
                exports.handler = async () => ({
                  status: '200',
                  body: JSON.stringify({
                    host: typeof host,
                    clr: typeof clr,
                    system: typeof System,
                    xhost: typeof xHost,
                    process: typeof process,
                    importNamespace: typeof importNamespace,
                    constructorEscape: attempt(() => typeof (function () {}).constructor('return this')().System),
                    clrGlobals: Object.getOwnPropertyNames(globalThis).filter((n) => /clr|host|system|importnamespace|jint|dotnet/i.test(n)).join(','),
                    viaFunction: attempt(() => typeof Function('return this')().host),
                    childProcess: attempt(() => typeof require('child_process')),
                    parentModule: attempt(() => typeof require('../../edge.json')),
                  }),
                });
                """)
            .Bind("*", viewerRequest: "probe")
            .StartAsync();

        var body = JsonElement.Parse(await env.Client.GetStringAsync("/"));

        Assert.Equal("undefined", body.GetProperty("host").GetString());
        Assert.Equal("undefined", body.GetProperty("clr").GetString());
        Assert.Equal("undefined", body.GetProperty("system").GetString());
        Assert.Equal("undefined", body.GetProperty("xhost").GetString());
        Assert.Equal("undefined", body.GetProperty("process").GetString());
        Assert.Equal("undefined", body.GetProperty("importNamespace").GetString());
        Assert.Equal("undefined", body.GetProperty("constructorEscape").GetString());
        Assert.Equal("", body.GetProperty("clrGlobals").GetString());
        Assert.Equal("undefined", body.GetProperty("viaFunction").GetString());
        Assert.Equal("throws Cannot find module 'child_process'", body.GetProperty("childProcess").GetString());
        Assert.Equal("throws Cannot find module '../../edge.json'", body.GetProperty("parentModule").GetString());
    }
}
