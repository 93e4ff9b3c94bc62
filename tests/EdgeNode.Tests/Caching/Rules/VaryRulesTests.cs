using EdgeCompute.EdgeNode.Caching.Rules;
using static EdgeCompute.EdgeNode.Tests.Caching.Rules.Headers;

namespace EdgeCompute.EdgeNode.Tests.Caching.Rules;

/// <summary>Vary parsing and matching (suite: vary, vary-parse).</summary>
public sealed class VaryRulesTests
{
    [Theory]
    [InlineData("*")]
    [InlineData("*, *")]
    [InlineData("*|*")]
    [InlineData(", *")]
    [InlineData("|*")]
    [InlineData("*, Foo")]
    [InlineData("Foo, *")]
    public void ReadVaryFields_AnyStar_IsStar(string joinedLines)
    {
        var response = new Microsoft.AspNetCore.Http.HeaderDictionary { ["Vary"] = Lines(joinedLines.Split('|')) };

        VaryRules.ReadVaryFields(response, out var isStar);

        Assert.True(isStar);
    }

    [Fact]
    public void ReadVaryFields_Lines_LowerCaseTrimmedDeduplicated()
    {
        var fields = VaryRules.ReadVaryFields(Of(("Vary", " Foo ,Bar"), ("Vary", "foo, , Baz")), out var isStar);

        Assert.False(isStar);
        Assert.Equal(["foo", "bar", "baz"], fields);
    }

    [Fact]
    public void ReadVaryFields_NoVary_Empty()
    {
        Assert.Empty(VaryRules.ReadVaryFields(Of(), out _));
    }

    [Fact]
    public void SelectValues_MissingField_IsNull()
    {
        Assert.Equal((IEnumerable<string?>)new string?[] { "1", null }, VaryRules.SelectValues(["foo", "bar"], Of(("Foo", "1"))));
    }

    [Fact]
    public void SelectValues_MultipleLines_CombinedAndTrimmed()
    {
        Assert.Equal((IEnumerable<string?>)new string?[] { "1, 2" }, VaryRules.SelectValues(["foo"], Of(("Foo", " 1"), ("Foo", "2 "))));
        Assert.Equal((IEnumerable<string?>)new string?[] { "1, 2" }, VaryRules.SelectValues(["foo"], Of(("Foo", " 1 ,   2 "))));
        Assert.Equal((IEnumerable<string?>)new string?[] { "1, 2" }, VaryRules.SelectValues(["foo"], Of(("Foo", "1,2"))));
    }

    [Fact]
    public void Matches_SameValues_True()
    {
        string[] fields = ["foo", "bar"];
        var stored = VaryRules.SelectValues(fields, Of(("Foo", "1"), ("Bar", "abc")));

        Assert.True(VaryRules.Matches(fields, stored, Of(("Bar", "abc"), ("Foo", "1"), ("Other", "3"))));
    }

    [Fact]
    public void Matches_DifferentValue_False()
    {
        string[] fields = ["foo", "bar", "baz"];
        var stored = VaryRules.SelectValues(fields, Of(("Foo", "1"), ("Bar", "abc"), ("Baz", "789")));

        Assert.False(VaryRules.Matches(fields, stored, Of(("Foo", "1"), ("Baz", "789"), ("Bar", "abcde"))));
    }

    [Fact]
    public void Matches_OmittedOnOneSide_False()
    {
        string[] fields = ["foo"];

        Assert.False(VaryRules.Matches(fields, VaryRules.SelectValues(fields, Of()), Of(("Foo", "1"))));
        Assert.False(VaryRules.Matches(fields, VaryRules.SelectValues(fields, Of(("Foo", "1"))), Of()));
    }

    [Fact]
    public void Matches_OmittedOnBothSides_True()
    {
        string[] fields = ["foo", "bar", "baz"];
        var stored = VaryRules.SelectValues(fields, Of(("Foo", "1"), ("Baz", "789")));

        Assert.True(VaryRules.Matches(fields, stored, Of(("Foo", "1"), ("Baz", "789"))));
    }

    [Fact]
    public void Matches_CombinedLinesVersusOneLine_True()
    {
        string[] fields = ["foo"];

        Assert.True(VaryRules.Matches(fields, VaryRules.SelectValues(fields, Of(("Foo", "1, 2"))), Of(("Foo", "1"), ("Foo", "2"))));
    }

    [Theory]
    [InlineData("de, en")]
    [InlineData("eN, De")]
    [InlineData(" en ,   de")]
    public void Matches_AcceptLanguageOrderCaseWhitespace_True(string presented)
    {
        string[] fields = ["accept-language"];
        var stored = VaryRules.SelectValues(fields, Of(("Accept-Language", "en, de")));

        Assert.True(VaryRules.Matches(fields, stored, Of(("Accept-Language", presented))));
    }

    [Fact]
    public void Matches_ValueCaseOfUnknownField_Significant()
    {
        string[] fields = ["foo"];

        Assert.False(VaryRules.Matches(fields, VaryRules.SelectValues(fields, Of(("Foo", "a"))), Of(("Foo", "A"))));
    }

    [Fact]
    public void Matches_StarField_False()
    {
        Assert.False(VaryRules.Matches(["*"], [null], Of()));
    }
}
