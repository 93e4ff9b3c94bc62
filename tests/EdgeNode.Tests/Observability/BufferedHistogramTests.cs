using System.Globalization;
using System.Text;
using EdgeCompute.EdgeNode.Observability;
using Prometheus;

namespace EdgeCompute.EdgeNode.Tests.Observability;

/// <summary>
/// A buffered histogram exports what prometheus-net's own <c>Observe</c> would have: the same buckets,
/// count and sum, checked against a series observed directly in the same registry.
/// </summary>
public sealed class BufferedHistogramTests
{
    private static readonly double[] Buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.01, 1];

    [Fact]
    public async Task Flush_ExportsWhatObservingEachValueWould()
    {
        var (registry, direct, buffered) = NewPair();
        // Below the first bound, on a bound (le is "less than or equal"), between bounds, above the last.
        TimeSpan[] values =
        [
            TimeSpan.FromTicks(1), TimeSpan.FromTicks(999), TimeSpan.FromTicks(1000), TimeSpan.FromTicks(1000),
            TimeSpan.FromTicks(1001), TimeSpan.FromTicks(2500), TimeSpan.FromMicroseconds(317), TimeSpan.FromMicroseconds(471),
            TimeSpan.FromMilliseconds(7), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2), TimeSpan.Zero,
        ];
        foreach (var value in values)
        {
            direct.Observe(value.TotalSeconds);
            buffered.Observe(value);
        }

        buffered.Flush();

        var scrape = await ScrapeAsync(registry);
        foreach (var (series, value) in scrape.Where(s => s.Key.StartsWith("direct", StringComparison.Ordinal)))
        {
            var twin = scrape["buffered" + series["direct".Length..]];
            if (series.StartsWith("direct_sum", StringComparison.Ordinal))
            {
                Assert.Equal(value, twin, 1e-9);
            }
            else
            {
                Assert.True(value == twin, $"{series}: {value} observed directly, {twin} buffered");
            }
        }
        Assert.Equal(values.Length, scrape["buffered_count"]);
        Assert.Equal(5, scrape["""buffered_bucket{le="0.0001"}"""]); // 0, 1, 999 and twice 1000 ticks
    }

    [Fact]
    public async Task Flush_TwiceInARow_AddsOnlyWhatCameBetween()
    {
        var (registry, _, buffered) = NewPair();
        buffered.Observe(TimeSpan.FromMicroseconds(200));
        buffered.Flush();
        buffered.Flush();
        buffered.Observe(TimeSpan.FromMilliseconds(5));
        buffered.Flush();

        var scrape = await ScrapeAsync(registry);
        Assert.Equal(2, scrape["buffered_count"]);
        Assert.Equal(0.0052, scrape["buffered_sum"], 1e-12);
        Assert.Equal(1, scrape["""buffered_bucket{le="0.00025"}"""]);
        Assert.Equal(2, scrape["""buffered_bucket{le="0.01"}"""]);
    }

    [Fact]
    public async Task ObserveWhileFlushing_LosesAndDoublesNothing()
    {
        var (registry, _, buffered) = NewPair();
        const int Threads = 4, PerThread = 50_000;
        using var done = new CancellationTokenSource();
        var flusher = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                buffered.Flush();
            }
        });
        var observers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                // 10 µs to 5 ms: several buckets, each thread its own values.
                buffered.Observe(TimeSpan.FromTicks(100 + (i + t) % 50_000));
            }
        })).ToArray();
        await Task.WhenAll(observers);
        await done.CancelAsync();
        await flusher;
        buffered.Flush();

        var expectedTicks = Enumerable.Range(0, Threads).Sum(t => Enumerable.Range(0, PerThread).Sum(i => 100L + (i + t) % 50_000));
        var scrape = await ScrapeAsync(registry);
        Assert.Equal(Threads * PerThread, scrape["buffered_count"]);
        Assert.Equal(expectedTicks / (double)TimeSpan.TicksPerSecond, scrape["buffered_sum"], 1e-9);
    }

    private static (CollectorRegistry Registry, Histogram.Child Direct, BufferedHistogram Buffered) NewPair()
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = MetricsRegistryServiceCollectionExtensions.CreateFactory(registry);
        var config = new HistogramConfiguration { Buckets = Buckets };
        var direct = factory.CreateHistogram("direct", "Observed one value at a time.", ["l"], config).WithLabels("x");
        var target = factory.CreateHistogram("buffered", "Observed through a BufferedHistogram.", ["l"], config).WithLabels("x");
        return (registry, direct, new BufferedHistogram(target, Buckets));
    }

    /// <summary>Every sample of the text export by series name (its labels but the fixed l="x" left out).</summary>
    private static async Task<Dictionary<string, double>> ScrapeAsync(CollectorRegistry registry)
    {
        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => line.Split(' '))
            .ToDictionary(
                parts => parts[0].Replace("{l=\"x\"}", "").Replace("l=\"x\",", ""),
                parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
