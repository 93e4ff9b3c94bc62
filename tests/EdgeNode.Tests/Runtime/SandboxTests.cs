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
        Assert.Equal("object", body.GetProperty("process").GetString());
        Assert.Equal("undefined", body.GetProperty("importNamespace").GetString());
        Assert.Equal("undefined", body.GetProperty("constructorEscape").GetString());
        Assert.Equal("", body.GetProperty("clrGlobals").GetString());
        Assert.Equal("undefined", body.GetProperty("viaFunction").GetString());
        Assert.Equal("throws Cannot find module 'child_process'", body.GetProperty("childProcess").GetString());
        Assert.Equal("throws Cannot find module '../../edge.json'", body.GetProperty("parentModule").GetString());
    }

    [Fact]
    public async Task Require_CyclesAndNodeModules_ResolveAsNodeDoes()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("cycles", """
                const a = require('./a');
                const lib = require('lib');
                exports.handler = async () => ({ status: '200', body: [a.fromB, a.done, lib.name, require('lib/package.json').version].join(' ') });
                """)
            .File("functions/cycles/a.js", "exports.done = false; const b = require('./b'); exports.fromB = b.sawA; exports.done = true;")
            .File("functions/cycles/b.js", "const a = require('./a'); exports.sawA = 'b-saw-done=' + a.done;")
            .File("functions/cycles/node_modules/lib/package.json", """{ "name": "lib", "version": "1.2.3", "main": "src/main.js" }""")
            .File("functions/cycles/node_modules/lib/src/main.js", "exports.name = require('./name.json').n;")
            .File("functions/cycles/node_modules/lib/src/name.json", """{ "n": "lib-main" }""")
            .Bind("*", viewerRequest: "cycles")
            .StartAsync();

        Assert.Equal("b-saw-done=false true lib-main 1.2.3", await env.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task BuiltinModules_ExposeNoDotNetObject()
    {
        // The bridge holds the node's host object (crypto, randomness, module sources); a function
        // must reach none of it: no global, nothing through the modules, errors or prototypes.
        await using var env = await new EdgeTestEnvironment()
            .Function("probe", """
                function attempt(f) { try { return String(f()); } catch (e) { return 'throws ' + e.constructor.name; } }
                exports.handler = async () => {
                  const crypto = require('crypto'), util = require('util'), buffer = require('buffer');
                  crypto.createHash('sha256').update('x').digest('hex');
                  const found = [];
                  const seen = new Set();
                  // Every value reachable from the globals and the built-ins, own properties and prototypes.
                  function walk(v, path, depth) {
                    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v) || depth > 6) return;
                    seen.add(v);
                    if (typeof v.GetType === 'function' || typeof v.getType === 'function' || 'Method' in v) found.push(path);
                    for (const k of Reflect.ownKeys(v)) {
                      let d;
                      try { d = Object.getOwnPropertyDescriptor(v, k); } catch (e) { continue; }
                      if (d && 'value' in d) walk(d.value, path + '.' + String(k), depth + 1);
                    }
                    walk(Object.getPrototypeOf(v), path + '.__proto__', depth + 1);
                  }
                  const globals = {};
                  for (const k of Reflect.ownKeys(globalThis)) { try { globals[String(k)] = globalThis[k]; } catch (e) {} }
                  walk(globals, 'global', 0);
                  ['buffer', 'crypto', 'events', 'path', 'querystring', 'string_decoder', 'timers', 'url', 'util'].forEach((m) => walk(require(m), m, 0));
                  return {
                    status: '200',
                    body: JSON.stringify({
                      found: found,
                      edgeHost: typeof globalThis.__edgeHost,
                      edgeBridge: typeof globalThis.__edgeBridge,
                      badInput: attempt(() => crypto.createHash('sha256').update({}).digest('hex')),
                      hashOfHuge: attempt(() => crypto.randomBytes(-1)),
                    }),
                  };
                };
                """)
            .Bind("*", viewerRequest: "probe")
            .StartAsync();

        var body = JsonElement.Parse(await env.Client.GetStringAsync("/"));

        Assert.Equal("[]", body.GetProperty("found").GetRawText());
        Assert.Equal("undefined", body.GetProperty("edgeHost").GetString());
        Assert.Equal("undefined", body.GetProperty("edgeBridge").GetString());
        Assert.Equal("throws TypeError", body.GetProperty("badInput").GetString());
        Assert.Equal("throws RangeError", body.GetProperty("hashOfHuge").GetString());
    }
}
