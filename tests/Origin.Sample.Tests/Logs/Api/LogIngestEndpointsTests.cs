using System.Net;
using EdgeCompute.Origin.Sample.Tests.Registry.Common;
using static EdgeCompute.Origin.Sample.Tests.Logs.Common.LogBatches;

namespace EdgeCompute.Origin.Sample.Tests.Logs.Api;

/// <summary><c>POST /v1/edge/logs</c> against the real server and a real SQLite file.</summary>
public sealed class LogIngestEndpointsTests
{
    [Fact]
    public async Task Ship_ValidBatch_StoredAndReturnedWithEveryField()
    {
        await using var server = await RegistryServer.StartAsync();

        var answer = await server.Node.ShipOkAsync("edge-1:a", "edge-1", Line("hello world"), Line("REPORT RequestId: req-1", sequence: 2));

        Assert.Equal(2, (int?)answer["accepted"]);
        Assert.False((bool)answer["duplicate"]!);
        var items = (await server.A.LogsAsync("function=hello"))["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        var first = items[0]!;
        Assert.Equal("2026-11-28T12:00:00.123Z", (string?)first["time"]);
        Assert.Equal("edge-1", (string?)first["nodeId"]);
        Assert.Equal("req-1", (string?)first["requestId"]);
        Assert.Equal("hello", (string?)first["function"]);
        Assert.Equal("1", (string?)first["version"]);
        Assert.Equal("viewer-request", (string?)first["event"]);
        Assert.Equal("INFO", (string?)first["level"]);
        Assert.Equal("hello world", (string?)first["message"]);
    }

    [Fact]
    public async Task Ship_RecordWithTheOlderTimeName_StoredWithThatTime()
    {
        await using var server = await RegistryServer.StartAsync();
        var line = Line("from an older node");
        line.Remove("timestamp");
        line.Remove("nodeId");
        line["time"] = "2026-11-28T12:00:01.5Z";

        await server.Node.ShipOkAsync("edge-1:old", "edge-1", line);

        var item = (await server.A.LogsAsync())["items"]![0]!;
        Assert.Equal("2026-11-28T12:00:01.5Z", (string?)item["time"]);
        Assert.Equal("edge-1", (string?)item["nodeId"]);
    }

    [Fact]
    public async Task Ship_SameBatchTwice_SecondIsADuplicateAndStoresNothing()
    {
        await using var server = await RegistryServer.StartAsync();
        await server.Node.ShipOkAsync("edge-1:same", "edge-1", Line("one"), Line("two", sequence: 2));

        var again = await server.Node.ShipOkAsync("edge-1:same", "edge-1", Line("one"), Line("two", sequence: 2));

        Assert.True((bool)again["duplicate"]!);
        Assert.Equal(2, (int?)again["accepted"]);
        Assert.Equal(["one", "two"], Messages(await server.A.LogsAsync()));
    }

    [Fact]
    public async Task Ship_SameBatchConcurrently_StoredOnce()
    {
        await using var server = await RegistryServer.StartAsync();
        var batch = Batch("edge-1:race", "edge-1", Line("only once"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => server.Node.OkAsync(server.Node.ShipAsync(batch))));

        Assert.Single(answers, a => !(bool)a["duplicate"]!);
        Assert.Single(Messages(await server.A.LogsAsync()));
    }

    [Fact]
    public async Task Ship_WithoutNodeKey_401()
    {
        await using var server = await RegistryServer.StartAsync();

        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.A.ShipAsync(Batch("edge-1:a", "edge-1", Line("x"))));
        await RegistryClient.ProblemAsync(HttpStatusCode.Unauthorized, "Unauthorized", server.Client(null).ShipAsync(Batch("edge-1:a", "edge-1", Line("x"))));
    }

    private const string Value = "InvalidParameterValue";

    public static TheoryData<string, string, string> MalformedBatches => new()
    {
        { """{"nodeId":"edge-1","records":[]}""", Value, "batchId" },
        { """{"batchId":"b","records":[]}""", Value, "nodeId" },
        { """{"batchId":"b","nodeId":"edge-1"}""", Value, "records" },
        { Batch("b", "edge-1", Replace(Line("x"), "timestamp", "2026-11-28T12:00:00")).ToJsonString(), Value, "records[0].timestamp" },
        { Batch("b", "edge-1", Replace(Line("x"), "account", "12")).ToJsonString(), Value, "records[0].account" },
        { Batch("b", "edge-1", Replace(Line("x"), "event", "viewer")).ToJsonString(), Value, "records[0].event" },
        { Batch("b", "edge-1", Replace(Line("x"), "sequence", -1)).ToJsonString(), Value, "records[0].sequence" },
        { Batch("b", "edge-1", Replace(Line("x"), "function", "")).ToJsonString(), Value, "records[0].function" },
        { """{"batchId":"b","nodeId":"edge-1","records":[null]}""", Value, "records[0]" },
        { "not json", "InvalidRequest", "not valid" },
    };

    [Theory]
    [MemberData(nameof(MalformedBatches))]
    public async Task Ship_MalformedBatch_400NamingTheField_AndStoresNothing(string body, string code, string named)
    {
        await using var server = await RegistryServer.StartAsync();

        var problem = await RegistryClient.ProblemAsync(HttpStatusCode.BadRequest, code, server.Node.PostAsync("v1/edge/logs", body));

        Assert.Contains(named, (string?)problem["detail"]);
        Assert.Empty(Messages(await server.A.LogsAsync()));
    }

    private static System.Text.Json.Nodes.JsonObject Replace(System.Text.Json.Nodes.JsonObject line, string member, System.Text.Json.Nodes.JsonNode? value)
    {
        line[member] = value;
        return line;
    }
}
