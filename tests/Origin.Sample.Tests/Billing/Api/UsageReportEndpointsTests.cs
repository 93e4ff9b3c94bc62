using System.Net;
using System.Text.Json.Nodes;
using EdgeCompute.Origin.Sample.Tests.Billing.Common;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using static EdgeCompute.Origin.Sample.Tests.Billing.Common.UsageBatches;

namespace EdgeCompute.Origin.Sample.Tests.Billing.Api;

/// <summary><c>POST /v1/edge/usage</c> against the real server and a real SQLite file.</summary>
public sealed class UsageReportEndpointsTests
{
    [Fact]
    public async Task Report_ValidBatch_AcceptedAndSummed()
    {
        await using var server = await RegistryServer.StartAsync();

        var answer = await server.Node.ReportOkAsync("edge-1:a", [Record(billedMs: 13), Record(billedMs: 20), Record(outcome: "throttled", billedMs: 0)]);

        Assert.Equal("edge-1:a", (string?)answer["batchId"]);
        Assert.Equal(3, (int?)answer["accepted"]);
        Assert.False((bool)answer["duplicate"]!);
        var hello = Assert.Single((await server.A.UsageAsync())["functions"]!.AsArray())!;
        Assert.Equal(2, (long)hello["requests"]!);
        Assert.Equal(1, (long)hello["throttled"]!);
        Assert.Equal(33, (long)hello["billedDurationMs"]!);
    }

    [Fact]
    public async Task Report_SameBatchTwice_SecondIsADuplicateAndChangesNothing()
    {
        await using var server = await RegistryServer.StartAsync();
        var batch = Batch("edge-1:same", [Record(), Record()]);
        await server.Node.OkAsync(server.Node.ReportAsync(batch));
        var before = (await server.A.UsageAsync()).ToJsonString();

        var again = await server.Node.OkAsync(server.Node.ReportAsync(batch));
        // Same id, other records (a node never does this): the id alone decides.
        var changed = await server.Node.ReportOkAsync("edge-1:same", [Record(function: "other")]);

        Assert.True((bool)again["duplicate"]!);
        Assert.Equal(2, (int?)again["accepted"]);
        Assert.True((bool)changed["duplicate"]!);
        Assert.Equal(before, (await server.A.UsageAsync()).ToJsonString());
    }

    [Fact]
    public async Task Report_SameBatchConcurrently_CountedOnce()
    {
        await using var server = await RegistryServer.StartAsync();
        var batch = Batch("edge-1:race", [Record(), Record(), Record()]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => server.Node.OkAsync(server.Node.ReportAsync(batch))));

        Assert.Single(answers, a => !(bool)a["duplicate"]!);
        Assert.Equal(3, (long)(await server.A.UsageAsync())["totals"]!["requests"]!);
    }

    private const string Value = "InvalidParameterValue";

    // A body the JSON reader cannot take is an InvalidRequest; one with bad values, an InvalidParameterValue.
    public static TheoryData<string, string, string> MalformedBatches => new()
    {
        { """{"nodeId":"edge-1","records":[]}""", Value, "batchId" },
        { """{"batchId":"","records":[]}""", Value, "batchId" },
        { """{"batchId":"b"}""", Value, "records" },
        { Replace("billedDurationMs", -1), Value, "records[0].billedDurationMs" },
        { Replace("billedDurationMs", 0), Value, "records[0].billedDurationMs" },
        { Replace("memoryMb", -128), Value, "records[0].memoryMb" },
        { Replace("memoryMb", 20480), Value, "records[0].memoryMb" },
        { Replace("durationMs", -0.5), Value, "records[0].durationMs" },
        { Replace("style", "lambda"), Value, "records[0].style" },
        { Replace("outcome", "crashed"), Value, "records[0].outcome" },
        { Replace("event", "viewer"), Value, "records[0].event" },
        { Replace("engine", "spidermonkey"), Value, "records[0].engine" },
        { Replace("account", "1111"), Value, "records[0].account" },
        { Replace("function", ""), Value, "records[0].function" },
        { Replace("time", "2026-11-28 12:00"), Value, "records[0].time" },
        { Replace("time", "2026-11-28T12:00:00"), Value, "records[0].time" },
        { Replace("time", "2026-13-28T12:00:00Z"), Value, "records[0].time" },
        { Remove("time"), Value, "records[0].time" },
        { Remove("version"), Value, "records[0].version" },
        { Batch("b", [Record(outcome: "throttled", billedMs: 5)]).ToJsonString(), Value, "throttled" },
        { """{"batchId":"b","records":[null]}""", Value, "records[0]" },
        { """{"batchId":"b","records":[{"billedDurationMs":1.5}]}""", "InvalidRequest", "billedDurationMs" },
        { """{"batchId":"b","records":"none"}""", "InvalidRequest", "records" },
        { "not json", "InvalidRequest", "not valid" },
    };

    [Theory]
    [MemberData(nameof(MalformedBatches))]
    public async Task Report_MalformedBatch_400NamingTheField(string body, string code, string named)
    {
        await using var server = await RegistryServer.StartAsync();

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, code, server.Node.PostAsync("v1/edge/usage", body));

        Assert.Contains(named, (string?)problem["detail"]);
    }

    [Fact]
    public async Task Report_SeveralBadRecords_ListsEveryError_AndStoresNothing()
    {
        await using var server = await RegistryServer.StartAsync();
        var bad = Record(style: "x");
        bad["memoryMb"] = -1;

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, "InvalidParameterValue",
            server.Node.ReportAsync(Batch("edge-1:bad", [Record(), bad, Record(outcome: "nope")])));

        var errors = problem["errors"]!.AsArray().Select(e => (string)e!).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("records[1].style", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("records[1].memoryMb", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("records[2].outcome", StringComparison.Ordinal));
        Assert.Empty((await server.A.UsageAsync())["functions"]!.AsArray());
        // A refused batch leaves no trace: the same id, corrected, is taken.
        Assert.False((bool)(await server.Node.ReportOkAsync("edge-1:bad", [Record()]))["duplicate"]!);
    }

    [Fact]
    public async Task Report_WithoutANodeKey_401()
    {
        await using var server = await RegistryServer.StartAsync();
        var batch = Batch("edge-1:k", [Record()]);

        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.A.ReportAsync(batch));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.Client(RegistryServer.AdminKey).ReportAsync(batch));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.Client(null).ReportAsync(batch));
        Assert.Empty((await server.A.UsageAsync())["functions"]!.AsArray());
    }

    [Fact]
    public async Task Report_EmptyBatch_AcceptedWithNothingToAdd()
    {
        await using var server = await RegistryServer.StartAsync();

        var answer = await server.Node.ReportOkAsync("edge-1:empty", []);

        Assert.Equal(0, (int?)answer["accepted"]);
    }

    private static string Replace(string member, JsonNode? value)
    {
        var record = Record();
        record[member] = value;
        return Batch("b", [record]).ToJsonString();
    }

    private static string Remove(string member)
    {
        var record = Record();
        record.Remove(member);
        return Batch("b", [record]).ToJsonString();
    }
}
