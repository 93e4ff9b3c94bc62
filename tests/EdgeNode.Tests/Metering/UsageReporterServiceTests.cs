using EdgeCompute.EdgeNode.Metering;
using EdgeCompute.EdgeNode.Regional;
using EdgeCompute.EdgeNode.Runtime;
using EdgeCompute.EdgeNode.Tests.Common;
using EdgeCompute.EdgeNode.Tests.Regional;
using TestRegistry = EdgeCompute.EdgeNode.Tests.Regional.TestRegistry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Tests.Metering;

/// <summary>
/// The reporter against a test double of the regional origin's usage endpoint (real HTTP on
/// loopback): segments go oldest first and leave the disk only once acknowledged (duplicates too);
/// a 400 sets one aside; a 500 or an unreachable origin means the same batch id again later.
/// </summary>
public sealed class UsageReporterServiceTests : IDisposable
{
    private const string NodeId = "edge-r1";

    private readonly SpoolFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private static string[] Functions(IEnumerable<System.Text.Json.JsonElement> records) =>
        records.Select(r => r.GetProperty("function").GetString()!).ToArray();

    private sealed class Reporter : IAsyncDisposable
    {
        private readonly RegionalClient _client;

        public Reporter(TestRegistry registry, UsageSpool spool, SpoolFixture fixture)
        {
            var regional = registry.NodeOptions(NodeId);
            _client = new RegionalClient(Options.Create(regional), Options.Create(new FunctionRuntimeOptions()));
            Service = new UsageReporterService(spool, new UsageBatchSender(_client), Options.Create(regional), TimeProvider.System,
                new Logger<UsageReporterService>(new LoggerFactory([fixture.Logs])));
        }

        public UsageReporterService Service { get; }

