using System.Net;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>CloudFront key-value stores: config validation and limits, <c>cf.kvs()</c> from a function, reloads.</summary>
public sealed class KeyValueStoreTests
{
    private const string Store = """{"greeting": "hello", "config": "{\"a\":[1,2]}", "bin": "hi"}""";

    private static EdgeTestEnvironment Declare(string engine, string code, string stores = """["main"]""", string store = Store) =>
        new EdgeTestEnvironment(engine)
            .KeyValueStore("main", store)
            .Function("cff", code, $$"""{"runtime": "cloudfront-js-2.0", "keyValueStores": {{stores}}}""")
            .Bind("*", viewerRequest: "cff");

    private static string Probe(string body) => """
        import cf from 'cloudfront';
        async function handler(event) {
          const out = await (async () => {
        """ + body + """
          })();
          return { statusCode: 200, body: JSON.stringify(out) };
        }
        """;

    private static async Task<string> GetAsync(EdgeTestEnvironment env, string path = "/")
    {
        var response = await env.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}\n{env.Logs.Dump()}");
        return body;
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Get_EveryFormat_ExistsAndMeta(string engine)
    {
        await using var env = await Declare(engine, Probe("""
            const kvs = cf.kvs('main');
            const meta = await kvs.meta();
            return [
              await kvs.get('greeting'), await kvs.get('greeting', { format: 'string' }),
              (await kvs.get('config', { format: 'json' })).a[1],
              (await kvs.get('bin', { format: 'bytes' })).toString('hex'),
              await kvs.exists('greeting'), await kvs.exists('nope'),
              meta.keyCount, typeof meta.creationDateTime, typeof meta.lastUpdatedDateTime,
              await cf.kvs().get('greeting'),
            ];
            """)).StartAsync();

        Assert.Equal("""["hello","hello",2,"6869",true,false,3,"string","string","hello"]""", await GetAsync(env));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Get_MissingKey_Throws(string engine)
    {
        await using var env = await Declare(engine, Probe("""
            const kvs = cf.kvs('main');
            let caught = 'no error';
            try { await kvs.get('missing'); } catch (e) { caught = e.message; }
            let other = 'no error';
            try { cf.kvs('other'); } catch (e) { other = e.message; }
            return [caught, other];
            """)).StartAsync();

        Assert.Equal("""["Key missing not found","key value store 'other' is not associated with this function"]""", await GetAsync(env));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Get_MissingKeyUncaught_Is503(string engine)
    {
        await using var env = await Declare(engine, Probe("return await cf.kvs().get('missing');")).StartAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await env.Client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Reload_StoreRewritten_FunctionSeesNewContents(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .KeyValueStore("main", Store)
            .Function("cff", Probe("return await cf.kvs().get('greeting');"), """{"runtime": "cloudfront-js-2.0", "keyValueStores": ["main"]}""")
            .Bind("*", viewerRequest: "cff")
            .StartAsync();
        Assert.Equal("\"hello\"", await GetAsync(env));

        env.Rewrite("kvs/main.json", """{"greeting": "bonjour"}""");

        await env.GetUntilAsync("/", (_, body) => body == "\"bonjour\"");
    }

    [Fact]
    public async Task Config_BadStores_EveryErrorListed()
    {
        var longKey = new string('k', 513);
        var longValue = new string('v', 1025);
        await using var env = new EdgeTestEnvironment()
            .KeyValueStore("main", $$"""{"{{longKey}}": "x", "n": 5, "big": "{{longValue}}"}""")
            .KeyValueStore("broken", "{ not json")
            .Function("cff", "function handler(e) { return e.request; }", """{"runtime": "cloudfront-js-2.0", "keyValueStores": ["main", "unknown"]}""")
            .Function("lambda", "exports.handler = async (e) => e.Records[0].cf.request;", """{"keyValueStores": ["main"]}""")
            .Function("cff1", "function handler(e) { return e.request; }", """{"runtime": "cloudfront-js-1.0", "keyValueStores": ["main"]}""")
            .Bind("/a", viewerRequest: "cff")
            .Bind("/b", viewerRequest: "cff1")
            .Bind("*", viewerRequest: "lambda");
        env.WriteFiles();

        Assert.Null(env.TryBuild(out var errors));
        var text = string.Join("\n", errors);
        Assert.Contains("keys must have 1–512 characters", text);
        Assert.Contains("value is number, not a string", text);
        Assert.Contains("over the 1024-byte (1 KB) limit", text);
        Assert.Contains("key-value store 'broken' is not valid JSON", text);
        Assert.Contains("no key-value store 'unknown'", text);
        Assert.Contains("key-value stores are for CloudFront Functions on runtime cloudfront-js-2.0 only (this one is nodejs20.x)", text);
        Assert.Contains("(this one is cloudfront-js-1.0)", text);
    }

    [Fact]
    public async Task Config_StoreOver5MB_IsRefused()
    {
        var entries = string.Join(",", Enumerable.Range(0, 6000).Select(i => $"\"k{i}\": \"{new string('v', 1000)}\""));
        await using var env = Declare("v8", "function handler(e) { return e.request; }", store: "{" + entries + "}");
        env.WriteFiles();

        Assert.Null(env.TryBuild(out var errors));
        Assert.Contains(errors, e => e.Message.Contains("over the 5242880-byte (5 MB) limit", StringComparison.Ordinal));
    }
}
