using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

// The ceiling of the cache hit load runs: Kestrel answering from a dictionary with the bytes and
// header fields the edge node sends on a hit of the sample origin's /cacheable/kb1 and /cacheable/kb64,
// and no cache logic (no key, no freshness, no conditions). Everything a request needs is built at
// start-up, so a request costs one lookup and a write of the stored bytes into Kestrel's pipe.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
var app = builder.Build();

var bodies = new Dictionary<string, byte[]>(StringComparer.Ordinal)
{
    ["/cacheable/kb1"] = Body(1024),
    ["/cacheable/kb64"] = Body(64 * 1024),
};
// The header fields of the node's hit; Date is Kestrel's (the node sends the stored one). Values are
// made once: assigning a StringValues stores the reference, so a request builds no strings.
StringValues contentType = "text/plain; charset=utf-8";
StringValues cacheControl = "public,max-age=600";
StringValues etag = "\"bench\"";
StringValues server = "EdgeCompute-Origin-Sample";
StringValues acceptRanges = "bytes";
StringValues age = "5";
StringValues via = "1.1 bench (EdgeCompute)";
StringValues xCache = "Hit from edge";
StringValues requestId = "ClwZmFpwgSuqeaknCDezQh6YAwu3KaLHxPVxXqlrEFBV74RY-BFQ2g==";

app.Run(async context =>
{
    var response = context.Response;
    if (!bodies.TryGetValue(context.Request.Path.Value ?? "", out var body))
    {
        response.StatusCode = StatusCodes.Status404NotFound;
        return;
    }
    var headers = response.Headers;
    headers.ContentType = contentType;
    headers.Server = server;
    headers.CacheControl = cacheControl;
    headers.ETag = etag;
    headers.AcceptRanges = acceptRanges;
    headers.Age = age;
    headers.Via = via;
    headers["X-Cache"] = xCache;
    headers["X-Amz-Cf-Id"] = requestId;
    response.ContentLength = body.Length;
    // Kestrel copies the bytes into its pipe (as for the node); nothing else is copied or allocated.
    await response.BodyWriter.WriteAsync(body, context.RequestAborted);
});
app.Run();

static byte[] Body(int length)
{
    // The same bytes as the sample origin's answer for a path it has served once.
    const string text = "served 0\n";
    return Encoding.ASCII.GetBytes(text + new string('x', length - text.Length));
}
