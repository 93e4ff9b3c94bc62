using System.Text.Json;
using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>Lambda@Edge-style functions see <c>process</c> with their environment variables and Lambda's; CloudFront Functions see none.</summary>
public sealed class LambdaEnvironmentTests
{
    private const string ProcessProbe = """
        const atLoad = process.env.STAGE;
        let ticks = 0;
        exports.handler = async () => {
          await new Promise((resolve) => process.nextTick(() => { ticks++; resolve(); }));
          const t = process.hrtime();
          const body = JSON.stringify({
              atLoad: atLoad, env: process.env, cwd: process.cwd(), platform: process.platform,
              version: process.version, node: process.versions.node, ticks: ticks,
              hrtime: Array.isArray(t) && t.length === 2, hrtimeBigint: typeof process.hrtime.bigint(),
              requireSeesIt: require('./lib').stage,
          });
          process.env.WRITTEN = 'kept';
          return { status: '200', body: body };
        };
        """;

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Process_LambdaEdgeFunction_EnvHoldsOwnAndReservedVariables(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("probe", ProcessProbe, settings: """
                { "runtime": "nodejs18.x", "memorySize": 256, "environment": { "STAGE": "prod", "TZ": "Europe/Paris", "API_URL": "https://api.example.com" } }
                """)
            .File("functions/probe/lib.js", "exports.stage = process.env.STAGE;")
            .Bind("*", originRequest: "probe")
            .StartAsync();

        var first = JsonElement.Parse(await env.Client.GetStringAsync("/"));
        var second = JsonElement.Parse(await env.Client.GetStringAsync("/"));

        var variables = first.GetProperty("env");
        Assert.Equal("prod", first.GetProperty("atLoad").GetString());
        Assert.Equal("prod", first.GetProperty("requireSeesIt").GetString());
        Assert.Equal("prod", variables.GetProperty("STAGE").GetString());
        Assert.Equal("https://api.example.com", variables.GetProperty("API_URL").GetString());
        Assert.Equal("Europe/Paris", variables.GetProperty("TZ").GetString());
        Assert.Equal("us-east-1", variables.GetProperty("AWS_REGION").GetString());
        Assert.Equal("probe", variables.GetProperty("AWS_LAMBDA_FUNCTION_NAME").GetString());
        Assert.Equal("$LATEST", variables.GetProperty("AWS_LAMBDA_FUNCTION_VERSION").GetString());
        Assert.Equal("256", variables.GetProperty("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").GetString());
        Assert.Equal("AWS_Lambda_nodejs18.x", variables.GetProperty("AWS_EXECUTION_ENV").GetString());
        Assert.Equal("/var/task", variables.GetProperty("LAMBDA_TASK_ROOT").GetString());
        Assert.Equal("index.handler", variables.GetProperty("_HANDLER").GetString());
        Assert.Equal("/var/task", first.GetProperty("cwd").GetString());
        Assert.Equal("linux", first.GetProperty("platform").GetString());
        Assert.StartsWith("v18.", first.GetProperty("version").GetString());
        Assert.StartsWith("18.", first.GetProperty("node").GetString());
        Assert.Equal(1, first.GetProperty("ticks").GetInt32());
        Assert.True(first.GetProperty("hrtime").GetBoolean());
        Assert.Equal("bigint", first.GetProperty("hrtimeBigint").GetString());
        // A warm isolate keeps what the function wrote, as a warm Lambda environment does.
        Assert.False(variables.TryGetProperty("WRITTEN", out _));
        Assert.Equal("kept", second.GetProperty("env").GetProperty("WRITTEN").GetString());
        Assert.Equal(2, second.GetProperty("ticks").GetInt32());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Identity_FromRegistry_IsWhatTheFunctionSeesAsItsNameVersionAndAccount(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("111111111111.hello.3", """
                exports.handler = async (event, context) => ({ status: '200', body: JSON.stringify({
                    name: context.functionName, version: context.functionVersion, arn: context.invokedFunctionArn,
                    envName: process.env.AWS_LAMBDA_FUNCTION_NAME, envVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION }) });
                """, settings: """{ "identity": { "account": "111111111111", "name": "hello", "version": "3" } }""")
            .Bind("*", viewerRequest: "111111111111.hello.3")
            .StartAsync();

        var seen = JsonElement.Parse(await env.Client.GetStringAsync("/"));

        Assert.Equal("hello", seen.GetProperty("name").GetString());
        Assert.Equal("3", seen.GetProperty("version").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:111111111111:function:hello:3", seen.GetProperty("arn").GetString());
        Assert.Equal("hello", seen.GetProperty("envName").GetString());
        Assert.Equal("3", seen.GetProperty("envVersion").GetString());
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Process_CloudFrontFunction_Undefined(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("cff", """
                function handler(event) {
                  return { statusCode: 200, statusDescription: 'OK', body: typeof process };
                }
                """, settings: """{ "runtime": "cloudfront-js-2.0" }""")
            .Bind("*", viewerRequest: "cff")
            .StartAsync();

        Assert.Equal("undefined", await env.Client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Process_EnvironmentChanged_NewIsolatesSeeIt()
    {
        await using var env = await new EdgeTestEnvironment()
            .Function("stage", "exports.handler = async () => ({ status: '200', body: process.env.STAGE });",
                settings: """{ "environment": { "STAGE": "one" } }""")
            .Bind("*", viewerRequest: "stage")
            .StartAsync();
        Assert.Equal("one", await env.Client.GetStringAsync("/"));

        env.Rewrite("functions/stage/function.json", """{ "environment": { "STAGE": "two" } }""");

        await env.GetUntilAsync("/", (_, body) => body == "two");
    }
}
