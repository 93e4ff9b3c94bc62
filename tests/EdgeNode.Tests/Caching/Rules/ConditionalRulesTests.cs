using EdgeCompute.EdgeNode.Caching.Rules;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Preconditions answered from the store (suite: conditional-etag, conditional-lm).</summary>
public sealed class ConditionalRulesTests
{
    private static ConditionalResult Evaluate(string method, (string, string)[] request, params (string, string)[] stored) =>
        ConditionalRules.Evaluate(method, Of(request), 200, Of(stored));

    [Theory]
    [InlineData("\"abcdef\"", "\"abcdef\"")]
    [InlineData("W/\"abcdef\"", "W/\"abcdef\"")]
    [InlineData("\"abcdef\"", "W/\"abcdef\"")]
    [InlineData("\"abcdef\"", "\"abcdef\", \"1234\", \"5678\"")]
    [InlineData("\"abcdef\"", "\"1234\", \"abcdef\", \"5678\"")]
    [InlineData("\"abcdef\"", "\"1234\", \"5678\", \"abcdef\"")]
    [InlineData("\"abcdef\"", "*")]
    [InlineData("\"abcdefü\"", "\"abcdefü\"")]
    [InlineData("\"abcdef\"", "abcdef")]
    [InlineData("abcdef", "abcdef")]
    [InlineData("abcdef", "\"abcdef\"")]
    [InlineData("w/\"abcdef\"", "w/\"abcdef\"")]
    [InlineData("W\\\"abcdef\"", "W\\\"abcdef\"")]
    [InlineData("W\"abcdef\"", "W\"abcdef\"")]
    public void Evaluate_IfNoneMatchMatches_NotModified(string etag, string ifNoneMatch)
    {
        Assert.Equal(ConditionalResult.NotModified, Evaluate("GET", [("If-None-Match", ifNoneMatch)], ("ETag", etag)));
    }

    [Fact]
    public void Evaluate_IfNoneMatchDiffers_Proceed()
    {
        Assert.Equal(ConditionalResult.Proceed, Evaluate("GET", [("If-None-Match", "\"1234\"")], ("ETag", "\"abcdef\"")));
    }

    [Fact]
    public void Evaluate_IfNoneMatchOnPost_PreconditionFailed()
    {
        Assert.Equal(ConditionalResult.PreconditionFailed, Evaluate("POST", [("If-None-Match", "*")], ("ETag", "\"a\"")));
    }

    [Fact]
    public void Evaluate_IfNoneMatchBeatsIfModifiedSince_NotModified()
    {
        var result = Evaluate("GET", [("If-None-Match", "\"abcdef\""), ("If-Modified-Since", Date(-10000))],
            ("ETag", "\"abcdef\""), ("Last-Modified", Date(-5000)));

        Assert.Equal(ConditionalResult.NotModified, result);
    }

    [Fact]
    public void Evaluate_IfNoneMatchMissesWithMatchingDate_Proceed()
    {
        var result = Evaluate("GET", [("If-None-Match", "\"other\""), ("If-Modified-Since", Date(0))],
            ("ETag", "\"abcdef\""), ("Last-Modified", Date(-5000)));

        Assert.Equal(ConditionalResult.Proceed, result);
    }

    [Theory]
    [InlineData(-3000, -3000, nameof(ConditionalResult.NotModified))]
    [InlineData(-3000, -2000, nameof(ConditionalResult.NotModified))]
    [InlineData(-2000, -3000, nameof(ConditionalResult.Proceed))]
    public void Evaluate_IfModifiedSince_ComparesLastModified(int lastModified, int ims, string expected)
    {
        Assert.Equal(Enum.Parse<ConditionalResult>(expected), Evaluate("GET", [("If-Modified-Since", Date(ims))], ("Last-Modified", Date(lastModified))));
    }

