using EdgeCompute.Origin.Sample.Billing.Ingestion;
using EdgeCompute.Origin.Sample.Billing.Usage;

namespace EdgeCompute.Origin.Sample.Tests.Billing.Ingestion;

public sealed class UsageAggregatorTests
{
    [Fact]
    public void Aggregate_OutcomesOfOneFunction_ThrottledCountedNotBilled_ErrorsBilled()
    {
        var time = DateTimeOffset.Parse("2026-11-28T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        UsageRecord[] records =
        [
            Record(UsageOutcomes.Ok, 13, time), Record(UsageOutcomes.Error, 7, time), Record(UsageOutcomes.Timeout, 3000, time),
            Record(UsageOutcomes.Throttled, 0, time),
        ];

        var (key, sums) = Assert.Single(UsageAggregator.Aggregate(records));

        Assert.Equal(new UsageKey("111111111111", "2026-11", "hello", "1", UsageStyles.LambdaEdge), key);
        Assert.Equal(new UsageCounters(Requests: 3, Throttled: 1, Errors: 2, BilledMs: 3020, BilledMbMs: 3020 * 128), sums);
    }

    [Fact]
    public void Aggregate_MonthIsTheUtcMonthOfTheRecordsTime()
    {
        // 23:30 at UTC-2 on 30 November is already December in UTC.
        var late = DateTimeOffset.Parse("2026-11-30T23:30:00-02:00", System.Globalization.CultureInfo.InvariantCulture);
        var early = DateTimeOffset.Parse("2026-12-01T00:30:00+02:00", System.Globalization.CultureInfo.InvariantCulture);

        var months = UsageAggregator.Aggregate([Record(UsageOutcomes.Ok, 1, late), Record(UsageOutcomes.Ok, 1, early)])
            .Select(a => a.Key.Month).Order().ToList();

        Assert.Equal(["2026-11", "2026-12"], months);
    }

    private static UsageRecord Record(string outcome, long billedMs, DateTimeOffset time) =>
        new("111111111111", "hello", "1", UsageStyles.LambdaEdge, outcome, billedMs, 128, time);
}
