using System.Security.Cryptography;
using System.Text;
using EdgeCompute.EdgeNode.Caching;
using EdgeCompute.EdgeNode.Model;
using EdgeCompute.EdgeNode.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EdgeCompute.EdgeNode.Admin;

/// <summary>
/// The admin API on its own listener, so that no viewer path is shadowed and the API can be kept
/// off public interfaces: <c>POST /invalidations</c> removes stored responses by path or wildcard
/// (it needs the configured bearer token); <c>/healthz</c>, <c>/readyz</c> and <c>/metrics</c>
/// (<see cref="ObservabilityEndpoints"/>, read-only) do not.
/// </summary>
internal sealed class AdminListenerService : IHostedService, IAsyncDisposable
{
    private readonly AdminOptions _options;
    private readonly HttpCacheStore _store;
    private readonly ILoggerFactory _loggers;
    private readonly ObservabilityEndpoints? _observability;
    private WebApplication? _app;

    public AdminListenerService(IOptions<AdminOptions> options, HttpCacheStore store, ILoggerFactory loggers,
        ObservabilityEndpoints? observability = null)
    {
        _observability = observability;
        _options = options.Value;
        _store = store;
        _loggers = loggers;
    }

    /// <summary>The addresses the admin API listens on, once started (a port 0 is resolved).</summary>
    public IReadOnlyList<string> Urls => _app?.Urls.ToArray() ?? [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(_options.Urls))
        {
            return;
        }
        if (string.IsNullOrEmpty(_options.Token))
        {
            throw new InvalidOperationException("Admin:Urls is set but Admin:Token is not: the admin API would be open to anyone who reaches it.");
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(_options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSingleton(_loggers);
        _app = builder.Build();
        _app.MapPost("/invalidations", Invalidate);
        _observability?.Map(_app);
        await _app.StartAsync(cancellationToken);
    }

    private IResult Invalidate(HttpContext context, InvalidationRequest? request)
    {
        if (!Authorized(context.Request))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong admin token",
                detail: "Send the token from the Admin:Token setting as 'Authorization: Bearer <token>'.");
        }
        if (request?.Paths is not { Count: > 0 } paths)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No paths",
                detail: "The body must be JSON like {\"paths\": [\"/index.html\", \"/images/*\"]}.");
        }
        var bad = paths.Where(p => string.IsNullOrEmpty(p) || p[0] != '/').ToList();
        if (bad.Count > 0)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid paths",
                detail: $"Each path must start with '/': {string.Join(", ", bad.Select(b => $"'{b}'"))}.");
        }
        var removed = _store.Invalidate(request.DistributionId, paths.Select(p => new PathPattern(p)).ToList());
        var id = "I" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        return Results.Json(new InvalidationResult(id, request.DistributionId, paths, removed), statusCode: StatusCodes.Status201Created);
    }

    private bool Authorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // Constant-time, so that the token cannot be guessed a byte at a time from response times.
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(header[prefix.Length..].Trim()), Encoding.UTF8.GetBytes(_options.Token!));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
