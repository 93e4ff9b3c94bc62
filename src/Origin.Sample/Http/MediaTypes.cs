namespace EdgeCompute.Origin.Sample.Http;

/// <summary>
/// Content-Type values used by the sample origin. Text types always carry an explicit
/// charset so an edge cache never has to sniff or guess the encoding.
/// </summary>
internal static class MediaTypes
{
    public const string Html = "text/html; charset=utf-8";
    public const string PlainText = "text/plain; charset=utf-8";
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";
    public const string JavaScript = "text/javascript; charset=utf-8";
    public const string Css = "text/css; charset=utf-8";
    public const string Png = "image/png";
    public const string Svg = "image/svg+xml";
}
