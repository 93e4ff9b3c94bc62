using EdgeCompute.EdgeNode.Events;
using EdgeCompute.EdgeNode.Model;

namespace EdgeCompute.EdgeNode.Tests.Events;

/// <summary>CloudFront's header restrictions (DESIGN §3) and the Title-Case key CloudFront fills in.</summary>
public sealed class HeaderRulesTests
{
    [Theory]
    [InlineData("x-my-header", "X-My-Header")]
    [InlineData("host", "Host")]
    [InlineData("content-type", "Content-Type")]
    [InlineData("cloudfront-viewer-country", "Cloudfront-Viewer-Country")]
    [InlineData("X-ALREADY-UPPER", "X-ALREADY-UPPER")]
    [InlineData("x--double", "X--Double")]
    [InlineData("dnt", "Dnt")]
    [InlineData("", "")]
    public void TitleCase_LowerCaseName_CapitalisesEachWord(string name, string expected) =>
        Assert.Equal(expected, HeaderRules.TitleCase(name));

    [Theory]
    [InlineData("Connection")]
    [InlineData("connection")]
    [InlineData("Expect")]
    [InlineData("Keep-Alive")]
    [InlineData("Proxy-Authenticate")]
    [InlineData("proxy-authorization")]
    [InlineData("Proxy-Connection")]
    [InlineData("Trailer")]
    [InlineData("Upgrade")]
    [InlineData("X-Accel-Redirect")]
    [InlineData("x-amz-cf-id")]
    [InlineData("X-Amz-Cf-Pop")]
    [InlineData("x-amzn-trace-id")]
    [InlineData("X-Cache")]
    [InlineData("x-edge-location")]
    [InlineData("X-Forwarded-Proto")]
    [InlineData("x-real-ip")]
    public void IsDisallowed_ListedNameOrPrefix_ReturnsTrue(string name) =>
        Assert.True(HeaderRules.IsDisallowed(name));

    [Theory]
    [InlineData("Host")]
    [InlineData("X-Forwarded-For")]
    [InlineData("x-amz-date")]
    [InlineData("X-Amz-Content-Sha256")]
    [InlineData("X-Cache-Status")]
    [InlineData("x-accelerated")]
    [InlineData("X-Edge")]
    [InlineData("Authorization")]
    public void IsDisallowed_OtherName_ReturnsFalse(string name) =>
        Assert.False(HeaderRules.IsDisallowed(name));

    [Theory]
    [InlineData(EdgeEventType.ViewerRequest, new[] { "content-length", "host", "transfer-encoding", "via" })]
    [InlineData(EdgeEventType.OriginRequest, new[] { "accept-encoding", "content-length", "if-modified-since", "if-none-match", "if-range", "if-unmodified-since", "transfer-encoding", "via" })]
    [InlineData(EdgeEventType.OriginResponse, new[] { "transfer-encoding", "via" })]
    [InlineData(EdgeEventType.ViewerResponse, new[] { "warning", "via" })]
    public void ReadOnlyFor_Event_ListsCloudFrontsReadOnlyHeaders(EdgeEventType type, string[] expected) =>
        Assert.Equal(expected.Order(), HeaderRules.ReadOnlyFor(type).Order());

    [Theory]
    [InlineData("x-ok", true)]
    [InlineData("X_Under.Score~!#$%&'*+^`|", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("colon:", false)]
    [InlineData("brace{", false)]
    [InlineData("ünïcode", false)]
    [InlineData("tab\t", false)]
    public void IsValidName_Token_OnlyTokenCharacters(string name, bool expected) =>
        Assert.Equal(expected, HeaderRules.IsValidName(name));

    [Theory]
    [InlineData("plain value", true)]
    [InlineData("tab\tinside", true)]
    [InlineData("", true)]
    [InlineData("a\r\nInjected: 1", false)]
    [InlineData("a\nb", false)]
    [InlineData("a\rb", false)]
    [InlineData("nul\0", false)]
    [InlineData("bell\u0007", false)]
    [InlineData("del\u007f", false)]
    [InlineData("caf\u00e9", false)]
    [InlineData("emoji \ud83d\ude00", false)]
    [InlineData("visible !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", true)]
    public void IsValidValue_ControlOrNonAscii_AreRefused(string value, bool expected) =>
        Assert.Equal(expected, HeaderRules.IsValidValue(value));
}
