using EdgeCompute.EdgeNode.Caching.Rules;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Ranges served from a stored full response (suite: partial).</summary>
public sealed class RangeRulesTests
{
    private static RangeResult Evaluate(long length, params (string, string)[] request) =>
        RangeRules.Evaluate("GET", Of(request), Of(("ETag", "\"v1\""), ("Last-Modified", Date(-100))), length);

    [Theory]
    [InlineData("bytes=0-1", 0, 2)]
    [InlineData("bytes=1-", 1, 10)]
    [InlineData("bytes=-1", 10, 1)]
    [InlineData("bytes=-5", 6, 5)]
    [InlineData("bytes=-100", 0, 11)]
    [InlineData("bytes=5-100", 5, 6)]
    [InlineData("BYTES=0-0", 0, 1)]
    public void Evaluate_SingleRange_Partial(string range, long start, long length)
    {
        Assert.Equal(new RangeResult(RangeOutcome.Partial, start, length), Evaluate(11, ("Range", range)));
    }

    [Fact]
    public void Evaluate_PartialResult_EndIsLastByte()
    {
        Assert.Equal(9, Evaluate(11, ("Range", "bytes=6-9")).End);
    }

    [Theory]
    [InlineData("bytes=11-")]
    [InlineData("bytes=20-30")]
    [InlineData("bytes=-0")]
    public void Evaluate_Unsatisfiable_NotSatisfiable(string range)
    {
        Assert.Equal(RangeOutcome.NotSatisfiable, Evaluate(11, ("Range", range)).Outcome);
    }

    [Fact]
    public void Evaluate_SuffixOfEmptyBody_NotSatisfiable()
    {
        Assert.Equal(RangeOutcome.NotSatisfiable, Evaluate(0, ("Range", "bytes=-1")).Outcome);
    }

    [Theory]
    [InlineData("bytes=0-1, 4-5")]
    [InlineData("items=0-1")]
    [InlineData("bytes=5-1")]
    [InlineData("bytes=abc")]
    [InlineData("bytes 0-1")]
    public void Evaluate_MultipleOrInvalid_Full(string range)
    {
        Assert.Equal(new RangeResult(RangeOutcome.Full, 0, 11), Evaluate(11, ("Range", range)));
    }

    [Fact]
    public void Evaluate_NoRange_Full()
    {
        Assert.Equal(RangeOutcome.Full, Evaluate(11).Outcome);
    }

    [Fact]
    public void Evaluate_NotGet_Full()
    {
        Assert.Equal(RangeOutcome.Full, RangeRules.Evaluate("HEAD", Of(("Range", "bytes=0-1")), Of(), 11).Outcome);
    }

    [Theory]
    [InlineData("\"v1\"", nameof(RangeOutcome.Partial))]
    [InlineData("\"v2\"", nameof(RangeOutcome.Full))]
    [InlineData("W/\"v1\"", nameof(RangeOutcome.Full))]
    public void Evaluate_IfRangeEntityTag_StrongComparison(string ifRange, string expected)
    {
        Assert.Equal(Enum.Parse<RangeOutcome>(expected), Evaluate(11, ("Range", "bytes=0-1"), ("If-Range", ifRange)).Outcome);
    }

    [Fact]
    public void Evaluate_IfRangeAgainstWeakStoredTag_Full()
    {
        var result = RangeRules.Evaluate("GET", Of(("Range", "bytes=0-1"), ("If-Range", "\"v1\"")), Of(("ETag", "W/\"v1\"")), 11);

        Assert.Equal(RangeOutcome.Full, result.Outcome);
    }

    [Theory]
    [InlineData(-100, nameof(RangeOutcome.Partial))]
    [InlineData(-50, nameof(RangeOutcome.Full))]
    public void Evaluate_IfRangeDate_MustEqualLastModified(int seconds, string expected)
    {
        Assert.Equal(Enum.Parse<RangeOutcome>(expected), Evaluate(11, ("Range", "bytes=0-1"), ("If-Range", Date(seconds))).Outcome);
    }

    [Fact]
    public void Evaluate_IfRangeGarbage_Full()
    {
        Assert.Equal(RangeOutcome.Full, Evaluate(11, ("Range", "bytes=0-1"), ("If-Range", "whenever")).Outcome);
    }
}
