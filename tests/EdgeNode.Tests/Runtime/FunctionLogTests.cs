using System.Text.RegularExpressions;
using EdgeCompute.EdgeNode.Tests.Common;
using Microsoft.Extensions.Logging;

namespace EdgeCompute.EdgeNode.Tests.Runtime;

/// <summary>A function's log: its console lines and Lambda's REPORT line, in the node's log under <c>EdgeCompute.FunctionLogs</c>.</summary>
public sealed partial class FunctionLogTests
{
    [GeneratedRegex(@"^REPORT RequestId: (?<id>\S+)\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB(?<init>\tInit Duration: \d+\.\d\d ms)?$")]
    private static partial Regex ReportLine();

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_ConsoleCalls_AreLoggedWithRequestIdAndLevel(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("chatty", """
                console.log('loading module');
                exports.handler = async (event) => {
                  console.log('uri is %s', event.Records[0].cf.request.uri, { n: 1 });
                  console.warn('a warning');
                  console.error('an error');
                  return event.Records[0].cf.request;
                };
                """)
            .Bind("*", viewerRequest: "chatty")
            .StartAsync();

        var response = await env.Client.GetAsync("/status/200");

        var requestId = response.Header("X-Amz-Cf-Id")!;
        var lines = env.Logs.InCategory(LogCapture.FunctionLogs).Where(e => e.Message.Contains(requestId)).ToList();
        Assert.Contains(lines, e => e.Message.EndsWith("loading module") && e.Level == LogLevel.Information);
        Assert.Contains(lines, e => e.Message.EndsWith("uri is /status/200 {\"n\":1}") && e.Level == LogLevel.Information);
        Assert.Contains(lines, e => e.Message.EndsWith("a warning") && e.Level == LogLevel.Warning);
        Assert.Contains(lines, e => e.Message.EndsWith("an error") && e.Level == LogLevel.Error);
        Assert.All(lines, e => Assert.StartsWith("chatty:$LATEST viewer-request " + requestId, e.Message));
    }

    [Theory]
    [InlineData("v8")]
    [InlineData("jint")]
    public async Task Invoke_EveryInvocation_EndsWithReportLineAndInitDurationOnlyFirst(string engine)
    {
        await using var env = await new EdgeTestEnvironment(engine)
            .Function("quiet", "exports.handler = async (event) => event.Records[0].cf.request;")
            .Bind("*", viewerRequest: "quiet")
            .StartAsync();

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await env.Client.GetAsync("/status/200")).Header("X-Amz-Cf-Id")!);
        }

        var reports = new List<Match>();
        foreach (var id in ids)
        {
            var entry = await env.Logs.WaitForAsync($"REPORT RequestId: {id}", LogCapture.FunctionLogs);
            var line = entry.Message[entry.Message.IndexOf("REPORT ", StringComparison.Ordinal)..];
            var match = ReportLine().Match(line);
            Assert.True(match.Success, $"not a Lambda REPORT line: {line}");
            Assert.Equal(id, match.Groups["id"].Value);
            reports.Add(match);
        }
        Assert.True(reports[0].Groups["init"].Success, "the first invocation reports its Init Duration");
        Assert.False(reports[1].Groups["init"].Success);
        Assert.False(reports[2].Groups["init"].Success);
    }
}