        public async Task<Reporter> StartAsync()
        {
            await Service.StartAsync(CancellationToken.None);
            return this;
        }

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
            _client.Dispose();
        }
    }

    /// <summary>Appends records named <paramref name="names"/> and seals them, <paramref name="perSegment"/> to a segment.</summary>
    private static void Spool(UsageSpool spool, int perSegment, params string[] names)
    {
        foreach (var chunk in names.Chunk(perSegment))
        {
            foreach (var name in chunk)
            {
                spool.Append(SpoolFixture.Record(name));
            }
            spool.SealOpen();
        }
    }

    private static string BatchId(string segment) => NodeId + ":" + Path.GetFileNameWithoutExtension(segment);

    [Fact]
    public async Task Report_SealedSegments_SentOldestFirstAndDeletedOnceAcknowledged()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var spool = _fixture.Open(new MeteringOptions { SegmentSeconds = 0.2 });
        Spool(spool, 2, "f0", "f1", "f2", "f3");
        var segments = spool.ReadySegments();
        // Still open when the reporter starts: sealed once it is old enough.
        spool.Append(SpoolFixture.Record("f4"));

        await using var reporter = await new Reporter(registry, spool, _fixture).StartAsync();
        await Wait.UntilAsync(() => registry.Usage.Records.Count == 5, "5 records ingested", _fixture.Logs);
        await Wait.UntilAsync(() => Directory.GetFiles(_fixture.Directory).Length == 0, "the spool is empty", _fixture.Logs);

        Assert.Equal(["f0", "f1", "f2", "f3", "f4"], Functions(registry.Usage.Records));
        var requests = registry.Usage.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.Equal(segments.Select(BatchId), requests.Take(2).Select(r => r.BatchId));
        Assert.All(requests, r => Assert.Equal(NodeId, r.NodeIdHeader));
        Assert.All(requests, r => Assert.Matches($"^{NodeId}:[0-9a-f-]{{36}}$", r.BatchId));
        Assert.All(requests, r => Assert.False(r.Duplicate));
        Assert.Equal(0, spool.SpoolBytes);
        Assert.Equal(0, _fixture.Metrics!.SpoolBytes.Value);
    }

    [Fact]
    public async Task Report_BatchIngestedBefore_DuplicateAcknowledgedAndDeleted()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var spool = _fixture.Open();
        Spool(spool, 2, "f0", "f1");
        var segment = Assert.Single(spool.ReadySegments());
        var copy = segment + ".copy";
        File.Copy(segment, copy);
        await using (var first = await new Reporter(registry, spool, _fixture).StartAsync())
        {
            await Wait.UntilAsync(() => !File.Exists(segment), "the segment is acknowledged", _fixture.Logs);
        }

        // A node killed after the regional origin ingested the batch but before it deleted the segment.
        File.Move(copy, segment);
        using var restarted = _fixture.Open();
        await using var second = await new Reporter(registry, restarted, _fixture).StartAsync();
        await Wait.UntilAsync(() => !File.Exists(segment), "the segment is acknowledged again", _fixture.Logs);

        var requests = registry.Usage.Requests.ToArray();
        Assert.Equal([false, true], requests.Select(r => r.Duplicate));
        Assert.Equal(BatchId(segment), requests[1].BatchId);
        Assert.Equal(["f0", "f1"], Functions(registry.Usage.Records));
    }

    [Fact]
    public async Task Report_Answered400_SegmentSetAsideNotSentAgainAndNextReported()
    {
        await using var registry = await TestRegistry.StartAsync();
        registry.Usage.ScriptedStatuses.Enqueue(400);
        using var spool = _fixture.Open();
        Spool(spool, 1, "refused", "accepted");
        var refused = spool.ReadySegments()[0];

        await using var reporter = await new Reporter(registry, spool, _fixture).StartAsync();
        await Wait.UntilAsync(() => spool.ReadySegments().Count == 0, "both segments dealt with", _fixture.Logs);

        Assert.True(File.Exists(Path.ChangeExtension(refused, SpoolSegment.RejectedExtension)));
        Assert.Equal(["accepted"], Functions(registry.Usage.Records));
        Assert.Equal([400, 200], registry.Usage.Requests.Select(r => r.Status));
        Assert.Single(_fixture.Logs.Containing($"Usage batch {BatchId(refused)} rejected by the regional origin (400 Bad Request: Scripted the test said so)"));
        Assert.Equal(0, spool.SpoolBytes);
    }

    [Fact]
    public async Task Report_Answered500_SameBatchIdAgainAndSegmentKeptUntilAcknowledged()
    {
        await using var registry = await TestRegistry.StartAsync();
        registry.Usage.ScriptedStatuses.Enqueue(500);
        registry.Usage.ScriptedStatuses.Enqueue(503);
        using var spool = _fixture.Open();
        Spool(spool, 2, "f0", "f1");
        var segment = Assert.Single(spool.ReadySegments());
        var onDiskWhenAsked = new List<bool>();
        registry.Usage.OnRequest = _ => onDiskWhenAsked.Add(File.Exists(segment));

        await using var reporter = await new Reporter(registry, spool, _fixture).StartAsync();
        await Wait.UntilAsync(() => !File.Exists(segment), "the segment is acknowledged", _fixture.Logs);

        var requests = registry.Usage.Requests.ToArray();
        Assert.Equal([500, 503, 200], requests.Select(r => r.Status));
        Assert.All(requests, r => Assert.Equal(BatchId(segment), r.BatchId));
        Assert.Equal([true, true, true], onDiskWhenAsked);
        Assert.Equal(["f0", "f1"], Functions(registry.Usage.Records));
        Assert.NotEmpty(_fixture.Logs.Containing($"Usage batch {BatchId(segment)} not reported: the regional origin answered 500"));
    }

    [Fact]
    public async Task Report_RegionalOriginDown_RetriedUntilItAnswers()
    {
        await using var registry = await TestRegistry.StartAsync();
        await registry.StopAsync();
        using var spool = _fixture.Open();
        Spool(spool, 2, "f0", "f1");
        var segment = Assert.Single(spool.ReadySegments());

        await using var reporter = await new Reporter(registry, spool, _fixture).StartAsync();
        await _fixture.Logs.WaitForAsync($"Usage batch {BatchId(segment)} not reported: the registry at");
        Assert.True(File.Exists(segment));
        await registry.RestartAsync();
        await Wait.UntilAsync(() => !File.Exists(segment), "the segment is acknowledged", _fixture.Logs);

        Assert.Equal(["f0", "f1"], Functions(registry.Usage.Records));
        Assert.Equal(BatchId(segment), Assert.Single(registry.Usage.Requests).BatchId);
    }

    [Fact]
    public async Task StopAsync_OpenSegment_Sealed()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var spool = _fixture.Open(new MeteringOptions { SegmentSeconds = 3600 });
        var reporter = await new Reporter(registry, spool, _fixture).StartAsync();
        spool.Append(SpoolFixture.Record());

        await reporter.DisposeAsync();

        Assert.Single(_fixture.Files(SpoolSegment.ReadyExtension));
        Assert.Empty(_fixture.Files(SpoolSegment.OpenExtension));
    }

    [Fact]
    public async Task Report_UnreadableLine_LeftOutOfTheBatch()
    {
        await using var registry = await TestRegistry.StartAsync();
        using var spool = _fixture.Open();
        var segment = Path.Combine(_fixture.Directory, Guid.CreateVersion7() + SpoolSegment.ReadyExtension);
        File.WriteAllText(segment, """{"function":"a"}""" + "\n" + """{"funct""" + "\n" + """{"function":"b"}""" + "\n");

        await using var reporter = await new Reporter(registry, spool, _fixture).StartAsync();
        await Wait.UntilAsync(() => !File.Exists(segment), "the segment is acknowledged", _fixture.Logs);

        Assert.Equal(["a", "b"], Functions(registry.Usage.Records));
        Assert.Single(_fixture.Logs.Containing("1 unreadable line(s) left out of batch"));
    }
}
