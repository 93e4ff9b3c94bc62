using EdgeCompute.EdgeNode.Caching.Rules;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>HTTP-date parsing with the suite's expires-parse cases.</summary>
public sealed class HttpDateTests
{
    [Theory]
    [InlineData("Tue, 19 Jan 2038 14:14:08 GMT", 2038, 1, 19, 14)]
    [InlineData("Sun, 21 Nov 2286 04:46:39 GMT", 2286, 11, 21, 4)]
    [InlineData("Thursday, 18-Aug-50 02:01:18 GMT", 2050, 8, 18, 2)]
    [InlineData("Thu Aug  8 02:01:18 2050", 2050, 8, 8, 2)]
    [InlineData("Thu Aug 18 02:01:18 2050", 2050, 8, 18, 2)]
    [InlineData("THU, 18 Aug 2050 02:01:18 GMT", 2050, 8, 18, 2)]
    [InlineData("Thu, 18 AUG 2050 02:01:18 GMT", 2050, 8, 18, 2)]
    [InlineData("Thu, 18 Aug 2050 02:01:18 gMT", 2050, 8, 18, 2)]
    public void TryParse_ValidForms_Parse(string text, int year, int month, int day, int hour)
    {
        Assert.True(HttpDate.TryParse(text, out var value));
        Assert.Equal(new DateTimeOffset(year, month, day, hour, value.Minute, value.Second, TimeSpan.Zero), value);
    }

    [Theory]
    [InlineData("Thu, 18 Aug 2050 02:01:18 UTC")]
    [InlineData("Thu, 18 Aug 2050 02:01:18 AEST")]
    [InlineData("Thu, 18 Aug 50 02:01:18 GMT")]
    [InlineData("Thu 18 Aug 2050 02:01:18 GMT")]
    [InlineData("Thu, 18  Aug  2050 02:01:18 GMT")]
    [InlineData("Thu, 18-Aug-2050 02:01:18 GMT")]
    [InlineData("Thu, 18 Aug 2050 02.01.18 GMT")]
    [InlineData("Thu, 18 Aug 2050 2:01:18 GMT")]
    [InlineData("Thu, 31 Feb 2050 02:01:18 GMT")]
    [InlineData("Thu, 18 Aug 2050 24:01:18 GMT")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_Invalid_Fails(string? text)
    {
        Assert.False(HttpDate.TryParse(text, out _));
    }

    [Fact]
    public void TryParseField_DifferingLines_Fails()
    {
        Assert.False(HttpDate.TryParseField(Headers.Lines("Thu, 18 Aug 2050 02:01:18 GMT", "Thu, 18 Aug 2050 02:01:19 GMT"), out _));
    }

    [Fact]
    public void TryParseField_RepeatedIdenticalLine_Parses()
    {
        Assert.True(HttpDate.TryParseField(Headers.Lines("Thu, 18 Aug 2050 02:01:18 GMT", "Thu, 18 Aug 2050 02:01:18 GMT"), out _));
    }

    [Fact]
    public void Format_Date_IsImfFixdate()
    {
        Assert.Equal("Thu, 01 Jan 2026 12:00:00 GMT", HttpDate.Format(Headers.Now));
    }
}
