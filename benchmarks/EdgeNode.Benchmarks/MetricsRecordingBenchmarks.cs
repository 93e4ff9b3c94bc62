using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Observability;
using EdgeCompute.EdgeNode.Runtime;
using Prometheus;

namespace EdgeCompute.Benchmarks;

/// <summary>
/// What metrics add to one request: finding the behaviour's children and counting the request with
/// its bytes (every request), and one function invocation (requests with a function), against the
/// baseline of one plain atomic increment, which is all a hand-rolled counter would cost.
/// </summary>
[MemoryDiagnoser]
public class MetricsRecordingBenchmarks
{
    private EdgeMetrics _metrics = null!;
    private EdgeMetrics _withExemplars = null!;
    private DistributionModel _distribution = null!;
    private CacheBehaviorModel _behavior = null!;
    private FunctionModel _function = null!;
    private long _plain;
    private Histogram.Child _direct = null!;
    private BufferedHistogram _buffered = null!;
    private Activity? _activity;

    /// <summary>
    /// Whether the request has an <see cref="Activity"/>: ASP.NET Core starts one per request whenever its
    /// hosting log is enabled, as it is in a node, and exemplar recording reads it.
    /// </summary>
    [Params(false, true)]
    public bool InRequestActivity { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _metrics = new EdgeMetrics(MetricsRegistryServiceCollectionExtensions.CreateFactory(Metrics.NewCustomRegistry()));
        _withExemplars = new EdgeMetrics(Metrics.WithCustomRegistry(Metrics.NewCustomRegistry()));
        var histograms = MetricsRegistryServiceCollectionExtensions.CreateFactory(Metrics.NewCustomRegistry());
        var buckets = new HistogramConfiguration { Buckets = [.. EdgeMetrics.FunctionBuckets] };
        _direct = histograms.CreateHistogram("direct_seconds", "prometheus-net's Observe.", ["f"], buckets).WithLabels("trivial");
        _buffered = new BufferedHistogram(histograms.CreateHistogram("buffered_seconds", "Buffered.", ["f"], buckets).WithLabels("trivial"),
            EdgeMetrics.FunctionBuckets.AsSpan());
        _function = new FunctionModel
        {
            Name = "trivial", Files = new Dictionary<string, string>(), HandlerModule = "index.js", HandlerExport = "handler", VersionKey = "trivial:1",
        };
        var origin = new OriginModel { Id = "o", DomainName = "127.0.0.1", Port = 8081, Protocol = "http" };
        _behavior = new CacheBehaviorModel(new PathPattern("*"), origin, null, false, []);
        _distribution = new DistributionModel { Id = "EBENCH", DomainName = "bench.example", HostNames = [], Behaviors = [_behavior] };
        if (InRequestActivity)
        {
            // Set here, in a synchronous method, Activity.Current stays on the thread the benchmark runs on.
            _activity = new Activity("Microsoft.AspNetCore.Hosting.HttpRequestIn").Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _activity?.Stop();

    [Benchmark(Baseline = true)]
    public long PlainIncrement() => Interlocked.Increment(ref _plain);

    [Benchmark]
    public void RecordRequest() =>
        _metrics.ForBehavior(_distribution, _behavior).Record(200, CacheResult.Hit, 0, 1024);

    /// <summary>The same with prometheus-net's default exemplars, which the node turns off.</summary>
    [Benchmark]
    public void RecordRequestWithDefaultExemplars() =>
        _withExemplars.ForBehavior(_distribution, _behavior).Record(200, CacheResult.Hit, 0, 1024);

    /// <summary>A function's duration into prometheus-net's histogram child, as the node did before BufferedHistogram.</summary>
    [Benchmark]
    public void ObserveDurationDirect() => _direct.Observe(TimeSpan.FromMicroseconds(17).TotalSeconds);

    /// <summary>The same duration into the node's BufferedHistogram (flushed into its child at scrape time).</summary>
    [Benchmark]
    public void ObserveDurationBuffered() => _buffered.Observe(TimeSpan.FromMicroseconds(17));

    [Benchmark]
    public void RecordRequestAndInvocation()
    {
        _metrics.ForBehavior(_distribution, _behavior).Record(200, CacheResult.Pass, 0, 1024);
        _metrics.ForFunction(_function, EdgeEventType.ViewerRequest).Record(InvocationOutcome.Ok, false, TimeSpan.FromMicroseconds(17), TimeSpan.Zero);
    }
}
