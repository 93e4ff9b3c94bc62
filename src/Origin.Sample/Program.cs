using EdgeCompute.Origin.Sample.Billing;
using EdgeCompute.Origin.Sample.Content;
using EdgeCompute.Origin.Sample.Hosting;
using EdgeCompute.Origin.Sample.Logs;
using EdgeCompute.Origin.Sample.Observability;
using EdgeCompute.Origin.Sample.Registry;

var builder = OriginApp.CreateBuilder(args);

// The edge node's sample configuration expects its origin here; --urls or ASPNETCORE_URLS
// still win, so tests can run the origin on any free port.
builder.WebHost.UseUrlsIfUnconfigured(builder.Configuration, "http://127.0.0.1:8081");

builder.Services.AddSampleOrigin();
builder.Services.AddRegistry(builder.Configuration);
builder.Services.AddBilling(builder.Configuration);
builder.Services.AddOriginObservability(builder.Configuration);
builder.Services.AddLogs(builder.Configuration);

var app = builder.Build();
app.MapRegistry();
app.MapBilling();
app.MapOriginObservability();
app.MapLogs();
app.MapSampleOrigin();
app.Run();

/// <summary>Public so test projects can use <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program
{
}
