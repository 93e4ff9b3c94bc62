using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Tests.Model;

/// <summary>CloudFront path patterns: <c>*</c> any run of characters (slashes too), <c>?</c> one character, case-sensitive, anchored.</summary>
public sealed class PathPatternTests
{
    [Theory]
    [InlineData("*", "/")]
    [InlineData("*", "/any/thing/at/all.html")]
    [InlineData("/images/*.jpg", "/images/cat.jpg")]
    [InlineData("/images/*.jpg", "/images/2024/cats/cat.jpg")]
    [InlineData("/images/*.jpg", "/images/.jpg")]
    [InlineData("/*.jpg", "/deep/down/cat.jpg")]
    [InlineData("*.jpg", "/cat.jpg")]
    [InlineData("/images/*", "/images/")]
    [InlineData("/a?c", "/abc")]
    [InlineData("/a?c", "/a/c")]
    [InlineData("/file-??.txt", "/file-01.txt")]
    [InlineData("/index.html", "/index.html")]
    [InlineData("/a/*/c/*.png", "/a/b/c/d.png")]
    [InlineData("/a/*/c/*.png", "/a/b1/b2/c/d/e.png")]
    [InlineData("/api/**", "/api/v1")]
    public void IsMatch_MatchingPath_ReturnsTrue(string pattern, string path) =>
        Assert.True(new PathPattern(pattern).IsMatch(path));

    [Theory]
    [InlineData("/images/*.jpg", "/images/cat.png")]
    [InlineData("/images/*.jpg", "/img/cat.jpg")]
    [InlineData("/images/*.jpg", "/images/cat.jpg.html")]
    [InlineData("/images/*", "/images")]
    [InlineData("/a?c", "/ac")]
    [InlineData("/a?c", "/abbc")]
    [InlineData("/index.html", "/index.htmlx")]
    [InlineData("/index.html", "/x/index.html")]
    [InlineData("/a/*/c/*.png", "/a/c/d.png")]
    public void IsMatch_OtherPath_ReturnsFalse(string pattern, string path) =>
        Assert.False(new PathPattern(pattern).IsMatch(path));

    [Theory]
    [InlineData("/images/*.jpg", "/images/cat.JPG")]
    [InlineData("/images/*.jpg", "/Images/cat.jpg")]
    [InlineData("/API/*", "/api/v1")]
    public void IsMatch_DifferentLetterCase_ReturnsFalse(string pattern, string path) =>
        Assert.False(new PathPattern(pattern).IsMatch(path));

    [Theory]
    [InlineData("images/*.jpg", "/images/cat.jpg", true)]
    [InlineData("images/*.jpg", "/other/images/cat.jpg", false)]
    [InlineData("index.html", "/index.html", true)]
    [InlineData("?ndex.html", "/index.html", true)]
    public void IsMatch_PatternWithoutLeadingSlash_ImpliesIt(string pattern, string path, bool expected) =>
        Assert.Equal(expected, new PathPattern(pattern).IsMatch(path));

    [Fact]
    public void Text_IsThePatternAsWritten()
    {
        var pattern = new PathPattern("images/*.jpg");

        Assert.Equal("images/*.jpg", pattern.Text);
        Assert.Equal("images/*.jpg", pattern.ToString());
    }
}
