using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>What a function can reach: its own files through <c>require</c>, and nothing of the node or .NET.</summary>
public sealed class SandboxTests
{
    [Fact]
    public async Task Require_OwnFilesAndJson_Work()
    {
        await using var env = await new EdgeTestEnvironment()
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

    [Fact]
    public async Task Require_Fs_Answers503AndLogsModuleNotFound()
    {
        await using var env = await new EdgeTestEnvironment()
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

    [Fact]
    public async Task Globals_HostAndDotNet_AreUnreachable()
    {
        await using var env = await new EdgeTestEnvironment()
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
        Assert.Equal("undefined", body.GetProperty("viaFunction").GetString());
        Assert.Equal("throws Cannot find module 'child_process'", body.GetProperty("childProcess").GetString());
        Assert.Equal("throws Cannot find module '../../edge.json'", body.GetProperty("parentModule").GetString());
    }
}
