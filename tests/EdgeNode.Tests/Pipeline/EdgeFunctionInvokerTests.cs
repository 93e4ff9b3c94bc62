using EdgeCompute.EdgeNode.Tests.Common;

namespace EdgeCompute.EdgeNode.Tests.Pipeline;

/// <summary>Weighted routing (an alias with an additional version): each invocation picks one of two functions.</summary>
public sealed class EdgeFunctionInvokerTests
{
    private static string Answer(string body) => $"exports.handler = async () => ({{ status: '200', body: '{body}' }});";

    /// <summary>Viewer-request runs <c>stable</c>, with <paramref name="weight"/> of the invocations sent to <c>canary</c>.</summary>
    private static Task<EdgeTestEnvironment> StartWithCanaryAsync(double weight) =>
        new EdgeTestEnvironment()
            .Function("stable", Answer("stable"))
            .Function("canary", Answer("canary"))
            .Bind("*", viewerRequest: "stable")
            .WithRouting("viewer-request", "canary", weight)
            .StartAsync();

    [Fact]
    public async Task RunAsync_RoutingWeight30Percent_ShareWithinTolerance()
    {
        await using var env = await StartWithCanaryAsync(0.3);
        const int requests = 1000;

        var canary = 0;
        for (var i = 0; i < requests; i++)
        {
            var body = await env.Client.GetStringAsync("/");
            Assert.True(body is "stable" or "canary", body);
            canary += body == "canary" ? 1 : 0;
        }

        // 0.06 is about four standard deviations of the share over 1000 draws at p = 0.3.
        var share = canary / (double)requests;
        Assert.InRange(share, 0.24, 0.36);
    }

    [Fact]
    public async Task RunAsync_RoutingWeightZero_AllToTheMainFunction()
    {
        await using var env = await StartWithCanaryAsync(0);

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("stable", await env.Client.GetStringAsync("/"));
        }
    }
}
