using System.Net;
using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>
/// Node's built-in modules and globals as a function sees them, end to end through the node: each
/// function returns what it computed as JSON, checked against known answers (RFC and NIST test
/// vectors, Node's own output).
/// </summary>
public sealed class NodeBuiltinsTests
{
    /// <summary>Runs <paramref name="body"/> (the inside of an async handler returning a JSON-able value) and returns its result.</summary>
    private static async Task<JsonElement> RunAsync(string engine, string body, string? settings = null)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("probe", "exports.handler = async (event) => {\n" + body + "\n};\n" +
                "const __run = exports.handler; exports.handler = async (e) => ({ status: '200', body: JSON.stringify(await __run(e)) });",
                settings)
            .Bind("*", viewerRequest: "probe")
            .StartAsync();
        var response = await env.Client.GetAsync("/");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}\n{env.Logs.Dump()}");
        return JsonElement.Parse(text);
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToArray();

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Crypto_CreateHash_KnownDigestsInEveryEncoding(string engine)
    {
        var r = await RunAsync(engine, """
            const crypto = require('crypto');
            const h = (alg, enc) => crypto.createHash(alg).update('abc').digest(enc);
            return [
              h('md5', 'hex'), h('sha1', 'hex'), h('sha256', 'hex'), h('sha512', 'hex'),
              h('sha256', 'base64'), h('sha256', 'base64url'), Buffer.isBuffer(h('sha256')) && h('sha256').length,
              crypto.createHash('sha256').update('a').update(Buffer.from('bc')).digest('hex'),
              crypto.createHash('sha256').update('').digest('hex'),
              require('node:crypto') === crypto,
              (() => { try { crypto.createHash('whirlpool'); return 'no error'; } catch (e) { return e.message; } })(),
            ];
            """);

        Assert.Equal([
            "900150983cd24fb0d6963f7d28e17f72",
            "a9993e364706816aba3e25717850c26c9cd0d89d",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=",
            "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0",
            "32",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "true",
            "Digest method not supported",
        ], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Crypto_CreateHmac_Rfc4231TestVectors(string engine)
    {
        var r = await RunAsync(engine, """
            const { createHmac } = require('node:crypto');
            return [
              // RFC 4231 test case 1: key 20 x 0x0b, "Hi There"
              createHmac('sha256', Buffer.alloc(20, 0x0b)).update('Hi There').digest('hex'),
              createHmac('sha512', Buffer.alloc(20, 0x0b)).update('Hi There').digest('hex'),
              // test case 2: key "Jefe"
              createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex'),
              // test case 6: a key longer than the block size
              createHmac('sha256', Buffer.alloc(131, 0xaa)).update('Test Using Larger Than Block-Size Key - Hash Key First').digest('hex'),
              createHmac('sha1', 'key').update('The quick brown fox jumps over the lazy dog').digest('base64'),
            ];
            """);

        Assert.Equal([
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
            "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
            "3nybhbi3iqa8ino29wqQcBydtNk=",
        ], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Crypto_RandomnessAndTimingSafeEqual_Work(string engine)
    {
        var r = await RunAsync(engine, """
            const crypto = require('crypto');
            const a = crypto.randomBytes(16), b = crypto.randomBytes(100000);
            const uuid = crypto.randomUUID();
            let lengthError;
            try { crypto.timingSafeEqual(Buffer.from('a'), Buffer.from('ab')); } catch (e) { lengthError = e.code; }
            return {
              a: a.length, b: b.length, differ: !a.equals(crypto.randomBytes(16)),
              uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid),
              globalUuid: /^[0-9a-f-]{36}$/.test(globalThis.crypto.randomUUID()),
              values: globalThis.crypto.getRandomValues(new Uint32Array(4)).length,
              int: [0, 1, 2, 3, 4, 5, 6, 7].every(() => { const n = crypto.randomInt(5, 10); return n >= 5 && n < 10; }),
              same: crypto.timingSafeEqual(Buffer.from('secret'), Buffer.from('secret')),
              different: crypto.timingSafeEqual(Buffer.from('secret'), Buffer.from('secreT')),
              lengthError: lengthError,
            };
            """);

        Assert.Equal("""{"a":16,"b":100000,"differ":true,"uuid":true,"globalUuid":true,"values":4,"int":true,"same":true,"different":false,"lengthError":"ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH"}""", r.GetRawText());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Buffer_Encodings_RoundTrip(string engine)
    {
        var r = await RunAsync(engine, """
            const { Buffer: B } = require('buffer');
            return [
              B === Buffer,
              Buffer.from('héllo wörld').toString('base64'),
              Buffer.from('aMOpbGxvIHfDtnJsZA==', 'base64').toString('utf8'),
              Buffer.from('subjects?_d>>').toString('base64url'),
              Buffer.from('c3ViamVjdHM_X2Q-Pg', 'base64url').toString(),
              Buffer.from('ÿé', 'latin1').toString('hex'),
              Buffer.from('e9ff', 'hex').toString('latin1'),
              Buffer.from([0xe2, 0x82, 0xac]).toString(),
              Buffer.byteLength('€'),
              Buffer.concat([Buffer.from('ab'), Buffer.from('cd')]).toString(),
              JSON.stringify(Buffer.from('hi')),
              Buffer.from('hello').subarray(1, 3).toString(),
              Buffer.alloc(4).writeUInt32BE(0xdeadbeef, 0) && Buffer.from([1, 2, 3, 4]).readUInt16LE(0),
              Buffer.from('abc').equals(Buffer.from('abc')),
            ];
            """);

        Assert.Equal([
            "true", "aMOpbGxvIHfDtnJsZA==", "héllo wörld", "c3ViamVjdHM_X2Q-Pg", "subjects?_d>>", "ffe9", "éÿ", "€", "3", "abcd",
            """{"type":"Buffer","data":[104,105]}""", "el", "513", "true",
        ], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task AtobBtoaAndTextEncoding_NonAscii_RoundTrip(string engine)
    {
        var r = await RunAsync(engine, """
            const text = 'Grüße, 世界 😀';
            const bytes = new TextEncoder().encode(text);
            let bad;
            try { btoa('€'); } catch (e) { bad = e.name; }
            return [
              btoa('hello world'), atob('aGVsbG8gd29ybGQ='), atob(' aGVs bG8 '),
              bytes.length, Array.from(bytes.slice(2, 4)).join(','),
              new TextDecoder().decode(bytes) === text,
              new TextDecoder('utf-8').decode(new Uint8Array([0x61, 0xff, 0x62])),
              new (require('util').TextDecoder)('utf-16le').decode(new Uint8Array([0x41, 0, 0x42, 0])),
              bad,
            ];
            """);

        Assert.Equal(["aGVsbG8gd29ybGQ=", "hello world", "hello", "20", "195,188", "true", "a\uFFFDb", "AB", "InvalidCharacterError"], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Querystring_ParseAndStringify_NodeEdgeCases(string engine)
    {
        var r = await RunAsync(engine, """
            const qs = require('querystring');
            return [
              qs.parse('a=1&b=2&a=3'),
              qs.parse('x+y=1+2&&=v&empty&bad=%E0%A4%A&ok=%E2%82%AC'),
              qs.parse('a:1;b:2', ';', ':'),
              qs.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }),
              Object.getPrototypeOf(qs.parse('a=1')) === null,
              qs.stringify({ a: [1, 'x y'], b: true, c: null, d: undefined, e: {}, f: 'é&=', g: NaN }),
              qs.stringify({ w: 'x' }, ';', ':'),
              qs.escape('a b/ü'), qs.unescape('%zz%41'),
            ];
            """);

        Assert.Equal([
            """{"a":["1","3"],"b":"2"}""",
            """{"x y":"1 2","":"v","empty":"","bad":"�%A","ok":"€"}""",
            """{"a":"1","b":"2"}""",
            """{"a":"1","b":"2"}""",
            "true",
            "a=1&a=x%20y&b=true&c=&d=&e=&f=%C3%A9%26%3D&g=",
            "w:x",
            "a%20b%2F%C3%BC", "%zzA",
        ], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Url_WhatwgUrlAndSearchParams_ParseResolveAndSerialize(string engine)
    {
        var r = await RunAsync(engine, """
            const { URL: U, URLSearchParams: P } = require('url');
            const u = new URL('HTTPS://user:pa%20ss@Example.COM:443/a/./b/../c d?q=1&q=2&x=y z#frag');
            const p = u.searchParams;
            p.append('n', 'é&=');
            p.delete('x');
            const rel = new URL('../other?k=v', 'http://h.example:8080/dir/sub/page');
            let invalid;
            try { new URL('not a url'); } catch (e) { invalid = e.code; }
            const sp = new URLSearchParams({ b: '2', a: 'x y' });
            sp.sort();
            return [
              U === URL && P === URLSearchParams,
              u.protocol, u.username, u.password, u.host, u.port, u.pathname, u.hash, u.origin,
              p.getAll('q').join('|'), u.href,
              rel.href, rel.port,
              new URL('http://[2001:db8:0:0:1:0:0:1]:80/').host,
              new URL('http://0x7f.1/').hostname,
              new URL('http://münchen.de/').hostname,
              invalid, sp.toString(), [...new URLSearchParams('?a=1+2&b=%zz&&c')].join(';'),
            ];
            """);

        Assert.Equal([
            "true", "https:", "user", "pa%20ss", "example.com", "", "/a/c%20d", "#frag", "https://example.com",
            "1|2", "https://user:pa%20ss@example.com/a/c%20d?q=1&q=2&n=%C3%A9%26%3D#frag",
            "http://h.example:8080/dir/other?k=v", "8080",
            "[2001:db8::1:0:0:1]", "127.0.0.1", "xn--mnchen-3ya.de",
            "ERR_INVALID_URL", "a=x+y&b=2", "a,1 2;b,%zz;c,",
        ], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Url_LegacyParseAndFormat_MatchNode(string engine)
    {
        var r = await RunAsync(engine, """
            const url = require('url');
            const p = url.parse('http://user:pw@Host.com:8080/p/a/t/h?query=string#hash', true);
            return [
              p.protocol, p.auth, p.host, p.port, p.hostname, p.hash, p.search, p.query, p.pathname, p.path, p.href,
              url.parse('/just/path?x=1&x=2').query,
              url.format({ protocol: 'https', hostname: 'example.com', pathname: '/some/path', query: { page: 1, format: 'json' } }),
              url.format(new URL('https://a.example/x?y#z')),
              url.resolve('http://example.com/one/two', '../three'),
            ];
            """);

        Assert.Equal([
            "http:", "user:pw", "host.com:8080", "8080", "host.com", "#hash", "?query=string", """{"query":"string"}""", "/p/a/t/h",
            "/p/a/t/h?query=string", "http://user:pw@host.com:8080/p/a/t/h?query=string#hash",
            "x=1&x=2", "https://example.com/some/path?page=1&format=json", "https://a.example/x?y#z", "http://example.com/three",
        ], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Util_FormatInspectPromisify_MatchNode(string engine)
    {
        var r = await RunAsync(engine, """
            const util = require('util');
            const circular = { name: 'c' };
            circular.self = circular;
            const delayed = util.promisify((a, b, cb) => setTimeout(() => cb(null, a + b), 1));
            const failing = util.promisify((cb) => cb(new Error('nope')));
            return [
              util.format('%s %d %j', 'a', 42, { x: 1 }),
              util.format('%s:%i%%', 'n', '42.9', 'extra', { y: [1] }),
              util.inspect({ a: 1, b: 'two', c: [1, 2, 3], d: { e: { f: { g: 1 } } } }),
              util.inspect(new Map([['k', { v: 1 }]])) + ' ' + util.inspect(new Set([1, 'x'])),
              util.inspect(circular),
              util.inspect([null, undefined, 10n, Symbol('s'), function foo() {}, new Date(0)]),
              util.inspect({ 'a-b': "it's", long: 'x'.repeat(70) }),
              await delayed(2, 3),
              await failing().catch((e) => 'rejected: ' + e.message),
            ];
            """);

        Assert.Equal([
            "a 42 {\"x\":1}",
            "n:42% extra { y: [ 1 ] }",
            "{ a: 1, b: 'two', c: [ 1, 2, 3 ], d: { e: { f: [Object] } } }",
            "Map(1) { 'k' => { v: 1 } } Set(2) { 1, 'x' }",
            "{ name: 'c', self: [Circular *1] }",
            "[\n  null,\n  undefined,\n  10n,\n  Symbol(s),\n  [Function: foo],\n  1970-01-01T00:00:00.000Z\n]",
            "{\n  'a-b': \"it's\",\n  long: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n}",
            "5",
            "rejected: nope",
        ], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task PathAndEvents_MatchNode(string engine)
    {
        var r = await RunAsync(engine, """
            const path = require('path');
            const EventEmitter = require('events');
            const { once } = require('node:events');
            const e = new EventEmitter();
            const seen = [];
            e.on('x', (v) => seen.push('on ' + v));
            e.once('x', (v) => seen.push('once ' + v));
            e.emit('x', 1);
            e.emit('x', 2);
            setTimeout(() => e.emit('later', 'done'), 1);
            const [later] = await once(e, 'later');
            return [
              path.join('/a', 'b', '../c', './d.js'), path.resolve('x/y', '..', 'z'), path.basename('/a/b/file.html', '.html'),
              path.dirname('/a/b/c'), path.extname('archive.tar.gz'), path.normalize('/a//b/../c/.'), path.relative('/a/b/c', '/a/d'),
              path.posix === path, path.sep,
              seen.join(','), e.listenerCount('x'), later,
            ];
            """);

        Assert.Equal(["/a/c/d.js", "/var/task/x/z", "file", "/a/b", ".gz", "/a/c", "../../d", "true", "/", "on 1,once 1,on 2", "1", "done"], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task StructuredCloneAndQueueMicrotask_Work(string engine)
    {
        var r = await RunAsync(engine, """
            const original = { date: new Date(86400000), map: new Map([['k', { deep: [1, { x: 2 }] }]]), set: new Set([1]), bytes: new Uint8Array([1, 2]) };
            original.self = original;
            const copy = structuredClone(original);
            let fnError;
            try { structuredClone({ f() {} }); } catch (e) { fnError = e.name; }
            const order = [];
            queueMicrotask(() => order.push('microtask'));
            order.push('sync');
            await null;
            return [
              copy !== original, copy.self === copy, copy.date instanceof Date, copy.date.toISOString(),
              copy.map.get('k').deep[1].x, copy.map.get('k') !== original.map.get('k'), copy.set.has(1), Array.from(copy.bytes).join(','),
              fnError, order.join(','),
            ];
            """);

        Assert.Equal(["true", "true", "true", "1970-01-02T00:00:00.000Z", "2", "true", "true", "1,2", "DataCloneError", "sync,microtask"], Strings(r));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Timers_InsideAnAsyncHandler_RunBeforeTheResult(string engine)
    {
        var r = await RunAsync(engine, """
            const order = [];
            const started = Date.now();
            await new Promise((resolve) => setTimeout(resolve, 20));
            setImmediate(() => order.push('immediate'));
            const t = setTimeout(() => order.push('cancelled'), 5);
            clearTimeout(t);
            setTimeout(() => order.push('b'), 10);
            setTimeout(() => order.push('a'), 2);
            let ticks = 0;
            const i = setInterval(() => { if (++ticks === 3) clearInterval(i); }, 1);
            await new Promise((resolve) => setTimeout(resolve, 30));
            const { setTimeout: st } = require('timers');
            await new Promise((resolve) => st(resolve, 1));
            return { waited: Date.now() - started >= 45, order: order.join(','), ticks: ticks };
            """);

        Assert.Equal("""{"waited":true,"order":"immediate,a,b","ticks":3}""", r.GetRawText());
    }

    [Fact]
    public async Task Timers_CallbackStyleHandlerCallingBackFromATimer_Completes()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("later", """
                exports.handler = (event, context, callback) => {
                  setTimeout(() => callback(null, { status: '200', body: 'from a timer' }), 5);
                };
                """)
            .Bind("*", viewerRequest: "later")
            .StartAsync();

        Assert.Equal("from a timer", await env.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Timers_PastTheTimeout_AreALimitAndAThrowingTimerAnExecutionError()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("slow", "exports.handler = async () => { await new Promise((r) => setTimeout(r, 5000)); return { status: '200' }; };", """{ "timeout": 1 }""")
            .Function("throws", "exports.handler = async () => { setTimeout(() => { throw new TypeError('timer broke'); }, 1); await new Promise(() => {}); };")
            .Bind("/slow", viewerRequest: "slow")
            .Bind("*", viewerRequest: "throws")
            .StartAsync();

        var slow = await env.Client.GetAsync("/slow");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, slow.StatusCode);
        Assert.Equal("LambdaLimitExceeded from edge", slow.Header("X-Cache"));

        var throws = await env.Client.GetAsync("/throws");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, throws.StatusCode);
        Assert.Equal("LambdaExecutionError from edge", throws.Header("X-Cache"));
        await env.Logs.WaitForAsync("timer broke");
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Require_MissingModules_FailLikeNode(string engine)
    {
        var r = await RunAsync(engine, """
            const attempt = (name) => { try { require(name); return 'loaded'; } catch (e) { return e.code + ': ' + e.message; } };
            return [attempt('aws-sdk'), attempt('fs'), attempt('node:fs'), attempt('node:nope'), require.resolve('node:path'), typeof require('node:util').inspect];
            """);

        Assert.Equal([
            "MODULE_NOT_FOUND: Cannot find module 'aws-sdk'",
            "MODULE_NOT_FOUND: Cannot find module 'fs'",
            "MODULE_NOT_FOUND: Cannot find module 'node:fs'",
            "MODULE_NOT_FOUND: Cannot find module 'node:nope'",
            "node:path",
            "function",
        ], Strings(r));
    }
}
