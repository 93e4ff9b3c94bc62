using System.Net;
using Yarp.ReverseProxy.Forwarder;

// The baseline of the load runs: YARP's direct forwarder with its default transforms and nothing
// else, sending every request to --origin (default http://127.0.0.1:8081).
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddHttpForwarder();
var app = builder.Build();
var origin = app.Configuration["origin"] ?? "http://127.0.0.1:8081";
var client = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    ActivityHeadersPropagator = null,
});
var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
app.Run(async context => await forwarder.SendAsync(context, origin, client));
app.Run();