    [Fact]
    public void Evaluate_IfModifiedSinceRfc850_NotModified()
    {
        var rfc850 = Now.AddSeconds(-3000).UtcDateTime.ToString("dddd, dd-MMM-yy HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(ConditionalResult.NotModified, Evaluate("GET", [("If-Modified-Since", rfc850)], ("Last-Modified", Date(-3000))));
    }

    [Fact]
    public void Evaluate_IfModifiedSinceWithoutLastModified_UsesDate()
    {
        Assert.Equal(ConditionalResult.NotModified, Evaluate("GET", [("If-Modified-Since", Date(0))], ("Date", Date(-10))));
    }

    [Fact]
    public void Evaluate_IfModifiedSinceWithNoDates_UsesReceivedAt()
    {
        var request = Of(("If-Modified-Since", Date(0)));

        Assert.Equal(ConditionalResult.NotModified, ConditionalRules.Evaluate("GET", request, 200, Of(), Now.AddSeconds(-5)));
        Assert.Equal(ConditionalResult.Proceed, ConditionalRules.Evaluate("GET", request, 200, Of()));
    }

    [Fact]
    public void Evaluate_IfModifiedSinceInvalidDate_Proceed()
    {
        Assert.Equal(ConditionalResult.Proceed, Evaluate("GET", [("If-Modified-Since", "yesterday")], ("Last-Modified", Date(-3000))));
    }

    [Fact]
    public void Evaluate_IfModifiedSinceOnPost_Proceed()
    {
        Assert.Equal(ConditionalResult.Proceed, Evaluate("POST", [("If-Modified-Since", Date(0))], ("Last-Modified", Date(-3000))));
    }

    [Theory]
    [InlineData("\"abc\"", "\"abc\"", nameof(ConditionalResult.Proceed))]
    [InlineData("\"abc\"", "*", nameof(ConditionalResult.Proceed))]
    [InlineData("\"abc\"", "\"xyz\"", nameof(ConditionalResult.PreconditionFailed))]
    [InlineData("W/\"abc\"", "W/\"abc\"", nameof(ConditionalResult.PreconditionFailed))]
    public void Evaluate_IfMatch_StrongComparison(string etag, string ifMatch, string expected)
    {
        Assert.Equal(Enum.Parse<ConditionalResult>(expected), Evaluate("GET", [("If-Match", ifMatch)], ("ETag", etag)));
    }

    [Fact]
    public void Evaluate_IfMatchFailsBeforeIfNoneMatch_PreconditionFailed()
    {
        Assert.Equal(ConditionalResult.PreconditionFailed,
            Evaluate("GET", [("If-Match", "\"x\""), ("If-None-Match", "\"abc\"")], ("ETag", "\"abc\"")));
    }

    [Theory]
    [InlineData(-3000, -2000, nameof(ConditionalResult.Proceed))]
    [InlineData(-2000, -3000, nameof(ConditionalResult.PreconditionFailed))]
    public void Evaluate_IfUnmodifiedSince_ComparesLastModified(int lastModified, int ius, string expected)
    {
        Assert.Equal(Enum.Parse<ConditionalResult>(expected), Evaluate("GET", [("If-Unmodified-Since", Date(ius))], ("Last-Modified", Date(lastModified))));
    }

    [Fact]
    public void Evaluate_IfUnmodifiedSinceWithoutLastModified_Proceed()
    {
        Assert.Equal(ConditionalResult.Proceed, Evaluate("GET", [("If-Unmodified-Since", Date(-5000))]));
    }

    [Fact]
    public void Evaluate_StoredNot2xx_Proceed()
    {
        Assert.Equal(ConditionalResult.Proceed,
            ConditionalRules.Evaluate("GET", Of(("If-None-Match", "*")), 404, Of(("ETag", "\"a\""))));
    }

    [Fact]
    public void Evaluate_NoConditions_Proceed()
    {
        Assert.Equal(ConditionalResult.Proceed, Evaluate("GET", [], ("ETag", "\"a\"")));
    }

    [Theory]
    [InlineData("If-Match")]
    [InlineData("If-None-Match")]
    [InlineData("If-Modified-Since")]
    [InlineData("if-unmodified-since")]
    public void IsConditional_AnyOfFour_True(string name)
    {
        Assert.True(ConditionalRules.IsConditional(Of((name, "x"))));
    }

    [Fact]
    public void IsConditional_IfRangeOnly_False()
    {
        Assert.False(ConditionalRules.IsConditional(Of(("If-Range", "\"a\""), ("Range", "bytes=0-1"))));
    }
}
