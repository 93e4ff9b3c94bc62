using EdgeCompute.EdgeNode.Caching.Rules;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Age parsing (suite age-parse) and the Age value the cache sends.</summary>
public sealed class AgeRulesTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("-7200")]
    [InlineData("7200.0")]
    [InlineData("")]
    [InlineData(" ")]
    public void Parse_Invalid_IsNull(string line)
    {
        Assert.Null(AgeRules.Parse(Headers.Lines(line)));
    }

    [Theory]
    [InlineData(new[] { "7200" }, 7200L)]
    [InlineData(new[] { "7200, 0" }, 7200L)]
    [InlineData(new[] { "0, 7200" }, 0L)]
    [InlineData(new[] { "7200", "0" }, 7200L)]
    [InlineData(new[] { "0", "7200" }, 0L)]
    [InlineData(new[] { "7200;foo=bar" }, 7200L)]
    [InlineData(new[] { "7200;foo=111" }, 7200L)]
    [InlineData(new[] { " 60 " }, 60L)]
    [InlineData(new[] { "2147483647" }, 2147483647L)]
    [InlineData(new[] { "2147483649" }, 2147483648L)]
    [InlineData(new[] { "99999999999999999999" }, 2147483648L)]
    public void Parse_Valid_FirstLineFirstMember(string[] lines, long seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), AgeRules.Parse(Headers.Lines(lines)));
    }

    [Fact]
    public void Parse_Absent_IsNull()
    {
        Assert.Null(AgeRules.Parse(default));
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-5.0, "0")]
    [InlineData(1.999, "1")]
    [InlineData(3600.5, "3600")]
    [InlineData(1e11, "2147483648")]
    public void FormatAge_Seconds_FloorAndCap(double seconds, string expected)
    {
        Assert.Equal(expected, AgeRules.FormatAge(TimeSpan.FromSeconds(seconds)));
    }
}
